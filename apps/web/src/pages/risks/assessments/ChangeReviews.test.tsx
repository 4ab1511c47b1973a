import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderApp } from '../../../test/render';
import { assessmentRun, changeReview, method } from '../fixtures';

/** Opens a Mantine select and picks an option (its dropdown may still be in its opening transition). */
async function pick(combobox: HTMLElement, name: string) {
  combobox.focus();
  fireEvent.click(combobox);
  fireEvent.click(await screen.findByRole('option', { name, hidden: true }));
}

const run1 = assessmentRun(1);
const run2 = assessmentRun(2, { previousId: run1.id, title: 'After the move' });
const reviewed = [
  changeReview({
    id: '00000000-0000-4000-8000-000000000c02',
    kind: 'organization',
    outcome: 'changed',
    reviewedOn: '2026-04-01',
    description: 'Head office moved to Osaka',
    assessmentId: run2.id,
    assessmentNumber: 2,
  }),
  changeReview({
    id: '00000000-0000-4000-8000-000000000c03',
    kind: 'threats',
    outcome: 'changed',
    reviewedOn: '2026-03-10',
    description: 'Ransomware aimed at our sector',
  }),
  changeReview({ kind: 'external', reviewedOn: '2026-02-01' }),
];

function routes(items = reviewed, extra = {}) {
  return {
    ...signedInRoutes(sessionInfo('admin')),
    'GET /api/v1/risk-methods': { items: [method({ status: 'approved' })], nextCursor: null },
    'GET /api/v1/risk-assessments': { items: [run1, run2], nextCursor: null },
    'GET /api/v1/risk-change-reviews': { items, nextCursor: null },
    ...extra,
  };
}

describe('reviews of change on the assessments tab', { timeout: 120_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-15T09:00:00'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows each kind as the rule will, marks the review and the run named in the address', async () => {
    const api = fakeApi(routes());
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderApp(
      `/risks/assessments?changeReview=${reviewed[1]!.id}&run=${run2.id}`,
    );

    const strip = await screen.findByTestId('change-kind-organization', {}, { timeout: 45_000 });
    expect(within(strip).getByText('Reviewed')).toBeTruthy();
    expect(within(strip).getByText('Changed on 1 Apr 2026')).toBeTruthy();
    const threats = screen.getByTestId('change-kind-threats');
    expect(within(threats).getByText('Reassessment missing')).toBeTruthy();
    expect(within(threats).getByText('1 change without reassessment')).toBeTruthy();
    expect(within(screen.getByTestId('change-kind-technology')).getByText('Missing')).toBeTruthy();
    expect(
      within(screen.getByTestId('change-kind-external')).getByText('No change on 1 Feb 2026'),
    ).toBeTruthy();
    // The strip asks for the 12 months back from today.
    const recent = api.calls.find(
      (c) => c.path === '/api/v1/risk-change-reviews' && c.query.get('from'),
    );
    expect(recent?.query.get('from')).toBe('2025-06-15');

    const table = screen.getByRole('table', { name: 'Reviews of change' });
    const marked = within(table).getByText('Ransomware aimed at our sector').closest('tr')!;
    expect(marked.getAttribute('aria-current')).toBe('true');
    expect(within(marked).getByText('None linked')).toBeTruthy();
    const runs = screen.getByRole('table', { name: /runs|Runs/ });
    expect(
      within(runs).getByText('After the move').closest('tr')!.getAttribute('aria-current'),
    ).toBe('true');

    // A linked reassessment leads to its run.
    fireEvent.click(within(table).getByRole('link', { name: 'No. 2' }));
    await waitFor(() => expect(router.state.location.search).toBe(`?run=${run2.id}`));
  });

  it('sends the filters to the server', async () => {
    const api = fakeApi(routes());
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/risks/assessments');
    await screen.findByRole('table', { name: 'Reviews of change' }, { timeout: 45_000 });

    await pick(screen.getByRole('combobox', { name: 'Outcome' }), 'No change');
    await waitFor(() =>
      expect(api.calls.some((c) => c.query.get('outcome') === 'no_change')).toBe(true),
    );
  });

  it('says where to start when nothing is recorded, every kind missing', async () => {
    vi.stubGlobal('fetch', fakeApi(routes([])).fetch);
    renderApp('/risks/assessments');

    expect(
      await screen.findByText('No review of change recorded yet', {}, { timeout: 45_000 }),
    ).toBeTruthy();
    for (const kind of ['organization', 'technology', 'business', 'threats', 'external'])
      expect(within(screen.getByTestId(`change-kind-${kind}`)).getByText('No review')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Record a review' }).length).toBeGreaterThan(0);
  });

  it('fetches the review in the address when it is not in the list', async () => {
    const older = changeReview({
      id: '00000000-0000-4000-8000-000000000c09',
      description: 'Old decision',
      reviewedOn: '2024-01-05',
    });
    vi.stubGlobal(
      'fetch',
      fakeApi(
        routes(reviewed, {
          [`GET /api/v1/risk-change-reviews/${older.id}`]: older,
        }),
      ).fetch,
    );
    renderApp(`/risks/assessments?changeReview=${older.id}`);
    const row = (await screen.findByText('Old decision', {}, { timeout: 45_000 })).closest('tr')!;
    expect(row.getAttribute('aria-current')).toBe('true');
  });

  it('says when the review in the address does not exist', async () => {
    vi.stubGlobal('fetch', fakeApi(routes()).fetch);
    renderApp('/risks/assessments?changeReview=00000000-0000-4000-8000-000000000cff');
    expect(
      await screen.findByText(
        'The review of change in the address could not be found.',
        {},
        { timeout: 45_000 },
      ),
    ).toBeTruthy();
  });
});
