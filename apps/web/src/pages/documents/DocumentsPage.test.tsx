import { configure, fireEvent, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { detail, DOC_ID, summary, V1, V2, version } from './fixtures';
import { reviewDueBy, reviewState } from './reviewDates';

const staffSession = () => {
  const s = sessionInfo('staff');
  return {
    ...s,
    permissions: { ...s.permissions, 'documents:read': 'own', 'documents:acknowledge': 'own' },
  } as typeof s;
};
const adminSession = () => {
  const s = sessionInfo('admin');
  return {
    ...s,
    permissions: { ...s.permissions, 'documents:read': 'all', 'documents:acknowledge': 'own' },
  } as typeof s;
};
/** Pages load lazily; on a busy machine the first render takes a while. */
const slow = { timeout: 90_000 };
const page = (items: unknown[]) => ({ items, nextCursor: null });
/** The attachments of V2 (V1 has none), listed by the documents-scoped route. */
const files = {
  [`GET /api/v1/documents/${DOC_ID}/versions/${V1}/files`]: page([]),
  [`GET /api/v1/documents/${DOC_ID}/versions/${V2}/files`]: page([
    {
      id: '00000000-0000-4000-8000-0000000000f1',
      sha256: 'ab'.repeat(32),
      size: 1200,
      mediaType: 'application/pdf',
      originalName: 'policy-signed.pdf',
      owner: { type: 'document_version', id: V2 },
      uploadedBy: null,
      createdAt: '2026-04-01T09:00:00.000Z',
    },
  ]),
};
const common = {
  'GET /api/v1/users': page([]),
  'GET /api/v1/classifications': page([]),
  'GET /api/v1/org-units': page([]),
  ...files,
};

describe('documents', { timeout: 180_000 }, () => {
  // Every later wait of these flows gets the same patience as the first render.
  beforeAll(() => configure({ asyncUtilTimeout: 30_000 }));
  afterAll(() => configure({ asyncUtilTimeout: 1_000 }));
  afterEach(() => vi.unstubAllGlobals());

  it('lists the register and sends search and filters to the server', async () => {
    const api = fakeApi({
      ...signedInRoutes(adminSession()),
      ...common,
      'GET /api/v1/documents': page([summary()]),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/documents');
    expect(
      await screen.findByRole('link', { name: 'Information security policy' }, slow),
    ).toBeTruthy();
    expect(screen.getByText('Rev. 2')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Search titles and text' }), {
      target: { value: '顧客情報' },
    });
    await vi.waitFor(
      () => expect(api.calls.some((c) => c.query.get('q') === '顧客情報')).toBe(true),
      slow,
    );
  });

  it('opens filtered as a link from the conformity view asks, and the filter can be dropped', async () => {
    const late = summary({
      id: '00000000-0000-4000-8000-000000000d02',
      code: 'PRC-004',
      title: 'Backup procedure',
      nextReviewDate: '2026-10-01',
    });
    const api = fakeApi({
      ...signedInRoutes(adminSession()),
      ...common,
      'GET /api/v1/documents': ({ query }) => ({
        body: page(query.get('reviewDueBy') ? [late] : [summary(), late]),
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/documents?reviewDueBy=2026-11-24&status=issued&type=nonsense');
    expect(await screen.findByRole('link', { name: 'Backup procedure' }, slow)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Information security policy' })).toBeNull();
    const calls = () => api.calls.filter((c) => c.path === '/api/v1/documents');
    const first = calls()[0]!.query;
    expect(first.get('reviewDueBy')).toBe('2026-11-24');
    expect(first.get('status')).toBe('issued');
    // A value the register does not know is not sent (the server would refuse it).
    expect(first.get('type')).toBeNull();
    expect(first.get('sort')).toBe('nextReviewDate');
    fireEvent.click(screen.getByRole('button', { name: 'Remove this filter' }));
    await vi.waitFor(() => expect(calls().at(-1)!.query.get('reviewDueBy')).toBeNull());
    expect(
      await screen.findByRole('link', { name: 'Information security policy' }, slow),
    ).toBeTruthy();
  });

  it('keeps the search in the address and starts from the one a link carries', async () => {
    const api = fakeApi({
      ...signedInRoutes(adminSession()),
      ...common,
      'GET /api/v1/documents': page([summary()]),
    });
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderApp('/documents?q=PRC-001');
    const box = await screen.findByRole('textbox', { name: 'Search titles and text' }, slow);
    expect((box as HTMLInputElement).value).toBe('PRC-001');
    const calls = () => api.calls.filter((c) => c.path === '/api/v1/documents');
    await vi.waitFor(() => expect(calls()[0]?.query.get('q')).toBe('PRC-001'), slow);
    fireEvent.change(box, { target: { value: 'backup' } });
    await vi.waitFor(
      () => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('backup'),
      slow,
    );
    const type = screen.getByRole('combobox', { name: 'Type' });
    type.focus();
    fireEvent.keyDown(type, { key: 'ArrowDown' });
    fireEvent.click(await screen.findByRole('option', { name: 'Procedure', hidden: true }));
    await vi.waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('type')).toBe('procedure'),
    );
    expect(calls().at(-1)!.query.get('type')).toBe('procedure');
  });

  it('opens the new-document form a link asks for, with its type and requirement', async () => {
    let created: unknown;
    const api = fakeApi({
      ...signedInRoutes(adminSession()),
      ...common,
      'GET /api/v1/documents': page([]),
      'POST /api/v1/documents': ({ body }) => {
        created = body;
        return { status: 201, body: detail() };
      },
      [`GET /api/v1/documents/${DOC_ID}`]: detail(),
    });
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderApp('/documents?create=procedure&requirement=7.2');
    const dialog = await screen.findByRole('dialog', { name: 'New document' }, slow);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Code/ }), {
      target: { value: 'PRC-010' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Title/ }), {
      target: { value: 'Corrective action procedure' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create document' }));
    await vi.waitFor(() => expect(created).toBeDefined(), slow);
    expect(created).toMatchObject({
      code: 'PRC-010',
      type: 'procedure',
      requirementIds: ['7.2'],
    });
    await vi.waitFor(() => expect(router.state.location.pathname).toBe(`/documents/${DOC_ID}`));
  });

  it('shows an empty register with a way to start', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ ...signedInRoutes(adminSession()), ...common, 'GET /api/v1/documents': page([]) })
        .fetch,
    );
    renderApp('/documents');
    expect(await screen.findByText('No documents yet', {}, slow)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New document' })).toBeTruthy();
  });

  it('renders the current version safely and marks an old version superseded', async () => {
    const current = version({ body: '# Policy\n\nSafe text <script>alert(1)</script><b>raw</b>' });
    const old = version({ id: V1, revision: 1, status: 'superseded', body: 'Old text' });
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(adminSession()),
        ...common,
        [`GET /api/v1/documents/${DOC_ID}`]: detail({ current }),
        [`GET /api/v1/documents/${DOC_ID}/versions`]: { items: [current, old] },
        [`GET /api/v1/documents/${DOC_ID}/versions/${V1}`]: old,
      }).fetch,
    );
    const { container } = renderApp(`/documents/${DOC_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: /Policy$/ }, slow)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Policy' })).toBeTruthy();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(await screen.findByRole('link', { name: 'policy-signed.pdf' })).toBeTruthy();

    fireEvent.click(screen.getByRole('tab', { name: 'History' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Open rev. 1' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      await within(dialog).findByText('Superseded: revision 1 is no longer in force'),
    ).toBeTruthy();
    expect(within(dialog).getByText('Old text')).toBeTruthy();
    // Old versions export too; the server watermarks them.
    expect(within(dialog).getByRole('link', { name: 'Export PDF' }).getAttribute('href')).toBe(
      `/api/v1/documents/${DOC_ID}/versions/${V1}/export.pdf?lang=en`,
    );
  });

  it('saves a draft with If-Match and sends it for approval', async () => {
    const draft = version({ id: V2, revision: 2, status: 'draft', version: 4, body: 'Draft' });
    let patch: { ifMatch: string | null; body: unknown } | undefined;
    const api = fakeApi({
      ...signedInRoutes(adminSession()),
      ...common,
      [`GET /api/v1/documents/${DOC_ID}`]: detail({
        ismsPolicy: false,
        current: version({ id: V1, revision: 1 }),
        working: draft,
      }),
      [`PATCH /api/v1/documents/${DOC_ID}/versions/${V2}`]: ({ headers, body }) => {
        patch = { ifMatch: headers.get('if-match'), body };
        return { body: { ...draft, version: 5 } };
      },
      [`POST /api/v1/documents/${DOC_ID}/versions/${V2}/approval`]: ({ headers }) => ({
        body: {
          ...draft,
          status: 'in_review',
          version: Number(headers.get('if-match')?.slice(1, -1)) + 1,
        },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/documents/${DOC_ID}`);
    fireEvent.click(await screen.findByRole('tab', { name: 'Draft' }, slow));
    fireEvent.change(await screen.findByRole('textbox', { name: /Text \(Markdown\)/ }), {
      target: { value: 'Draft, revised' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send for approval' }));
    await vi.waitFor(
      () => expect(api.calls.some((c) => c.path.endsWith('/approval'))).toBe(true),
      slow,
    );
    expect(patch).toEqual({
      ifMatch: '"4"',
      body: expect.objectContaining({ body: 'Draft, revised' }),
    });
    const approval = api.calls.find((c) => c.path.endsWith('/approval'));
    expect(approval?.headers.get('if-match')).toBe('"5"');
  });

  it('lets a staff member read and acknowledge a document distributed to them', async () => {
    let acknowledged = false;
    const api = fakeApi({
      ...signedInRoutes(staffSession()),
      ...files,
      'GET /api/v1/documents/to-read': {
        items: [
          {
            documentId: DOC_ID,
            versionId: V2,
            code: 'POL-001',
            title: 'Information security policy',
            type: 'policy',
            revision: 2,
            issuedAt: '2026-04-01T09:00:00.000Z',
            notifiedAt: '2026-04-01T09:00:00.000Z',
          },
        ],
      },
      [`GET /api/v1/documents/${DOC_ID}`]: () => ({
        body: detail({
          myAcknowledgement: {
            notifiedAt: '2026-04-01T09:00:00.000Z',
            acknowledgedAt: acknowledged ? '2026-04-02T09:00:00.000Z' : null,
          },
        }),
      }),
      [`POST /api/v1/documents/${DOC_ID}/acknowledgement`]: () => {
        acknowledged = true;
        return { status: 204 };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/documents/to-read');
    fireEvent.click(
      await screen.findByRole('link', { name: 'Read Information security policy' }, slow),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'I have read this document' }));
    expect(await screen.findByText(/You confirmed reading this version/)).toBeTruthy();
    // Staff list the attachments and export the PDF of what they may read.
    expect(
      (await screen.findByRole('link', { name: 'policy-signed.pdf' })).getAttribute('href'),
    ).toBe('/api/v1/files/00000000-0000-4000-8000-0000000000f1/content');
    expect(screen.getByRole('link', { name: 'Export PDF' }).getAttribute('href')).toBe(
      `/api/v1/documents/${DOC_ID}/versions/${V2}/export.pdf?lang=en`,
    );
    // Staff see neither the draft nor the readers' report.
    expect(screen.queryByRole('tab', { name: 'Draft' })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Acknowledgements' })).toBeNull();
  });

  it('shows who has not acknowledged yet', async () => {
    const row = (id: string, name: string, at: string | null) => ({
      userId: id,
      displayName: name,
      email: `${name.toLowerCase()}@example.com`,
      notifiedAt: '2026-04-01T09:00:00.000Z',
      acknowledgedAt: at,
    });
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(adminSession()),
        ...common,
        [`GET /api/v1/documents/${DOC_ID}`]: detail(),
        [`GET /api/v1/documents/${DOC_ID}/acknowledgements`]: {
          versionId: V2,
          revision: 2,
          acknowledged: [
            row('00000000-0000-4000-8000-0000000000a1', 'Akira', '2026-04-02T09:00:00.000Z'),
          ],
          pending: [row('00000000-0000-4000-8000-0000000000a2', 'Beni', null)],
        },
      }).fetch,
    );
    renderApp(`/documents/${DOC_ID}`);
    fireEvent.click(await screen.findByRole('tab', { name: 'Acknowledgements' }, slow));
    const pending = await screen.findByRole('table', { name: 'Not yet acknowledged' });
    expect(within(pending).getByText('Beni')).toBeTruthy();
    expect(within(pending).queryByText('Akira')).toBeNull();
  });
});

describe('review dates', () => {
  it('lists reviews up to 30 days ahead and tells overdue ones apart', () => {
    expect(reviewDueBy('2026-12-15')).toBe('2027-01-14');
    expect(reviewState('2026-12-14', '2026-12-15')).toBe('overdue');
    expect(reviewState('2026-12-15', '2026-12-15')).toBe('due');
    expect(reviewState(null, '2026-12-15')).toBe('none');
  });
});
