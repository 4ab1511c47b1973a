import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Calendar, DueItem } from '@mamoru/contracts';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const slow = { timeout: 20_000 };

const item = (over: Partial<DueItem>): DueItem => ({
  kind: 'legal_review',
  area: 'legal',
  subjectId: '00000000-0000-4000-8000-000000000c01',
  key: 'legal_review:c01:2026-06-20',
  title: 'LEG-001 APPI',
  dueOn: '2026-06-20',
  event: false,
  responsibleId: '00000000-0000-4000-8000-000000000001',
  responsibleName: 'Aiko Admin',
  href: '/legal/00000000-0000-4000-8000-000000000c01',
  ...over,
});

const legal = item({});
const audit = item({
  kind: 'audit',
  area: 'internalAudits',
  subjectId: 'a1',
  key: 'audit:a1',
  title: 'IA-2026-01 Spring audit',
  dueOn: '2026-09-10',
  event: true,
  href: '/internal-audits/a1',
});
const late = item({
  kind: 'control_check',
  area: 'controls',
  key: 'control_check:k1:2026-06-10',
  title: '5.1.1 Policy read',
  dueOn: '2026-06-10',
  href: '/controls/5.1.1',
});
const approval = item({
  kind: 'approval',
  area: 'approvals',
  key: 'approval:p1',
  title: 'Issue POL-1',
  dueOn: '2026-09-24',
  href: '/approvals',
});
const changes = item({
  kind: 'risk_review',
  area: 'risks',
  key: 'risk_review:threats:2026-06-15',
  title: 'threats',
  dueOn: '2026-06-15',
  responsibleId: null,
  responsibleName: null,
  href: '/risks/assessments',
});

const answer = (items: DueItem[]): Calendar => ({ today: '2026-06-15', items, truncated: false });

function routes(calendar: (q: URLSearchParams) => Calendar) {
  return fakeApi({
    ...signedInRoutes(sessionInfo('admin')),
    'GET /api/v1/users': { items: [], nextCursor: null },
    'GET /api/v1/calendar': ({ query }) => ({ body: calendar(query) }),
    'GET /api/v1/calendar/feed': {
      active: false,
      createdAt: null,
      rotatedAt: null,
      lastFetchedAt: null,
    },
    'POST /api/v1/calendar/feed': {
      active: true,
      createdAt: '2026-06-15T00:00:00.000Z',
      rotatedAt: null,
      lastFetchedAt: null,
      path: '/api/v1/calendar/feed/secret-token-abcdefghijklmnop.ics',
    },
    'DELETE /api/v1/calendar/feed': {
      active: false,
      createdAt: '2026-06-15T00:00:00.000Z',
      rotatedAt: null,
      lastFetchedAt: null,
    },
  });
}

describe('calendar', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a month with its items linked to their pages, overdue marked, filters in the URL', async () => {
    const api = routes((q) => answer(q.get('area') === 'legal' ? [legal] : [late, changes, legal]));
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderApp('/calendar?month=2026-06');
    const table = await screen.findByRole('table', { name: 'Due items of June 2026' }, slow);
    const link = within(table).getByRole('link', { name: 'LEG-001 APPI' });
    expect(link.getAttribute('href')).toBe(legal.href);
    // Due before the server's today: marked overdue.
    const texts = within(table)
      .getAllByRole('link')
      .map((l) => l.textContent);
    expect(texts).toContain('5.1.1 Policy read (Overdue)');
    expect(texts).toContain('LEG-001 APPI');
    // A code of ours is shown in words, never as the raw value.
    expect(within(table).getByRole('link', { name: 'Threats' })).toBeTruthy();
    const first = api.calls.find((c) => c.path === '/api/v1/calendar')!;
    expect(first.query.get('from')).toBe('2026-06-01');
    expect(first.query.get('to')).toBe('2026-06-30');

    const areaInput = screen.getByRole('combobox', { name: 'Area' });
    areaInput.focus();
    fireEvent.keyDown(areaInput, { key: 'ArrowDown' });
    const listbox = await vi.waitFor(() => {
      const found = document.querySelector(
        `[role=listbox][aria-labelledby="${areaInput.id}-label"]`,
      );
      expect(found).toBeTruthy();
      return found as HTMLElement;
    });
    fireEvent.click(
      within(listbox).getByRole('option', {
        name: 'Legal and contractual obligations',
        hidden: true,
      }),
    );
    await vi.waitFor(() => expect(router.state.location.search).toContain('area=legal'));
    await vi.waitFor(() => {
      const last = api.calls.filter((c) => c.path === '/api/v1/calendar').at(-1)!;
      expect(last.query.get('area')).toBe('legal');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Next month' }));
    await vi.waitFor(() => expect(router.state.location.search).toContain('month=2026-07'));
  });

  it('shows the year plan by area with its PDCA phase, approvals across', async () => {
    const api = routes(() => answer([legal, audit, approval]));
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/calendar?view=year&year=2026');
    const table = await screen.findByRole('table', { name: 'Year plan 2026' }, slow);
    const rows = within(table).getAllByRole('row');
    // Header, then areas in PDCA order: legal (Plan), audits (Check), approvals (across).
    expect(rows).toHaveLength(4);
    expect(within(rows[1]!).getByText('Plan')).toBeTruthy();
    expect(within(rows[2]!).getByText('Check')).toBeTruthy();
    expect(within(rows[2]!).getByRole('link', { name: 'IA-2026-01 Spring audit' })).toBeTruthy();
    expect(within(rows[3]!).getByText('Across the ISMS')).toBeTruthy();
    const call = api.calls.find((c) => c.path === '/api/v1/calendar')!;
    expect([call.query.get('from'), call.query.get('to')]).toEqual(['2026-01-01', '2026-12-31']);
  });

  it('shows the empty state', async () => {
    vi.stubGlobal('fetch', routes(() => answer([])).fetch);
    renderApp('/calendar?month=2030-02');
    expect(await screen.findByText('Nothing due in this period', {}, slow)).toBeTruthy();
  });

  it('creates the feed, shows its address once to copy, and stops it', async () => {
    const api = routes(() => answer([]));
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/calendar?month=2030-02');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Create subscription address' }, slow),
    );
    expect(
      await screen.findByText(/\/api\/v1\/calendar\/feed\/secret-token-abcdefghijklmnop\.ics$/),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(screen.getByText(/shown only this once/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Stop the subscription' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Stop the subscription' }));
    expect(await screen.findByText('The subscription was stopped.')).toBeTruthy();
    expect(screen.queryByText(/secret-token/)).toBeNull();
    expect(api.calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });
});
