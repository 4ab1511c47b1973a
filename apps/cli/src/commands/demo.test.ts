import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { run } from '../program.ts';
import { captureOutput } from '../testing/output.ts';
import { conformity, systemActor } from '@mamoru/domain';
import { listDueItems } from '@mamoru/db/repositories/calendar/index';

let io: ReturnType<typeof captureOutput>;
beforeEach(() => {
  io = captureOutput();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** The demo writes through every service; on a busy machine that takes a while. */
const SLOW = 180_000;

describeEachDatabase('mamoru demo', (ctx) => {
  let dir: string;
  let dataDir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mamoru-demo-cli-'));
    dataDir = join(dir, 'data');
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    if (ctx.kind === 'postgres') {
      vi.stubEnv('DATABASE_URL', (ctx.database as Database & { url: string }).url);
    } else {
      vi.stubEnv('DATABASE_URL', '');
    }
    vi.stubEnv('MAMORU_DATA_DIR', dataDir);
  });

  /** PGlite's folder is one process's at a time: the test opens it only between CLI runs. */
  async function counts() {
    const read = async (database: Database) => {
      const [row] = await queryRows<Record<string, number>>(
        database.db,
        sql`select
          (select count(*)::int from org_units) as units,
          (select count(*)::int from locations) as locations,
          (select count(*)::int from assets) as assets,
          (select count(*)::int from risks) as risks,
          (select count(*)::int from risks where treatment_option = 'apply_controls') as treated,
          (select count(*)::int from risks where treatment_option is not null) as decided,
          (select count(*)::int from treatment_actions) as actions,
          (select count(*)::int from documents where status = 'issued') as issued,
          (select count(*)::int from approvals where status = 'pending') as "pendingApprovals",
          (select count(*)::int from risks r join risk_scores s on s.id = r.score_id
            where s.value is not null) as valued,
          (select count(*)::int from documents) as documents,
          (select count(*)::int from soa_entries) as "soaEntries",
          (select count(*)::int from users) as users,
          (select count(*)::int from audits) as audits,
          (select count(*)::int from audits where status = 'closed') as "closedAudits",
          (select count(*)::int from audit_reports where status = 'acknowledged') as reports,
          (select count(*)::int from internal_auditors) as auditors,
          (select count(*)::int from nonconformities) as nonconformities,
          (select count(*)::int from nonconformities n join audit_findings f
            on f.nonconformity_id = n.id where n.cycle = 2) as "reopenedFromAudit",
          (select count(*)::int from improvements where audit_finding_id is not null)
            as "improvementsFromAudit",
          (select count(*)::int from interested_parties) as parties,
          (select count(*)::int from legal_obligations) as "legalObligations",
          (select count(*)::int from legal_obligations where next_review_date < current_date)
            as "legalOverdue",
          (select count(*)::int from legal_reviews where outcome = 'changed') as "legalChanged",
          (select count(*)::int from management_reviews where status = 'approved'
            and distributed_at is not null) as "approvedReviews",
          (select count(*)::int from management_reviews where status = 'planned') as "plannedReviews",
          (select count(*)::int from management_review_inputs) as "reviewInputs",
          (select count(*)::int from management_review_decisions d join improvements i
            on i.id = d.improvement_id where i.status = 'implemented') as "decisionsDone",
          (select count(*)::int from management_review_decisions d join improvements i
            on i.id = d.improvement_id where i.status = 'accepted') as "decisionsOpen",
          (select count(*)::int from interested_party_feedback) as feedback,
          (select count(*)::int from interested_party_feedback where responded_on is null)
            as "openFeedback",
          (select count(*)::int from incidents) as incidents,
          (select count(*)::int from incidents where status = 'closed' and record_id is not null)
            as "closedWithRecord",
          (select count(*)::int from incident_notifications) as notifications,
          (select count(*)::int from nonconformities where source = 'incident') as "ncFromIncidents",
          (select count(*)::int from isms_events where source = 'manual') as "manualEvents",
          (select count(*)::int from isms_events where action = 'incident.closed') as "closedEvents",
          (select count(*)::int from conformity_attestations where status = 'approved'
            and decided_by <> requested_by) as "approvedAttestations",
          (select count(*)::int from conformity_attestations where status = 'pending')
            as "pendingAttestations",
          (select count(*)::int from objectives) as objectives,
          (select count(*)::int from objective_measurements) as measurements,
          (select count(*)::int from control_operations) as "controlOperations",
          (select count(*)::int from control_checks where next_due < current_date)
            as "overdueChecks",
          (select count(*)::int from control_operations where no_procedure_reason <> '')
            as "controlReasons",
          (select count(*)::int from nonconformities where source = 'control_check')
            as "ncFromChecks"`,
      );
      // Rule 5.1.b (objectives set by top management, owned, planned, measured) on the demo.
      const [org] = await queryRows<{ id: string }>(database.db, sql`select id from organizations`);
      const ctx = { actor: systemActor(org!.id), requestId: null };
      const item = await conformity.getConformityItem(database.db, ctx, '5.1.b');
      // The calendar (issue 22): the year ahead and what is late, per kind.
      const today = new Date().toISOString().slice(0, 10);
      const due = await listDueItems(database.db, org!.id, {
        from: today,
        to: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
        today,
        includeOverdue: true,
        limit: 5000,
      });
      const calendar: Record<string, number> = {};
      for (const i of due.items) calendar[`due_${i.kind}`] = (calendar[`due_${i.kind}`] ?? 0) + 1;
      const all: Record<string, number> = {
        ...row!,
        ...calendar,
        objectivesRuleMet: item.status === 'met' ? 1 : 0,
      };
      return all;
    };
    if (ctx.kind === 'postgres') return read(ctx.database);
    const database = await openDatabase({ dataDir });
    try {
      return await read(database);
    } finally {
      await database.close();
    }
  }

  it(
    'asks for an organization to be set up first',
    async () => {
      expect(await run(['demo'])).toBe(1);
      expect(io.stderr()).toMatch(/there is no organization yet: set Mamoru up first/);
    },
    SLOW,
  );

  it(
    'fills the organization with the sample company through the services',
    async () => {
      const admin = [
        'admin',
        'create',
        '--organization',
        '守る精機株式会社',
        '--email',
        'admin@demo-test.example',
        '--name',
        '管理者',
        '--password',
        'Kanri-Sekkei-Passphrase-2026',
      ];
      expect(await run(admin), io.stderr()).toBe(0);
      io.clear();
      expect(await run(['demo']), io.stderr()).toBe(0);
      expect(io.stdout()).toMatch(/sample company added to "守る精機株式会社"/);
      expect(io.stdout()).toMatch(
        /60 assets, \d+ risks \(\d+ with a treatment\), \d+ treatment actions/,
      );
      const c = await counts();
      expect(c).toMatchObject({ units: 10, locations: 4, assets: 60, documents: 6, users: 6 });
      // Internal audits: one closed with its report acknowledged, one planned; two auditors.
      expect(c).toMatchObject({ audits: 2, closedAudits: 1, reports: 1, auditors: 2 });
      // The audit's nonconformity entered the register and was reopened after a failed
      // effectiveness review; its observation became an improvement.
      // Three from the audit and the demo's own register, one raised from an incident, one
      // from a failed control check.
      expect(c).toMatchObject({
        nonconformities: 5,
        reopenedFromAudit: 1,
        improvementsFromAudit: 1,
      });
      expect(c.risks).toBeGreaterThan(60);
      // The method was approved, so every generated risk has its value.
      expect(c.valued).toBe(c.risks);
      expect(c.treated).toBeGreaterThan(0);
      // Mid-way through the ISMS: most risks decided, a plan, issued documents, approvals waiting.
      expect(c.decided).toBeGreaterThan(c.risks! / 2);
      expect(c.decided).toBeLessThan(c.risks!);
      expect(c.actions).toBeGreaterThan(0);
      expect(c.issued).toBe(5);
      expect(c.pendingApprovals).toBe(2);
      expect(c.soaEntries).toBeGreaterThan(100);
      // Interested parties with a year of feedback, the newest still awaiting a response.
      expect(c).toMatchObject({ parties: 5, feedback: 6, openFeedback: 1 });
      // Last year's review approved and distributed with its frozen pack and two decisions
      // (one done, one open); the next review planned.
      expect(c).toMatchObject({
        approvedReviews: 1,
        plannedReviews: 1,
        reviewInputs: 11,
        decisionsDone: 1,
        decisionsOpen: 1,
      });
      expect(io.stdout()).toMatch(/2 management reviews/);
      // Six incidents of the last year, five closed with their record; the breach's three
      // notifications; one corrective action raised; the closings and two outside events logged.
      expect(c).toMatchObject({
        incidents: 6,
        closedWithRecord: 5,
        notifications: 3,
        ncFromIncidents: 1,
        manualEvents: 2,
        closedEvents: 5,
      });
      expect(io.stdout()).toMatch(/6 incidents over the last year/);
      // A physical check attested and approved by the president; a second one waiting.
      expect(c).toMatchObject({ approvedAttestations: 1, pendingAttestations: 1 });
      // The legal register: five obligations, the amended privacy act reviewed as changed,
      // the export control review overdue.
      expect(c).toMatchObject({ legalObligations: 5, legalOverdue: 1, legalChanged: 1 });
      // Four objectives set by the president, a year of monthly values each: 5.1.b is met.
      expect(c).toMatchObject({ objectives: 4, measurements: 48, objectivesRuleMet: 1 });
      expect(io.stdout()).toMatch(/4 information security objectives with 48 measurements/);
      // A dozen controls operated and checked: one failure raised, one check overdue, one reason.
      expect(c).toMatchObject({
        controlOperations: 12,
        overdueChecks: 1,
        controlReasons: 1,
        ncFromChecks: 1,
      });
      expect(io.stdout()).toMatch(/12 controls operated with their checks/);
      // The calendar is not empty: dated work of every PDCA phase, from the areas' own rows.
      for (const kind of [
        'document_review',
        'treatment_action',
        'control_check',
        'legal_review',
        'audit',
        'management_review',
        'objective_measurement',
        'approval',
      ]) {
        expect(c[`due_${kind}`], kind).toBeGreaterThan(0);
      }
    },
    SLOW,
  );

  it(
    'refuses to run twice unless forced, then adds a second copy',
    async () => {
      expect(await run(['demo'])).toBe(1);
      expect(io.stderr()).toMatch(/the demo already ran .*mamoru demo --force/);
      io.clear();
      expect(await run(['demo', '--force']), io.stderr()).toBe(0);
      expect(io.stdout()).toMatch(/\(copy 2\)/);
      const c = await counts();
      expect(c).toMatchObject({ units: 20, assets: 120, documents: 12, users: 11, audits: 4 });
      expect(c).toMatchObject({ parties: 10, feedback: 12 });
      // The objectives are set once: a copy would only repeat them.
      expect(c).toMatchObject({ objectives: 4, measurements: 48, objectivesRuleMet: 1 });
    },
    SLOW,
  );
});
