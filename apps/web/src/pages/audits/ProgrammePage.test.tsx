import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditPlanning, AuditProgramme } from '@mamoru/contracts';
import { fakeApi, problem, sessionInfo, signedInRoutes, type FakeRoute } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { ProgrammePage } from './ProgrammePage';

const manager = () => {
  const session = sessionInfo('admin', { roles: ['isms_manager'] });
  return {
    ...session,
    permissions: { ...session.permissions, 'audits:read': 'all', 'audits:manage': 'all' },
  } as typeof session;
};

const draft: AuditProgramme = {
  id: '00000000-0000-4000-8000-000000000701',
  fiscalYear: 2026,
  number: 1,
  status: 'draft',
  title: 'Internal audit programme',
  periodStart: '2026-04-01',
  periodEnd: '2027-03-31',
  objectives: 'Confirm conformity',
  criteriaRequirementIds: ['4.2.3.d', '6.4.a'],
  criteriaControlIds: ['8.5.1'],
  criteriaDocumentIds: [],
  scopeUnitIds: [],
  scopeLocationIds: [],
  scopeProcesses: [],
  frequency: 'Once a year',
  methods: '',
  responsibilities: '',
  cycleMonths: 12,
  createdBy: null,
  updatedBy: null,
  approvalId: null,
  approvedBy: null,
  approvedAt: null,
  version: 4,
  createdAt: '2026-04-02T09:00:00.000Z',
  updatedAt: '2026-04-02T09:00:00.000Z',
};

const planning: AuditPlanning = {
  programmeId: draft.id,
  asOf: '2026-12-06',
  cycleMonths: 12,
  units: [],
  items: [
    {
      kind: 'requirement',
      id: '6.4.a',
      displayId: '第6 4. a',
      title: { ja: '内部監査', en: 'Internal audit' },
      lastAuditedOn: null,
      plannedOn: null,
      status: 'unaudited',
      openFindings: 0,
      highestRiskLevel: null,
    },
    {
      kind: 'control',
      id: '8.5.1',
      displayId: '8(5)①',
      title: { ja: '変更管理', en: 'Change control' },
      lastAuditedOn: '2026-05-10',
      plannedOn: null,
      status: 'audited',
      openFindings: 2,
      highestRiskLevel: 3,
    },
  ],
  summary: {
    requirements: { total: 1, audited: 0, planned: 0, unaudited: 1 },
    controls: { total: 1, audited: 1, planned: 0, unaudited: 0 },
  },
};

const routes = (extra: Record<string, FakeRoute> = {}): Record<string, FakeRoute> => ({
  ...signedInRoutes(manager()),
  'GET /api/v1/audit-programmes': { items: [draft], nextCursor: null },
  [`GET /api/v1/audit-programmes/${draft.id}/planning`]: planning,
  'GET /api/v1/org-units': { items: [], nextCursor: null },
  'GET /api/v1/locations': { items: [], nextCursor: null },
  'GET /api/v1/documents': { items: [], nextCursor: null },
  ...extra,
});

describe('audit programme page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the draft with its planning warnings, saves with If-Match and submits for approval', async () => {
    let patch: { ifMatch: string | null; body: unknown } | undefined;
    const api = fakeApi(
      routes({
        [`PATCH /api/v1/audit-programmes/${draft.id}`]: ({ headers, body }) => {
          patch = { ifMatch: headers.get('if-match'), body };
          return { body: { ...draft, version: 5 } };
        },
        [`POST /api/v1/audit-programmes/${draft.id}/approval`]: { ...draft, status: 'pending' },
      }),
    );
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ProgrammePage />);

    expect(await screen.findByText('Version 1: Draft', {}, { timeout: 20_000 })).toBeTruthy();
    expect(
      await screen.findByText(
        '1 criteria would go unaudited in this cycle: plan audits that cover them.',
      ),
    ).toBeTruthy();
    // Criteria show in the reader's form, never as raw IDs.
    expect(screen.getByText('6.4 a Internal audit')).toBeTruthy();
    expect(screen.getByText('A.8.5.1 Change control')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Methods'), {
      target: { value: 'Interviews and sampling' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(patch?.ifMatch).toBe('"4"'));
    expect(patch?.body).toMatchObject({
      methods: 'Interviews and sampling',
      cycleMonths: 12,
      criteriaControlIds: ['8.5.1'],
    });

    fireEvent.click(screen.getByRole('button', { name: 'Submit for approval' }));
    await vi.waitFor(() =>
      expect(api.calls.some((call) => call.path.endsWith('/approval'))).toBe(true),
    );
  }, 60_000);

  it('shows a 422 beside the period input it names', async () => {
    const api = fakeApi(
      routes({
        [`PATCH /api/v1/audit-programmes/${draft.id}`]: problem(422, 'Invalid', {
          code: 'validation',
          errors: [
            {
              field: 'periodEnd',
              code: 'period_end_before_start',
              message: 'The period cannot end before it starts.',
            },
          ],
        }),
      }),
    );
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ProgrammePage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }, { timeout: 20_000 }));
    const input = await screen.findByLabelText('Period to');
    await vi.waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText('The period cannot end before it starts.').length).toBeGreaterThan(
      0,
    );
  }, 60_000);

  it('opens the folded criteria to show a refused control', async () => {
    const api = fakeApi(
      routes({
        [`PATCH /api/v1/audit-programmes/${draft.id}`]: problem(422, 'Invalid', {
          code: 'validation',
          errors: [
            {
              field: 'criteriaControlIds.0',
              code: 'reference_not_found',
              message: 'This refers to something that does not exist in your organization.',
            },
          ],
        }),
      }),
    );
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ProgrammePage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }, { timeout: 20_000 }));
    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'PATCH')).toBe(true));
    const toggle = await screen.findByRole('button', { name: /1 controls/ });
    await vi.waitFor(() => expect(toggle.getAttribute('aria-expanded')).toBe('true'), {
      timeout: 5000,
    });
    const inputs = screen.getAllByLabelText('Controls');
    expect(inputs.some((input) => input.getAttribute('aria-invalid') === 'true')).toBe(true);
  }, 60_000);

  it('offers to start the programme of a year that has none', async () => {
    let created: unknown;
    const api = fakeApi(
      routes({
        'GET /api/v1/audit-programmes': { items: [], nextCursor: null },
        'POST /api/v1/audit-programmes': ({ body }) => {
          created = body;
          return { status: 201, body: draft };
        },
      }),
    );
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ProgrammePage />);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Start the programme' }, { timeout: 20_000 }),
    );
    const now = new Date();
    const year = now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
    await vi.waitFor(() => expect(created).toEqual({ fiscalYear: year }));
  }, 60_000);
});
