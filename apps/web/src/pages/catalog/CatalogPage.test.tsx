import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  catalogRoutes,
  complianceHit,
  managerSession,
  searchHit,
} from '../../test/catalogFixtures';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

function fileInput(dialog: HTMLElement) {
  const input = dialog.querySelector('input[type="file"]');
  if (!(input instanceof HTMLInputElement)) throw new Error('no file input in the dialog');
  return input;
}

function choose(dialog: HTMLElement, name: string, content: unknown) {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  const file = new File([text], name, { type: 'application/json' });
  fireEvent.change(fileInput(dialog), { target: { files: [file] } });
}

/** The own control the add form creates, as the server answers for it. */
function ownControl() {
  return {
    ...searchHit(1),
    id: '10.3.9',
    displayId: '10(3)⑨',
    title: { en: 'Cloud key custody' },
    summary: null,
    own: true,
    params: [],
    usage: {
      risks: [],
      soa: [],
      documents: [],
      totals: { risks: 0, documents: 0 },
      hidden: [],
    },
  };
}

describe('catalog browser', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows domains, objectives with their 管理目的, and the controls under them', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ ...signedInRoutes(sessionInfo('staff')), ...catalogRoutes() }).fetch,
    );
    renderApp('/catalog');

    expect(await screen.findByRole('heading', { level: 1, name: 'Control catalog' })).toBeTruthy();
    expect(await screen.findByRole('combobox', { name: 'Catalog' })).toHaveProperty(
      'value',
      'ISMS Certification Criteria Ver.2.0',
    );
    const domain = await screen.findByRole('button', {
      name: 'A.10 Systems development and maintenance',
    });
    expect(screen.getByRole('button', { name: 'A.3 Security policy' })).toBeTruthy();
    expect(domain.getAttribute('aria-expanded')).toBe('false');
    // Collapsed: the objectives are not shown yet.
    expect(screen.queryByRole('button', { name: 'A.10.3 Cryptographic controls' })).toBeNull();

    fireEvent.click(domain);
    const objective = await screen.findByRole('button', { name: 'A.10.3 Cryptographic controls' });
    expect(domain.getAttribute('aria-expanded')).toBe('true');
    const objectiveItem = objective.closest('li')!;
    expect(within(objectiveItem).getByText('Control objective')).toBeTruthy();
    expect(
      within(objectiveItem).getByText('To protect the confidentiality of information.'),
    ).toBeTruthy();

    fireEvent.click(objective);
    const control = await screen.findByRole('link', { name: 'A.10.3.2 Encryption' });
    // Dots are escaped so the address also opens as a deep link.
    expect(control.getAttribute('href')).toBe('/catalog/jipdec-isms-2%2E0/controls/10%2E3%2E2');
    expect(
      screen.getByRole('link', { name: 'A.10.3.1 Policy on the use of cryptographic controls' }),
    ).toBeTruthy();
    expect(screen.getByText('Encrypt sensitive information.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(screen.queryByRole('link', { name: 'A.10.3.2 Encryption' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(
      await screen.findByRole('link', { name: 'A.3.1.1 Information security policy document' }),
    ).toBeTruthy();
  });

  it('searches with the words typed, shows where each match sits, marks the words and loads more', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('staff')),
      ...catalogRoutes(),
      'GET /api/v1/catalogs/jipdec-isms-2.0/controls': ({ query }) => {
        if (query.get('q') === 'nothing') return { body: { items: [], nextCursor: null } };
        if (query.get('cursor') === 'page-2') {
          return { body: { items: [complianceHit], nextCursor: null } };
        }
        return { body: { items: [searchHit(0), searchHit(1)], nextCursor: 'page-2' } };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderApp('/catalog');

    const search = await screen.findByRole('searchbox', { name: 'Search controls' });
    fireEvent.change(search, { target: { value: 'cryptographic' } });
    const results = await screen.findByRole('list', { name: 'Matching controls' });
    // jsdom's name computation runs the <mark> into its neighbours; the text shows the words.
    const first = await within(results).findByRole('link', {
      name: /^A\.10\.3\.1 Policy on the use/,
    });
    expect(first.textContent).toBe('A.10.3.1 Policy on the use of cryptographic controls');
    expect(first.querySelector('mark')?.textContent).toBe('cryptographic');
    const firstItem = first.closest('li')!;
    expect(firstItem.textContent).toContain('A.10 Systems development and maintenance');
    expect(firstItem.textContent).toContain('A.10.3 Cryptographic controls');
    expect(screen.getByText('The first 2 matching controls')).toBeTruthy();
    expect(api.calls.some((call) => call.query.get('q') === 'cryptographic')).toBe(true);
    expect(router.state.location.search).toBe('?q=cryptographic');

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(
      await within(results).findByRole('link', { name: /^A\.12\.1\.6 Regulation of/ }),
    ).toBeTruthy();
    expect(api.calls.some((call) => call.query.get('cursor') === 'page-2')).toBe(true);
    expect(screen.getByText('3 controls match')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    fireEvent.change(search, { target: { value: 'nothing' } });
    expect(await screen.findByText('No control matches “nothing”')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the search' }));
    expect(await screen.findByRole('button', { name: 'A.3 Security policy' })).toBeTruthy();
  }, 15_000);

  it('follows the UI language: Japanese titles, then English after switching', async () => {
    const session = sessionInfo('staff', { locale: 'ja' });
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(session),
        ...catalogRoutes(),
        'PATCH /api/v1/me': ({ body }) => ({ body: { ...session.user, ...(body as object) } }),
      }).fetch,
    );
    renderApp('/catalog');

    fireEvent.click(await screen.findByRole('button', { name: '10 システムの開発及び保守' }));
    fireEvent.click(await screen.findByRole('button', { name: '10(3) 暗号による管理策' }));
    expect(await screen.findByRole('link', { name: '10(3)② 暗号化' })).toBeTruthy();
    expect(screen.getByText('管理目的', { selector: 'span' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '附属書の管理策' })).toBeTruthy();

    const switcher = screen.getByRole('radiogroup', { name: '表示言語' });
    fireEvent.click(within(switcher).getByRole('radio', { name: 'English' }));

    expect(await screen.findByRole('link', { name: 'A.10.3.2 Encryption' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'A.10.3 Cryptographic controls' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Annex controls' })).toBeTruthy();
    expect(
      screen
        .getByRole('link', { name: 'A.10.3.2 Encryption' })
        .querySelector('[lang]')
        ?.getAttribute('lang'),
    ).toBe('en');
  });

  it('shows a single-language library in its language, and says so', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ ...signedInRoutes(sessionInfo('staff', { locale: 'ja' })), ...catalogRoutes() })
        .fetch,
    );
    renderApp('/catalog?library=acme-cloud');

    expect(await screen.findByText('このカタログには日本語の記述がありません')).toBeTruthy();
    expect(screen.getByText('英語で記述されているため、その言語で表示しています。')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'カタログ' })).toHaveProperty(
      'value',
      'Acme Cloud Controls',
    );
    // No requirements: only the controls and the glossary.
    expect(screen.queryByRole('tab', { name: /^要求事項/ })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'ac Access' }));
    const link = await screen.findByRole('link', { name: 'ac-1 Access reviews' });
    expect(link.querySelector('[lang="en"]')).toBeTruthy();
  });

  it('shows the requirements 第4–第7 and the glossary', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ ...signedInRoutes(sessionInfo('staff')), ...catalogRoutes() }).fetch,
    );
    renderApp('/catalog?tab=requirements');

    const clause = await screen.findByRole('button', { name: '4 The ISMS' });
    expect(clause.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '4.2 Establishing and managing the ISMS' }));
    fireEvent.click(await screen.findByRole('button', { name: '4.2.1 Establish the ISMS' }));
    expect(await screen.findByText('4.2.1 d (2)')).toBeTruthy();
    expect(screen.getByText('Identify the threats to those assets.')).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'Glossary' }));
    expect(await screen.findByText('availability')).toBeTruthy();
    expect(screen.getByText('可用性')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter the glossary' }), {
      target: { value: 'zzz' },
    });
    expect(screen.getByText('No term matches')).toBeTruthy();
  });

  it('offers a reader export but no management', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ ...signedInRoutes(sessionInfo('staff')), ...catalogRoutes() }).fetch,
    );
    renderApp('/catalog');

    fireEvent.click(
      await screen.findByRole('button', { name: 'A.10 Systems development and maintenance' }),
    );
    await screen.findByRole('button', { name: 'A.10.3 Cryptographic controls' });
    expect(screen.getByRole('button', { name: 'Export' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Manage' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Add an own control under/ })).toBeNull();
  });

  it('offers a manager management, and export downloads in each language', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ ...signedInRoutes(managerSession()), ...catalogRoutes() }).fetch,
    );
    renderApp('/catalog');

    fireEvent.click(
      await screen.findByRole('button', { name: 'A.10 Systems development and maintenance' }),
    );
    expect(
      await screen.findByRole('button', {
        name: 'Add an own control under A.10.3 Cryptographic controls',
      }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Manage' }));
    // Mantine's menu in jsdom closes again right after opening: read every item at once.
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Import a catalog…',
      'Add an own control…',
      'Import licensed text…',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    // Mantine's menu in jsdom closes again right after opening: read every item at once.
    const exports = await screen.findAllByRole('menuitem');
    expect(exports.map((item) => [item.textContent, item.getAttribute('href')])).toEqual([
      ['OSCAL JSON in Japanese', '/api/v1/catalogs/jipdec-isms-2.0/export?format=oscal&locale=ja'],
      ['OSCAL JSON in English', '/api/v1/catalogs/jipdec-isms-2.0/export?format=oscal&locale=en'],
      ['Mamoru JSON, all languages', '/api/v1/catalogs/jipdec-isms-2.0/export?format=native'],
    ]);
  });

  // The catalog import (formats, preview step, refusals) is tested in ImportLibraryModal.test.tsx.

  it('imports licensed text: unknown IDs are listed, then how many texts applied', async () => {
    let calls = 0;
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      ...catalogRoutes(),
      'PUT /api/v1/catalogs/jipdec-isms-2.0/overlay': () => {
        calls += 1;
        if (calls === 1) {
          return problem(422, 'The catalog has no node with these IDs (1): control 10.3.99.', {
            code: 'catalog_overlay_unknown_ids',
            errors: [
              {
                field: 'texts.1.id',
                code: 'catalog_overlay_unknown_id',
                message: 'The catalog has no control with the ID 10.3.99.',
              },
            ],
          });
        }
        return { body: { libraryId: 'jipdec-isms-2.0', texts: 2, replaced: 1 } };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/catalog');

    fireEvent.click(await screen.findByRole('button', { name: 'Manage' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Import licensed text…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import licensed text' });
    const overlay = {
      texts: [
        { namespace: 'control', id: '10.3.2', text: { ja: '公式' } },
        { namespace: 'control', id: '10.3.99', text: { ja: '公式' } },
      ],
    };
    choose(dialog, 'overlay.json', overlay);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import licensed text' }));
    const refusal = await within(dialog).findByRole('alert');
    expect(within(refusal).getByText('texts.1.id')).toBeTruthy();
    expect(
      within(refusal).getByText('The catalog has no control with the ID 10.3.99.'),
    ).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Import licensed text' }));
    expect(await within(dialog).findByText('Licensed text applied to 2 items')).toBeTruthy();
    expect(
      within(dialog).getByText(
        'It replaced 1 earlier text of ISMS Certification Criteria Ver.2.0.',
      ),
    ).toBeTruthy();
    const put = api.calls.find((call) => call.method === 'PUT');
    expect(put?.body).toEqual(overlay);
    expect(put?.headers.get('x-csrf-token')).toBe('csrf-test-token');
  });

  it('adds an own control under an objective, checking the title first', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      ...catalogRoutes(),
      'POST /api/v1/catalogs/jipdec-isms-2.0/controls': ({ body }) => ({
        status: 201,
        body: { ...ownControl(), echo: body },
      }),
      'GET /api/v1/catalogs/jipdec-isms-2.0/controls/10.3.9': ownControl(),
    });
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderApp('/catalog');

    fireEvent.click(
      await screen.findByRole('button', { name: 'A.10 Systems development and maintenance' }),
    );
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Add an own control under A.10.3 Cryptographic controls',
      }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Add an own control' });
    expect(within(dialog).getByRole('combobox', { name: /^Control objective/ })).toHaveProperty(
      'value',
      'A.10.3 Cryptographic controls',
    );
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^ID/ }), {
      target: { value: '10.3.9' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add control' }));
    expect(
      await within(dialog).findByText('Enter the title in Japanese, English or both.'),
    ).toBeTruthy();
    expect(api.calls.some((call) => call.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Display ID/ }), {
      target: { value: '10(3)⑨' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Title (English)' }), {
      target: { value: 'Cloud key custody' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add control' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'A.10.3.9 Cloud key custody' }),
    ).toBeTruthy();
    expect(api.calls.find((call) => call.method === 'POST')?.body).toEqual({
      objectiveId: '10.3',
      id: '10.3.9',
      displayId: '10(3)⑨',
      title: { en: 'Cloud key custody' },
    });
    expect(router.state.location.pathname).toBe('/catalog/jipdec-isms-2%2E0/controls/10%2E3%2E9');
    expect(screen.getByText("Your organization's control")).toBeTruthy();
  });
});
