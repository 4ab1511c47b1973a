import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NonconformityDetail } from '@mamoru/contracts';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp, renderWithProviders } from '../../test/render';
import { NewNonconformityModal } from './NewNonconformityModal';

// jsdom has no layout: the chart is named, not drawn.
vi.mock('../../components/EChart', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

const ID = '00000000-0000-4000-8000-0000000000c1';

const manager = () => {
  const session = sessionInfo('admin');
  return {
    ...session,
    permissions: {
      ...session.permissions,
      'improvement:read': 'all' as const,
      'improvement:manage': 'all' as const,
      'improvement:act': 'all' as const,
    },
  };
};

const nc = (over: Partial<NonconformityDetail> = {}): NonconformityDetail => ({
  id: ID,
  code: 'NC-0007',
  kind: 'nonconformity',
  source: 'internal_audit',
  sourceLink: { type: 'audit_finding', id: 'f1', label: 'IA-2026-01 #1' },
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
  status: 'contained',
  containment: 'Restored by hand',
  containedBy: { id: 'u1', name: 'Aiko Admin' },
  containedAt: '2026-06-03T09:00:00.000Z',
  cycle: 1,
  overdue: false,
  ageDays: 3,
  closedBy: null,
  closedAt: null,
  version: 2,
  createdAt: '2026-06-03T09:00:00.000Z',
  updatedAt: '2026-06-03T09:00:00.000Z',
  analyses: [],
  actions: [],
  ...over,
});

describe('nonconformity register and workflow pages', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keeps the filters in the address and shows the board by workflow step', async () => {
    const api = fakeApi({
      ...signedInRoutes(manager()),
      'GET /api/v1/nonconformities': {
        items: [nc(), nc({ id: `${ID.slice(0, -1)}2`, code: 'NC-0008', status: 'in_action' })],
        nextCursor: null,
      },
      'GET /api/v1/nonconformities/statistics': {
        ageing: [{ bucket: '0_30', severity: 'minor', count: 2 }],
        recurrence: [{ kind: 'cause', key: 'process', count: 3 }],
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/corrective-actions?source=internal_audit&view=board&overdue=true');
    const column = await screen.findByLabelText('Actions under way', {}, { timeout: 8000 });
    expect(within(column).getByText(/NC-0008/)).toBeTruthy();
    expect(await screen.findByRole('img', { name: 'Open nonconformities by age' })).toBeTruthy();
    expect(await screen.findByText('Cause: Process')).toBeTruthy();
    expect(screen.getByText('3 times')).toBeTruthy();
    const listCall = api.calls.find((c) => c.path === '/api/v1/nonconformities');
    expect(listCall?.query.get('source')).toBe('internal_audit');
    expect(listCall?.query.get('overdue')).toBe('true');
  });

  it('places a refused cause analysis (422) beside its input, sending the version read', async () => {
    const api = fakeApi({
      ...signedInRoutes(manager()),
      [`GET /api/v1/nonconformities/${ID}`]: nc(),
      [`POST /api/v1/nonconformities/${ID}/analysis`]: problem(422, 'Check the values entered.', {
        errors: [{ field: 'rootCause', code: 'too_big', message: 'Too long.' }],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/corrective-actions/${ID}`);
    fireEvent.change(await screen.findByRole('textbox', { name: 'Why 1' }), {
      target: { value: 'No owner' },
    });
    const category = screen.getByRole('combobox', { name: /Cause category/ });
    category.focus();
    fireEvent.keyDown(category, { key: 'ArrowDown' });
    fireEvent.click(await screen.findByRole('option', { name: 'Process', hidden: true }));
    const rootCause = screen.getByRole('textbox', { name: /^Root cause/ });
    fireEvent.change(rootCause, { target: { value: 'x'.repeat(10) } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[0]!);
    expect(await screen.findByText('Too long.')).toBeTruthy();
    expect(rootCause.getAttribute('aria-invalid')).toBe('true');
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.headers.get('if-match')).toBe('"2"');
    expect(post?.body).toMatchObject({ whySteps: ['No owner'], fishboneCategory: 'process' });
  });

  it('places a refused registration (422) on the title', async () => {
    const api = fakeApi({
      ...signedInRoutes(manager()),
      'POST /api/v1/nonconformities': problem(422, 'Check the values entered.', {
        errors: [{ field: 'title', code: 'too_big', message: 'Title too long.' }],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<NewNonconformityModal opened onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'New nonconformity' });
    const title = within(dialog).getByRole('textbox', { name: /^Title/ });
    fireEvent.change(title, { target: { value: 'Lost laptop' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Title too long.')).toBeTruthy();
    await waitFor(() => expect(title.getAttribute('aria-invalid')).toBe('true'));
  });

  it("offers the owner's implementation and refuses nothing silently (422 on the note)", async () => {
    const action = {
      id: '00000000-0000-4000-8000-0000000000a1',
      nonconformityId: ID,
      nonconformityCode: 'NC-0007',
      nonconformityTitle: 'Restore test skipped',
      cycle: 1,
      kind: 'corrective' as const,
      title: 'Name an owner',
      description: '',
      owner: { id: manager().user.id, name: 'Aiko Admin' },
      dueDate: '2026-07-01',
      resources: '',
      status: 'planned' as const,
      implementationNote: '',
      evidence: [],
      implementedBy: null,
      implementedAt: null,
      reviewIntervalDays: 0,
      reviewDue: null,
      overdue: false,
      reviews: [],
      version: 1,
    };
    const api = fakeApi({
      ...signedInRoutes(manager()),
      'GET /api/v1/users': { items: [], nextCursor: null },
      [`GET /api/v1/nonconformities/${ID}`]: nc({ status: 'in_action', actions: [action] }),
      [`POST /api/v1/improvement-actions/${action.id}/implementation`]: problem(
        422,
        'Check the values entered.',
        { errors: [{ field: 'note', code: 'too_big', message: 'Note too long.' }] },
      ),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/corrective-actions/${ID}?action=${action.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Record implementation' }));
    // The action a conformity gap links to (`?action=`) is the marked row.
    expect(screen.getByText('Name an owner').closest('tr')!.getAttribute('aria-current')).toBe(
      'true',
    );
    const note = screen.getByRole('textbox', { name: /^What was done/ });
    fireEvent.change(note, { target: { value: 'Done' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Record implementation' }).at(-1)!);
    expect(await screen.findByText('Note too long.')).toBeTruthy();
    expect(note.getAttribute('aria-invalid')).toBe('true');
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.headers.get('if-match')).toBe('"1"');
  });
});
