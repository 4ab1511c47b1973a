import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditsDashboard as Dashboard } from '@mamoru/contracts';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { AuditsDashboard } from './AuditsDashboard';

// jsdom has no layout for ECharts: the stand-in shows the chart's name and its bars' data.
vi.mock('../../components/EChart', () => ({
  EChart: ({
    option,
    label,
  }: {
    option: { series: { name: string; data: number[] }[] };
    label: string;
  }) => (
    <figure aria-label={label}>
      {option.series.map((s) => (
        <span key={s.name}>{`${s.name}: ${s.data.join('/')}`}</span>
      ))}
    </figure>
  ),
}));

const dashboard: Dashboard = {
  programme: {
    id: '00000000-0000-4000-8000-000000000701',
    fiscalYear: 2026,
    number: 2,
    status: 'approved',
  },
  nextAudits: [
    {
      id: '00000000-0000-4000-8000-000000000801',
      code: 'IA-2026-02',
      title: 'Development unit',
      status: 'planned',
      plannedStart: '2027-01-12',
      plannedEnd: '2027-01-13',
    },
  ],
  overdueFollowUps: [
    {
      id: '00000000-0000-4000-8000-000000000901',
      auditId: '00000000-0000-4000-8000-000000000802',
      auditCode: 'IA-2026-01',
      number: 3,
      kind: 'minor_nc',
      status: 'open',
      requirementId: '6.4.a',
      controlId: null,
      dueDate: '2026-11-30',
    },
  ],
  overdueCount: 1,
  coverage: {
    requirements: { total: 60, audited: 40, planned: 15, unaudited: 5 },
    controls: { total: 100, audited: 70, planned: 20, unaudited: 10 },
  },
};

describe('audits dashboard', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists next audits and overdue follow-ups and charts the coverage of the cycle', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/audit-programmes/dashboard': dashboard,
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<AuditsDashboard />);

    const next = await screen.findByRole(
      'link',
      { name: 'IA-2026-02 Development unit' },
      { timeout: 20_000 },
    );
    expect(next.getAttribute('href')).toBe('/internal-audits/00000000-0000-4000-8000-000000000801');
    expect(screen.getByText('1 findings are past their due date and not verified.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'IA-2026-01 No. 3' })).toBeTruthy();
    expect(screen.getByText('Minor nonconformity')).toBeTruthy();
    expect(screen.getByText('Programme FY 2026, version 2')).toBeTruthy();
    const chart = screen.getByRole('figure', {
      name: 'Requirement items and controls audited, planned and not covered in the cycle',
    });
    expect(chart.textContent).toContain('Audited: 40/70');
    expect(chart.textContent).toContain('Planned: 15/20');
    expect(chart.textContent).toContain('Not covered: 5/10');
  }, 60_000);

  it('says so when nothing is planned or overdue and no programme exists', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/audit-programmes/dashboard': {
        ...dashboard,
        programme: null,
        nextAudits: [],
        overdueFollowUps: [],
        overdueCount: 0,
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<AuditsDashboard />);
    expect(await screen.findByText('No audits are planned.', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByText('No finding is past its due date.')).toBeTruthy();
    expect(
      screen.getByText('No programme yet: coverage is measured against the default criteria.'),
    ).toBeTruthy();
  }, 60_000);
});
