import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NonconformityDetail } from '@mamoru/contracts';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const ID = '00000000-0000-4000-8000-0000000000c2';

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
  code: 'NC-0009',
  kind: 'nonconformity',
  source: 'self_identified',
  sourceLink: null,
  auditFindingId: null,
  riskId: null,
  title: 'Visitor log incomplete',
  description: 'Two visits not logged.',
  severity: 'minor',
  priority: null,
  requirementIds: [],
  controlIds: [],
  unit: null,
  evidence: [],
  detectedOn: '2026-06-03',
  reportedBy: null,
  owner: null,
  status: 'reported',
  containment: '',
  containedBy: null,
  containedAt: null,
  cycle: 1,
  overdue: false,
  ageDays: 3,
  closedBy: null,
  closedAt: null,
  version: 4,
  createdAt: '2026-06-03T09:00:00.000Z',
  updatedAt: '2026-06-03T09:00:00.000Z',
  analyses: [],
  actions: [],
  ...over,
});

async function openEdit() {
  renderApp(`/corrective-actions/${ID}`);
  fireEvent.click(await screen.findByRole('button', { name: 'Edit details' }));
  return screen.findByRole('dialog', { name: 'Edit NC-0009' });
}

describe('editing a registered nonconformity', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sends the corrected details with the version read', async () => {
    const api = fakeApi({
      ...signedInRoutes(manager()),
      [`GET /api/v1/nonconformities/${ID}`]: nc(),
      [`PATCH /api/v1/nonconformities/${ID}`]: nc({ title: 'Visitor log gaps', version: 5 }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const dialog = await openEdit();
    const title = within(dialog).getByRole('textbox', { name: /^Title/ });
    expect((title as HTMLInputElement).value).toBe('Visitor log incomplete');
    fireEvent.change(title, { target: { value: 'Visitor log gaps' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = api.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('if-match')).toBe('"4"');
    expect(patch.body).toMatchObject({
      title: 'Visitor log gaps',
      description: 'Two visits not logged.',
      severity: 'minor',
      detectedOn: '2026-06-03',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('places a refused edit (422) beside its input and keeps what was typed', async () => {
    const api = fakeApi({
      ...signedInRoutes(manager()),
      [`GET /api/v1/nonconformities/${ID}`]: nc(),
      [`PATCH /api/v1/nonconformities/${ID}`]: problem(422, 'Check the values entered.', {
        errors: [{ field: 'detectedOn', code: 'invalid_format', message: 'Not a date.' }],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const dialog = await openEdit();
    const description = within(dialog).getByRole('textbox', { name: /^Description/ });
    fireEvent.change(description, { target: { value: 'Three visits not logged.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Not a date.')).toBeTruthy();
    const detectedOn = within(dialog).getByLabelText(/^Detected on/);
    await waitFor(() => expect(detectedOn.getAttribute('aria-invalid')).toBe('true'));
    expect((description as HTMLTextAreaElement).value).toBe('Three visits not logged.');
  });

  it('offers no edit once the nonconformity is closed', async () => {
    const api = fakeApi({
      ...signedInRoutes(manager()),
      [`GET /api/v1/nonconformities/${ID}`]: nc({
        status: 'closed',
        closedAt: '2026-06-10T09:00:00.000Z',
        closedBy: { id: 'u1', name: 'Aiko Admin' },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/corrective-actions/${ID}`);
    expect(await screen.findByText('Visitor log incomplete')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit details' })).toBeNull();
  });
});
