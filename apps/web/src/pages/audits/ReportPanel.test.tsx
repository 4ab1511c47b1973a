import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditReport } from '@mamoru/contracts';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { ReportPanel } from './ReportPanel';

const AUDIT = '11111111-1111-4111-8111-111111111111';
const counts = { conform: 1, major_nc: 0, minor_nc: 1, observation: 0, ofi: 0, unanswered: 0 };

const draft: AuditReport = {
  auditId: AUDIT,
  status: 'draft',
  summary: '',
  conclusion: '',
  content: {
    audit: {
      id: AUDIT,
      code: 'IA-2026-01',
      title: 'Audit of information systems',
      plannedStart: '2026-11-01',
      plannedEnd: '2026-11-05',
      openingMeetingAt: null,
      closingMeetingAt: null,
      auditeeUnits: [{ id: '22222222-2222-4222-8222-222222222222', name: 'IT' }],
      processes: [],
      requirements: [
        {
          kind: 'requirement',
          id: '6.4.a',
          displayId: '第6 4. a',
          title: { ja: '本基準及び法令への適合', en: 'Conformity with this standard and the law' },
        },
      ],
      controls: [],
    },
    team: [{ id: '33333333-3333-4333-8333-333333333333', name: 'Lead', role: 'lead' }],
    clauses: [
      {
        kind: 'requirement',
        id: '6.4',
        displayId: '第6 4.',
        title: { ja: '内部監査', en: 'Internal ISMS audits' },
        counts,
        lines: [],
      },
    ],
    totals: counts,
    findings: [
      {
        id: '44444444-4444-4444-8444-444444444444',
        number: 1,
        kind: 'minor_nc',
        criterion: {
          kind: 'requirement',
          id: '6.4.a',
          displayId: '第6 4. a',
          title: { ja: '本基準及び法令への適合', en: 'Conformity with this standard and the law' },
        },
        unit: 'IT',
        description: 'Due dates are missing',
        dueDate: '2026-12-01',
        status: 'open',
      },
    ],
  },
  approvedBy: null,
  approvedAt: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
  can: { edit: true, approve: true, acknowledge: false },
  version: 1,
};

const url = `/api/v1/audits/${AUDIT}/report`;

describe('the audit report panel', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows results per clause in the reader’s display IDs and the findings', async () => {
    const api = fakeApi({ ...signedInRoutes(sessionInfo('admin')), [`GET ${url}`]: draft });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ReportPanel auditId={AUDIT} />);
    expect(await screen.findByText('Internal ISMS audits')).toBeTruthy();
    expect(screen.getByText('6.4')).toBeTruthy();
    expect(screen.getByText('6.4 a Conformity with this standard and the law')).toBeTruthy();
    expect(screen.getByText('Minor nonconformity')).toBeTruthy();
    // A draft has nothing frozen to export yet.
    expect(screen.queryByRole('button', { name: 'Export' })).toBeNull();
  });

  it('puts a refused save’s errors at the summary and conclusion inputs (422)', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      [`GET ${url}`]: draft,
      [`PATCH ${url}`]: problem(422, 'Check the values entered.', {
        errors: [
          { field: 'summary', code: 'too_big', message: 'The summary is too long.' },
          { field: 'conclusion', code: 'too_big', message: 'The conclusion is too long.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ReportPanel auditId={AUDIT} />);
    const summary = await screen.findByRole('textbox', { name: 'Summary' });
    fireEvent.change(summary, { target: { value: 'x'.repeat(10) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await vi.waitFor(() => expect(summary.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('The summary is too long.')).toBeTruthy();
    expect(screen.getByText('The conclusion is too long.')).toBeTruthy();
    const saved = api.calls.find((c) => c.method === 'PATCH')!;
    expect(saved.headers.get('if-match')).toBe('"1"');
  });

  it('names the checklist when approval is refused for lines without a result (422)', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      [`GET ${url}`]: draft,
      [`POST ${url}/approve`]: problem(422, 'Check the values entered.', {
        errors: [
          {
            field: 'checklist',
            code: 'audit_report_unanswered',
            message: 'Every checklist line needs a result (2 without one).',
          },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ReportPanel auditId={AUDIT} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Approve report' }));
    const alerts = async () =>
      (await screen.findAllByRole('alert')).map((a) => a.textContent ?? '').join('\n');
    await vi.waitFor(async () =>
      expect(await alerts()).toContain(
        'Checklist: Every checklist line needs a result (2 without one).',
      ),
    );
    expect(await alerts()).not.toContain('checklist:');
  });

  it('offers the exports once approved and no edits', async () => {
    const approved: AuditReport = {
      ...draft,
      status: 'approved',
      summary: 'Audited as planned.',
      approvedBy: { id: '33333333-3333-4333-8333-333333333333', name: 'Lead' },
      approvedAt: '2026-11-06T09:00:00.000Z',
      can: { edit: false, approve: false, acknowledge: true },
    };
    const api = fakeApi({ ...signedInRoutes(sessionInfo('admin')), [`GET ${url}`]: approved });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ReportPanel auditId={AUDIT} />);
    expect(await screen.findByRole('button', { name: 'Export' })).toBeTruthy();
    expect(screen.getByText('Audited as planned.')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Summary' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Acknowledge report' })).toBeTruthy();
  });
});
