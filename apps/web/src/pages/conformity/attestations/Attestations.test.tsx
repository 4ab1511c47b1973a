import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Attestation, ConformityItem, ConformityReport } from '@mamoru/contracts';
import { fakeApi, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderApp } from '../../../test/render';

const ME = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000009';

const item: ConformityItem = {
  id: '4.2.2.f',
  displayId: '第4 2.(2) f',
  kind: 'requirement',
  parentIds: ['4', '4.2', '4.2.2'],
  title: { ja: '資源の管理', en: 'Manage resources' },
  phase: 'do',
  status: 'met',
  explanation: { ja: '証明による適合', en: 'Met by an approved attestation.' },
  guidance: { text: { ja: '', en: '' }, path: '/resources' },
  links: [],
  data: {},
  basis: 'attestation',
  attestation: { id: '10000000-0000-4000-8000-000000000001', validUntil: '2027-03-31' },
};
const counts = { met: 1, partly_met: 0, not_met: 0, not_evidenced: 0 };
const report: ConformityReport = {
  evaluatedAt: '2026-11-25T10:00:00.000Z',
  libraryId: 'jipdec-isms-2.0',
  summary: { total: 1, counts, readiness: 100, gaps: 0, metByAttestation: 1, phases: [] },
  groups: [
    { id: '4', displayId: '第4', parentIds: [], title: { ja: 'ISMS', en: 'The ISMS' } },
    { id: '4.2', displayId: '第4 2.', parentIds: ['4'], title: { ja: '確立', en: 'Establishing' } },
    {
      id: '4.2.2',
      displayId: '第4 2.(2)',
      parentIds: ['4', '4.2'],
      title: { ja: '導入', en: 'Implement and operate' },
    },
  ],
  items: [item],
  due: [],
};

const attestation = (over: Partial<Attestation>): Attestation => ({
  id: '10000000-0000-4000-8000-000000000002',
  itemId: '4.2.2.f',
  statement: 'Budget approved by the board; paper minutes in the safe.',
  validFrom: '2026-11-01',
  validUntil: '2027-10-31',
  status: 'pending',
  inForce: false,
  expired: false,
  requestedBy: { id: OTHER, name: 'Sato Manager' },
  requestedAt: '2026-11-20T09:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  decisionNote: '',
  version: 1,
  ...over,
});

const wait = { timeout: 45_000 };

function serve(list: Attestation[]) {
  const session = sessionInfo('admin');
  session.permissions = {
    ...session.permissions,
    'conformity:attest': 'all',
    'conformity:attest_decide': 'all',
  };
  const api = fakeApi({
    ...signedInRoutes(session),
    'GET /api/v1/conformity': report,
    'GET /api/v1/conformity/attestations': { items: list, nextCursor: null },
    'GET /api/v1/files': { items: [], nextCursor: null },
    'POST /api/v1/conformity/attestations': (r) => ({
      status: 201,
      body: attestation({ ...(r.body as object), id: '10000000-0000-4000-8000-000000000005' }),
    }),
    'POST /api/v1/conformity/attestations/10000000-0000-4000-8000-000000000002/decision': {
      body: attestation({ status: 'approved', version: 2 }),
    },
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

describe('attestations on the conformity page', { timeout: 120_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists attestations to decide; only someone else’s can be approved here', async () => {
    const api = serve([
      attestation({}),
      attestation({
        id: '10000000-0000-4000-8000-000000000003',
        requestedBy: { id: ME, name: 'Aiko Admin' },
        statement: 'My own attestation',
      }),
    ]);
    renderApp('/conformity?tab=attestations');
    const others = await screen.findByTestId(
      'attestation-10000000-0000-4000-8000-000000000002',
      {},
      wait,
    );
    const mine = screen.getByTestId('attestation-10000000-0000-4000-8000-000000000003');
    expect(within(mine).queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(within(mine).getByText('You recorded it: someone else decides.')).toBeTruthy();
    expect(within(others).getByText('Waiting for a decision')).toBeTruthy();
    fireEvent.click(within(others).getByRole('button', { name: 'Approve' }));
    await vi.waitFor(() => {
      const call = api.calls.find((c) => c.path.endsWith('/decision'));
      expect(call?.body).toEqual({ decision: 'approved', note: '' });
      expect(call?.headers.get('if-match')).toBe('"1"');
    });
    expect(
      api.calls.find((c) => c.path === '/api/v1/conformity/attestations')?.query.get('status'),
    ).toBe('pending');
  });

  it('shows an item met by attestation and records a new one from its panel', async () => {
    const api = serve([attestation({ status: 'approved', inForce: true, decidedBy: null })]);
    renderApp('/conformity?item=4.2.2.f');
    const panel = await screen.findByTestId('item-attestations', {}, wait);
    expect(
      await within(panel).findByText('Met by attestation, valid until 2027-03-31', {}, wait),
    ).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Record an attestation' }));
    const statement = await screen.findByLabelText(/Statement/, {}, wait);
    fireEvent.change(statement, { target: { value: 'Checked on site' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record' }));
    await vi.waitFor(() => {
      const call = api.calls.find(
        (c) => c.method === 'POST' && c.path === '/api/v1/conformity/attestations',
      );
      expect(call?.body).toMatchObject({ itemId: '4.2.2.f', statement: 'Checked on site' });
    });
    expect(
      await screen.findByText(
        'Attach the evidence files now; once someone decides, they can no longer change.',
        {},
        wait,
      ),
    ).toBeTruthy();
  });
});
