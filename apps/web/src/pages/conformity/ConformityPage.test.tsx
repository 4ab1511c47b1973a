import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConformityItem, ConformityReport } from '@mamoru/contracts';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const item = (over: Partial<ConformityItem>): ConformityItem => ({
  id: '4.2.1.a',
  displayId: '第4 2.(1) a',
  kind: 'requirement',
  parentIds: ['4', '4.2', '4.2.1'],
  title: { ja: '適用範囲の定義', en: 'Define the scope' },
  phase: 'plan',
  status: 'met',
  explanation: { ja: '承認済みです。', en: 'Scope version 1 was approved.' },
  guidance: {
    text: { ja: '適用範囲を承認します。', en: 'Have top management approve the scope.' },
    path: '/scope',
  },
  links: [{ href: '/scope', label: { ja: '適用範囲', en: 'ISMS scope' }, kind: 'evidence' }],
  data: { approvedVersion: 1 },
  basis: over.status && over.status !== 'met' ? null : 'rule',
  attestation: null,
  ...over,
});

const counts = { met: 1, partly_met: 1, not_met: 0, not_evidenced: 1 };
const report: ConformityReport = {
  evaluatedAt: '2026-11-25T10:00:00.000Z',
  libraryId: 'jipdec-isms-2.0',
  summary: {
    total: 3,
    counts,
    readiness: 33,
    gaps: 2,
    metByAttestation: 0,
    phases: [
      { phase: 'plan', total: 2, counts: { ...counts, not_evidenced: 0 }, readiness: 50 },
      {
        phase: 'do',
        total: 0,
        counts: { ...counts, met: 0, partly_met: 0, not_evidenced: 0 },
        readiness: 0,
      },
      {
        phase: 'check',
        total: 1,
        counts: { met: 0, partly_met: 0, not_met: 0, not_evidenced: 1 },
        readiness: 0,
      },
      {
        phase: 'act',
        total: 0,
        counts: { met: 0, partly_met: 0, not_met: 0, not_evidenced: 0 },
        readiness: 0,
      },
    ],
  },
  groups: [
    { id: '4', displayId: '第4', parentIds: [], title: { ja: 'ISMS', en: 'The ISMS' } },
    { id: '4.2', displayId: '第4 2.', parentIds: ['4'], title: { ja: '確立', en: 'Establishing' } },
    {
      id: '4.2.1',
      displayId: '第4 2.(1)',
      parentIds: ['4', '4.2'],
      title: { ja: '確立', en: 'Establish the ISMS' },
    },
    {
      id: '4.2.3',
      displayId: '第4 2.(3)',
      parentIds: ['4', '4.2'],
      title: { ja: '監視', en: 'Monitor and review' },
    },
  ],
  items: [
    item({}),
    item({
      id: '4.2.1.d.1',
      displayId: '第4 2.(1) d (ア)',
      parentIds: ['4', '4.2', '4.2.1', '4.2.1.d'],
      title: { ja: '資産', en: 'Assets and their owners' },
      status: 'partly_met',
      explanation: { ja: '1件の資産が分類されていません。', en: '1 asset is not classified.' },
      links: [
        { href: '/assets', label: { ja: '資産台帳', en: 'Asset register' }, kind: 'evidence' },
        {
          href: '/assets?classificationId=none',
          label: { ja: '未分類の資産', en: 'Unclassified assets' },
          kind: 'gap',
        },
      ],
      data: { assetsInUse: 3, unclassified: 1 },
    }),
    item({
      id: '4.2.3.d',
      displayId: '第4 2.(3) d',
      parentIds: ['4', '4.2', '4.2.3'],
      title: { ja: '内部監査', en: 'Internal ISMS audits' },
      phase: 'check',
      status: 'not_evidenced',
      explanation: { ja: 'データがありません。', en: 'Mamoru holds no data for this item yet.' },
      guidance: {
        text: { ja: '内部監査の記録', en: 'Run internal audits under an approved programme.' },
        path: '/internal-audits/programme',
      },
      links: [],
      data: {},
    }),
  ],
  due: [{ kind: 'approval', count: 2, overdue: 1, href: '/approvals' }],
};
// 4.2.1.d groups the assets item.
report.groups.push({
  id: '4.2.1.d',
  displayId: '第4 2.(1) d',
  parentIds: ['4', '4.2', '4.2.1'],
  title: { ja: 'リスクの特定', en: 'Identify the risks' },
});

/** Waiting limit for the first render of the lazily loaded shell on a busy machine. */
const wait = { timeout: 45_000 };

function serve() {
  const api = fakeApi({
    ...signedInRoutes(sessionInfo('admin')),
    'GET /api/v1/conformity': report,
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

// Rendering the whole shell is slow on a loaded machine; the default 5 s is too tight.
describe('conformity', { timeout: 120_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('dashboard shows readiness, counts, the gaps with their links and what is due', async () => {
    serve();
    renderApp('/');
    expect((await screen.findByTestId('readiness', {}, wait)).textContent).toBe('33%');
    expect(screen.getByTestId('count-partly_met').textContent).toBe('Partly met 1');
    const gap = screen.getByTestId('gap-4.2.1.d.1');
    expect(within(gap).getByText('1 asset is not classified.')).toBeTruthy();
    expect(
      within(gap).getByRole('link', { name: 'Unclassified assets' }).getAttribute('href'),
    ).toBe('/assets?classificationId=none');
    // Not yet evidenced items are gaps too, after the others, with how to meet them and where.
    expect(screen.getByTestId('gap-count').textContent).toBe('2 to close');
    const unevidenced = screen.getByTestId('gap-4.2.3.d');
    expect(screen.getAllByTestId(/^gap-\d/).map((el) => el.getAttribute('data-testid'))).toEqual([
      'gap-4.2.1.d.1',
      'gap-4.2.3.d',
    ]);
    expect(
      within(unevidenced).getByText('Run internal audits under an approved programme.'),
    ).toBeTruthy();
    expect(
      within(unevidenced)
        .getByRole('link', { name: 'Record it in /internal-audits/programme' })
        .getAttribute('href'),
    ).toBe('/internal-audits/programme');
    expect(screen.queryByTestId('gap-4.2.1.a')).toBeNull();
    expect(screen.getByTestId('due-approval').textContent).toContain(
      '2 approvals are waiting for you',
    );
    expect(screen.getByTestId('due-approval').textContent).toContain('1 overdue');
    expect(screen.getByTestId('phase-progress-plan').textContent).toBe(
      '1 of 2 requirement items met',
    );
  });

  it('lists items by clause, filters by status and opens an item with its data', async () => {
    serve();
    renderApp('/conformity');
    expect(await screen.findByRole('heading', { level: 1, name: 'Conformity' }, wait)).toBeTruthy();
    expect((await screen.findByTestId('conformity-readiness', {}, wait)).textContent).toBe(
      'Readiness 33%: 1 of 3 items met',
    );
    expect(screen.getByTestId('conformity-gaps').textContent).toBe(
      '2 items still to close (partly met, not met or not yet evidenced)',
    );
    expect(screen.getByRole('heading', { name: '4.2.1 Establish the ISMS' })).toBeTruthy();
    expect(screen.getByTestId('item-4.2.3.d')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'Partly met 1' }));
    expect(screen.queryByTestId('item-4.2.3.d')).toBeNull();
    expect(screen.queryByRole('heading', { name: '4.2.3 Monitor and review' })).toBeNull();

    fireEvent.click(screen.getByTestId('item-4.2.1.d.1'));
    const detail = await screen.findByTestId('conformity-item', {}, wait);
    expect(within(detail).getByText('1 asset is not classified.')).toBeTruthy();
    expect(within(detail).getByText('unclassified')).toBeTruthy();
    expect(
      within(detail).getByRole('link', { name: 'Unclassified assets' }).getAttribute('href'),
    ).toBe('/assets?classificationId=none');
  });

  it('shows how a met item can be met too, with the page where it is recorded', async () => {
    serve();
    renderApp('/conformity?item=4.2.1.a');
    const guidance = within(await screen.findByTestId('conformity-item', {}, wait)).getByTestId(
      'guidance',
    );
    expect(within(guidance).getByRole('heading', { name: 'How it can be met' })).toBeTruthy();
    expect(within(guidance).getByText('Have top management approve the scope.')).toBeTruthy();
    expect(
      within(guidance).getByRole('link', { name: 'Record it in /scope' }).getAttribute('href'),
    ).toBe('/scope');
  });

  it('opens the item of the address and says how an item not yet evidenced can be met', async () => {
    serve();
    renderApp('/conformity?item=4.2.3.d');
    const detail = await screen.findByTestId('conformity-item', {}, wait);
    expect(
      within(detail).getByText('Run internal audits under an approved programme.'),
    ).toBeTruthy();
    expect(within(detail).getByText('This item is not evaluated from data yet.')).toBeTruthy();
  });
});
