import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LegalObligation, LegalObligationDetail } from '@mamoru/contracts';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const slow = { timeout: 20_000 };

const keeper = () => {
  const s = sessionInfo('admin');
  return {
    ...s,
    permissions: { ...s.permissions, 'legal:read': 'all' as const, 'legal:manage': 'all' as const },
  };
};
const reader = () => {
  const s = sessionInfo('admin');
  return { ...s, permissions: { ...s.permissions, 'legal:read': 'all' as const } };
};

const appi: LegalObligation = {
  id: '00000000-0000-4000-8000-000000000c01',
  code: 'LEG-001',
  kind: 'law',
  title: 'Act on the Protection of Personal Information',
  authority: 'Personal Information Protection Commission',
  reference: 'Art. 23-26',
  summary: 'Safety measures; report leaks',
  owner: { id: '00000000-0000-4000-8000-000000000001', name: 'Aiko Admin' },
  appliesSince: null,
  reviewIntervalMonths: 12,
  nextReviewDate: '2026-01-10',
  reviewState: 'overdue',
  status: 'active',
  controlIds: ['12.1.1'],
  documentIds: [],
  contentChangedAt: null,
  retiredAt: null,
  version: 3,
  createdAt: '2025-01-10T00:00:00.000Z',
  updatedAt: '2025-01-10T00:00:00.000Z',
};
const nda: LegalObligation = {
  ...appi,
  id: '00000000-0000-4000-8000-000000000c02',
  code: 'LEG-002',
  kind: 'contract',
  title: 'NDA with a key customer',
  reviewState: 'scheduled',
  nextReviewDate: '2027-04-01',
  owner: null,
};

describe('legal register', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists obligations with their review state, alerts on overdue reviews and filters', async () => {
    const api = fakeApi({
      ...signedInRoutes(keeper()),
      'GET /api/v1/legal-obligations': ({ query }) => ({
        body:
          query.get('due') === 'overdue'
            ? { items: [appi], nextCursor: null }
            : { items: [appi, nda], nextCursor: null },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/legal');
    const table = await screen.findByRole(
      'table',
      { name: 'Legal and contractual obligations' },
      slow,
    );
    expect(within(table).getByText(appi.title)).toBeTruthy();
    expect(within(table).getByText('Review overdue')).toBeTruthy();
    expect(within(table).getByText('Contract')).toBeTruthy();
    expect(within(table).getByText('No owner')).toBeTruthy();
    expect(screen.getByText('1 obligation is past its review date')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show overdue reviews' }));
    await vi.waitFor(() => {
      const last = api.calls.filter((c) => c.path === '/api/v1/legal-obligations').at(-1)!;
      expect(last.query.get('due')).toBe('overdue');
    });
    expect(screen.getByRole('button', { name: 'Add obligation' })).toBeTruthy();
  });

  it('opens with the filters of the address and keeps the ones chosen there', async () => {
    const api = fakeApi({
      ...signedInRoutes(keeper()),
      'GET /api/v1/legal-obligations': { items: [appi], nextCursor: null },
    });
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderApp('/legal?due=overdue&kind=law&status=all');
    await screen.findByRole('table', { name: 'Legal and contractual obligations' }, slow);
    const lists = () => api.calls.filter((c) => c.path === '/api/v1/legal-obligations');
    const first = lists()[0]!.query;
    expect([first.get('due'), first.get('kind'), first.get('status')]).toEqual([
      'overdue',
      'law',
      null,
    ]);
    const review = screen.getByRole('combobox', { name: 'Review' });
    review.focus();
    fireEvent.keyDown(review, { key: 'ArrowDown' });
    fireEvent.click(
      await screen.findByRole('option', { name: 'Review due within 30 days', hidden: true }),
    );
    await vi.waitFor(() => expect(router.state.location.search).toContain('due=soon'));
    expect(router.state.location.search).toContain('kind=law');
    await vi.waitFor(() => expect(lists().at(-1)!.query.get('due')).toBe('soon'));
  });

  it('shows the empty state, and no add button to readers', async () => {
    const api = fakeApi({
      ...signedInRoutes(reader()),
      'GET /api/v1/legal-obligations': { items: [], nextCursor: null },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/legal');
    expect(await screen.findByText('No obligations registered yet', {}, slow)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add obligation' })).toBeNull();
  });

  it('adds an obligation and shows the server’s refusal beside the field', async () => {
    let posted = 0;
    const api = fakeApi({
      ...signedInRoutes(keeper()),
      'GET /api/v1/legal-obligations': { items: [], nextCursor: null },
      'GET /api/v1/users': { items: [], nextCursor: null },
      'POST /api/v1/legal-obligations': ({ body }) => {
        posted += 1;
        return posted === 1
          ? problem(422, 'Check the form.', {
              errors: [
                {
                  field: 'body.controlIds.0',
                  code: 'document_control_unknown',
                  message: 'Unknown control 99.1.',
                },
              ],
            })
          : { status: 201, body: { ...appi, ...(body as object) } };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/legal');
    fireEvent.click(await screen.findByRole('button', { name: 'Add obligation' }, slow));
    const dialog = await screen.findByRole('dialog', {
      name: 'Add a legal or contractual obligation',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(within(dialog).getAllByText('Required')).toHaveLength(2);
    expect(posted).toBe(0);
    const kind = within(dialog).getByRole('combobox', { name: /^Kind/ });
    kind.focus();
    fireEvent.keyDown(kind, { key: 'ArrowDown' });
    // The dialog's own listbox (the page's kind filter has one too).
    const listbox = await vi.waitFor(() => {
      const found = document.querySelector(`[role=listbox][aria-labelledby="${kind.id}-label"]`);
      expect(found).toBeTruthy();
      return found as HTMLElement;
    });
    fireEvent.click(within(listbox).getByRole('option', { name: 'Law', hidden: true }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Title/ }), {
      target: { value: 'Export control' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Annex controls/ }), {
      target: { value: 'A.99.1, 12.1.1' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(await within(dialog).findByText('Unknown control 99.1.')).toBeTruthy();
    const sent = api.calls.find((c) => c.method === 'POST')!.body as { controlIds: string[] };
    expect(sent.controlIds).toEqual(['99.1', '12.1.1']);
  });

  it('shows an obligation and records a review under its version', async () => {
    const detail: LegalObligationDetail = {
      obligation: appi,
      documents: [
        {
          id: '00000000-0000-4000-8000-000000000d01',
          code: 'PRC-003',
          title: 'Privacy procedure',
          status: 'issued',
        },
      ],
      reviews: [],
    };
    const api = fakeApi({
      ...signedInRoutes(keeper()),
      [`GET /api/v1/legal-obligations/${appi.id}`]: detail,
      [`POST /api/v1/legal-obligations/${appi.id}/reviews`]: { status: 201, body: appi },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/legal/${appi.id}`);
    expect(await screen.findByText('Privacy procedure', { exact: false }, slow)).toBeTruthy();
    expect(screen.getByText('A.12.1.1')).toBeTruthy();
    expect(screen.getByText('Not reviewed yet.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Record review' }));
    const dialog = await screen.findByRole('dialog', { name: 'Review LEG-001' });
    fireEvent.click(within(dialog).getByRole('radio', { name: /^Changed/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record review' }));
    await vi.waitFor(() => {
      const call = api.calls.find((c) => c.method === 'POST')!;
      expect(call.headers.get('if-match')).toBe('"3"');
      expect(call.body).toMatchObject({ outcome: 'changed' });
    });
  });

  it('picks the documents that answer an obligation by code or title and sends their ids', async () => {
    const privacy = {
      id: '00000000-0000-4000-8000-000000000d01',
      code: 'PRC-003',
      title: 'Privacy procedure',
      status: 'issued',
    };
    const backup = {
      ...privacy,
      id: '00000000-0000-4000-8000-000000000d02',
      code: 'PRC-007',
      title: 'Backup procedure',
    };
    const detail: LegalObligationDetail = {
      obligation: { ...appi, documentIds: [privacy.id] },
      documents: [privacy],
      reviews: [],
    };
    const api = fakeApi({
      ...signedInRoutes(keeper()),
      'GET /api/v1/users': { items: [], nextCursor: null },
      [`GET /api/v1/legal-obligations/${appi.id}`]: detail,
      'GET /api/v1/documents': ({ query }) => ({
        body: {
          items: [privacy, backup].filter((d) =>
            `${d.code} ${d.title}`.toLowerCase().includes((query.get('q') ?? '').toLowerCase()),
          ),
          nextCursor: null,
        },
      }),
      [`PATCH /api/v1/legal-obligations/${appi.id}`]: ({ body }) => ({
        body: { ...appi, ...(body as object) },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/legal/${appi.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }, slow));
    const dialog = await screen.findByRole('dialog');
    // The chosen document shows by its code and title, not its id.
    expect(within(dialog).getByText('PRC-003 Privacy procedure')).toBeTruthy();
    const picker = within(dialog).getByLabelText('Documents that answer it');
    picker.focus();
    fireEvent.change(picker, { target: { value: 'backup' } });
    await vi.waitFor(() =>
      expect(
        api.calls.some((c) => c.path === '/api/v1/documents' && c.query.get('q') === 'backup'),
      ).toBe(true),
    );
    fireEvent.click(
      await screen.findByRole('option', { name: 'PRC-007 Backup procedure', hidden: true }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => {
      const call = api.calls.find((c) => c.method === 'PATCH')!;
      expect(call.body).toMatchObject({ documentIds: [privacy.id, backup.id] });
    });
  });
});
