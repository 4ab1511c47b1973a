import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogControl } from '../../api/catalog';
import { editionRoutes, iso2022Tree } from '../../test/catalogEditionFixtures';
import { managerSession } from '../../test/catalogFixtures';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

/** A.8.24 of the 2022 edition as search results carry it. */
const cryptoHit: CatalogControl = (() => {
  const theme = iso2022Tree.controlGroups[1]!;
  const control = theme.children[0]!;
  const themeRef = {
    id: theme.id,
    displayId: theme.displayId,
    kind: theme.kind,
    title: theme.title,
  };
  return {
    id: control.id,
    displayId: control.displayId,
    title: control.title,
    summary: null,
    guidance: null,
    official: null,
    own: false,
    ancestors: [themeRef],
    objective: null,
    domain: themeRef,
  };
})();

function serve(locale: 'ja' | 'en', manager = false) {
  const api = fakeApi({
    ...signedInRoutes(manager ? managerSession(locale) : sessionInfo('staff', { locale })),
    ...editionRoutes(),
    'GET /api/v1/catalogs/iso-iec-27001-2022/controls': { items: [cryptoHit], nextCursor: null },
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

/** Everything the page shows outside the catalog picker's own list. */
const pageText = () => document.querySelector('main')?.textContent ?? document.body.textContent;

describe('catalog page for each shipped edition', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('names Ver.2.0’s requirements by its own clauses, 第4〜第7 and 4–7', async () => {
    serve('ja');
    renderApp('/catalog?tab=requirements');
    expect(await screen.findByRole('tab', { name: '要求事項（第4〜第7）' })).toBeTruthy();
    expect(screen.getByRole('list', { name: '第4〜第7の要求事項' })).toBeTruthy();
    expect(
      screen.getByRole('button', { name: '第4 情報セキュリティマネジメントシステム' }),
    ).toBeTruthy();
    expect(screen.getByRole('tab', { name: '附属書の管理策' })).toBeTruthy();
  });

  it('follows the 2022 edition in English: clauses 4–10, Clause 4, Annex A', async () => {
    serve('en');
    renderApp('/catalog?library=iso-iec-27001-2022&tab=requirements');

    const tab = await screen.findByRole('tab', { name: 'Requirements (clauses 4–10)' });
    expect(tab.getAttribute('aria-selected')).toBe('true');
    expect(
      await screen.findByRole('list', { name: 'Requirements of clauses 4 to 10' }),
    ).toBeTruthy();
    // Top clauses are open at first: ISO's "Clause 4", and its sub-clauses as numbered.
    expect(screen.getByRole('button', { name: 'Clause 4 Organizational context' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Clause 10 Improvement' })).toBeTruthy();
    expect(screen.getByText('4.1')).toBeTruthy();
    expect(screen.queryByText(/箇条/)).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: 'Annex A controls' }));
    expect(await screen.findByRole('list', { name: 'Domains and controls' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'A.8 Technological controls' }));
    expect(await screen.findByRole('link', { name: 'A.8.24 Use of cryptography' })).toBeTruthy();
    expect(
      screen.getByRole('searchbox', { name: 'Search controls' }).getAttribute('placeholder'),
    ).toBe('e.g. 暗号, cryptographic, A.5.1');
    expect(pageText()).not.toMatch(/Ver\.2\.0|clauses 4–7|134 controls/);
  });

  it('follows the 2022 edition in Japanese: 箇条4〜箇条10 and 附属書A', async () => {
    serve('ja');
    renderApp('/catalog?library=iso-iec-27001-2022&tab=requirements');

    expect(await screen.findByRole('tab', { name: '要求事項（箇条4〜箇条10）' })).toBeTruthy();
    expect(screen.getByRole('list', { name: '箇条4〜箇条10の要求事項' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '箇条4 組織を取り巻く状況' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '箇条10 改善' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: '附属書Aの管理策' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: '要求事項（第4〜第7）' })).toBeNull();
    expect(pageText()).not.toMatch(/Ver\.2\.0|第4〜第7|詳細管理策/);
  });

  it('changes the labels when another library is picked', async () => {
    serve('en');
    const { router } = renderApp('/catalog');
    expect(await screen.findByRole('tab', { name: 'Requirements (clauses 4–7)' })).toBeTruthy();

    fireEvent.click(screen.getByRole('combobox', { name: 'Catalog' }));
    fireEvent.click(
      await screen.findByRole('option', { name: 'ISO/IEC 27001:2022', hidden: true }),
    );
    await waitFor(() => expect(router.state.location.search).toBe('?library=iso-iec-27001-2022'));
    expect(await screen.findByRole('tab', { name: 'Requirements (clauses 4–10)' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Requirements (clauses 4–7)' })).toBeNull();

    // An edition kept as control numbers only: no requirements, its controls by domain.
    fireEvent.click(screen.getByRole('combobox', { name: 'Catalog' }));
    fireEvent.click(
      await screen.findByRole('option', {
        name: 'ISO/IEC 27001:2013 Annex A (control numbers)',
        hidden: true,
      }),
    );
    expect(await screen.findByRole('button', { name: 'A.10 Cryptography' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Controls' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: /^Requirements/ })).toBeNull();
    expect(screen.getByRole('list', { name: 'Domains and controls' })).toBeTruthy();
  });

  it('shows search hits of the 2022 edition with their theme in English', async () => {
    const api = serve('en');
    renderApp('/catalog?library=iso-iec-27001-2022&q=cryptography');
    const results = await screen.findByRole('list', { name: 'Matching controls' });
    const hit = await within(results).findByRole('link', { name: /^A\.8\.24 Use of/ });
    expect(hit.getAttribute('href')).toBe('/catalog/iso-iec-27001-2022/controls/8%2E24');
    expect(hit.closest('li')!.textContent).toContain('A.8 Technological controls');
    expect(api.calls.some((c) => c.path === '/api/v1/catalogs/iso-iec-27001-2022/controls')).toBe(
      true,
    );
  });

  it('has no glossary hint about imports, and no own controls without objectives, for a shipped edition', async () => {
    serve('en', true);
    renderApp('/catalog?library=iso-iec-27001-2022&tab=glossary');
    expect(await screen.findByText('This catalog has no glossary')).toBeTruthy();
    expect(screen.queryByText(/Imported catalogs bring their terms/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Manage' }));
    const items = await screen.findAllByRole('menuitem');
    const add = items.find((item) => item.textContent === 'Add an own control…');
    expect(add?.hasAttribute('disabled') || add?.getAttribute('data-disabled') === 'true').toBe(
      true,
    );
  });
});
