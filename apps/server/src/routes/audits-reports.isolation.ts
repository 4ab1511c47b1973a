import type { App } from '../testing/app.ts';
import type { Client } from '../testing/identity.ts';
import { createOrgUnit } from '../testing/isms.ts';
import { seedAudit } from './audits-reports.fixtures.ts';

/**
 * Organization B's audit report for the tenant isolation table: an audit in
 * progress led by B's manager, who also heads the auditee unit, so the
 * controls can word, approve, acknowledge and export the report in turn.
 */
export interface ReportOfB {
  auditId: string;
  values: string[];
}

export async function createReportOfB(
  app: App,
  adminB: Client,
  managerUserId: string,
): Promise<ReportOfB> {
  const unit = await createOrgUnit(adminB, { name: 'Audited unit of B', managerUserId });
  const audit = await seedAudit(app, adminB.organization.id, {
    leadId: managerUserId,
    unitIds: [unit.id],
    lines: [{ kind: 'requirement', refId: '6.4.a', result: 'conform' }],
  });
  return { auditId: audit.id, values: [audit.id, audit.code] };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'managerB'; status: number };
}

/** In the order the report's versions follow: read, word (v1), approve (v2), acknowledge. */
export function reportProbes<B extends { report: ReportOfB }>(): Probe<B>[] {
  const ok = { as: 'managerB' as const, status: 200 };
  const ifMatch = (v: number) => () => ({ 'if-match': `"${v}"` });
  const url = (b: B) => `/api/v1/audits/${b.report.auditId}/report`;
  return [
    { route: 'GET /api/v1/audits/:id/report', url, control: ok },
    {
      route: 'PATCH /api/v1/audits/:id/report',
      url,
      body: () => ({ summary: 'Summary of B' }),
      headers: ifMatch(0),
      control: ok,
    },
    {
      route: 'POST /api/v1/audits/:id/report/approve',
      url: (b) => `${url(b)}/approve`,
      headers: ifMatch(1),
      control: ok,
    },
    {
      route: 'POST /api/v1/audits/:id/report/acknowledge',
      url: (b) => `${url(b)}/acknowledge`,
      headers: ifMatch(2),
      control: ok,
    },
    {
      route: 'GET /api/v1/audits/:id/report/export',
      url: (b) => `${url(b)}/export?format=xlsx&lang=en`,
      control: ok,
    },
  ];
}
