import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImprovementAction, NonconformityDetail } from '@mamoru/contracts';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const ID = '00000000-0000-4000-8000-0000000000c1';
const ACTION_ID = '00000000-0000-4000-8000-0000000000a1';
const OWNER_ID = '00000000-0000-4000-8000-000000000002'; // the staff user of sessionInfo

// Staff who act on their own actions and read what they are involved in.
const staff = () => {
  const session = sessionInfo('staff');
  return {
    ...session,
    permissions: {
      ...session.permissions,
      'improvement:read': 'own' as const,
      'improvement:act': 'own' as const,
    },
  };
};

const action = (over: Partial<ImprovementAction> = {}): ImprovementAction => ({
  id: ACTION_ID,
  nonconformityId: ID,
  nonconformityCode: 'NC-0007',
  nonconformityTitle: 'Restore test skipped',
  cycle: 1,
  kind: 'corrective',
  title: 'Name an owner',
  description: '',
  owner: { id: OWNER_ID, name: 'Sam Staff' },
  dueDate: '2026-07-01',
  resources: '',
  status: 'planned',
  implementationNote: '',
  evidence: [],
  implementedBy: null,
  implementedAt: null,
  reviewIntervalDays: 0,
  reviewDue: null,
  overdue: false,
  reviews: [],
  version: 1,
  ...over,
});

const nc = (actions: ImprovementAction[]): NonconformityDetail => ({
  id: ID,
  code: 'NC-0007',
  kind: 'nonconformity',
  source: 'self_identified',
  sourceLink: null,
  auditFindingId: null,
  riskId: null,
  title: 'Restore test skipped',
  description: '',
  severity: 'minor',
  priority: null,
  requirementIds: [],
  controlIds: [],
  unit: null,
  evidence: [],
  detectedOn: '2026-06-03',
  reportedBy: null,
  owner: null,
  status: 'in_action',
  containment: 'Restored by hand',
  containedBy: null,
  containedAt: '2026-06-03T09:00:00.000Z',
  cycle: 1,
  overdue: false,
  ageDays: 3,
  closedBy: null,
  closedAt: null,
  version: 5,
  createdAt: '2026-06-03T09:00:00.000Z',
  updatedAt: '2026-06-03T09:00:00.000Z',
  analyses: [],
  actions,
});

const stored = {
  id: '00000000-0000-4000-8000-0000000000f1',
  sha256: 'ab',
  size: 4,
  mediaType: 'application/pdf',
  originalName: 'restore-log.pdf',
  owner: { type: 'improvement_action', id: ACTION_ID },
  uploadedBy: null,
  integrityFailedAt: null,
  createdAt: '2026-06-04T09:00:00.000Z',
};

describe('evidence files of an action', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lets the owner attach a file to their action in the evidence store', async () => {
    const api = fakeApi({
      ...signedInRoutes(staff()),
      [`GET /api/v1/nonconformities/${ID}`]: nc([action()]),
      'GET /api/v1/files': { items: [stored], nextCursor: null },
      'POST /api/v1/files': problem(413, 'The file is larger than allowed.'),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/corrective-actions/${ID}`);
    // The action's files and the nonconformity's (this fake answers both with one file).
    await waitFor(() => expect(screen.getAllByText('restore-log.pdf')).toHaveLength(2));
    const lists = api.calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/files');
    expect(
      lists.map((c) => `${c.query.get('ownerType')} ${c.query.get('ownerId')}`).sort(),
    ).toEqual([`improvement_action ${ACTION_ID}`, `nonconformity ${ID}`]);

    screen.getByRole('button', { name: 'Attach a file' });
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['%PDF'], 'big.pdf')] } });
    // A refused upload is named, not swallowed.
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('The file is larger than allowed.')).toBeTruthy();
    const sent = api.calls.find((c) => c.method === 'POST' && c.path === '/api/v1/files')!;
    expect(sent.query.get('ownerType')).toBe('improvement_action');
    expect(sent.query.get('ownerId')).toBe(ACTION_ID);
  });

  it("offers no upload on someone else's action, nor once the action was reviewed", async () => {
    const api = fakeApi({
      ...signedInRoutes(staff()),
      [`GET /api/v1/nonconformities/${ID}`]: nc([
        action({ owner: { id: '00000000-0000-4000-8000-0000000000ee', name: 'Other' } }),
        action({ id: `${ACTION_ID.slice(0, -1)}2`, status: 'effective' }),
      ]),
      'GET /api/v1/files': { items: [], nextCursor: null },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/corrective-actions/${ID}`);
    await waitFor(() => expect(screen.getAllByText('No files yet')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: 'Attach a file' })).toBeNull();
  });

  it('lets the ISMS manager attach evidence of the nonconformity itself', async () => {
    const session = sessionInfo('admin');
    const api = fakeApi({
      ...signedInRoutes({
        ...session,
        permissions: {
          ...session.permissions,
          'improvement:read': 'all' as const,
          'improvement:manage': 'all' as const,
        },
      }),
      'GET /api/v1/users': { items: [], nextCursor: null },
      [`GET /api/v1/nonconformities/${ID}`]: nc([action({ status: 'effective' })]),
      'GET /api/v1/files': { items: [], nextCursor: null },
      'POST /api/v1/files': { status: 201, body: stored },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/corrective-actions/${ID}`);
    const section = (await screen.findByText('Evidence of the nonconformity')).closest('section')!;
    // Only the nonconformity takes files: the action's effectiveness was judged.
    expect(screen.getAllByRole('button', { name: 'Attach a file' })).toHaveLength(1);
    const input = section.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['%PDF'], 'log.pdf')] } });
    await waitFor(() =>
      expect(api.calls.some((c) => c.method === 'POST' && c.path === '/api/v1/files')).toBe(true),
    );
    const sent = api.calls.find((c) => c.method === 'POST' && c.path === '/api/v1/files')!;
    expect(sent.query.get('ownerType')).toBe('nonconformity');
    expect(sent.query.get('ownerId')).toBe(ID);
  });
});
