import { shippedLibrary } from '@mamoru/catalog';
import type { Db } from '@mamoru/db';
import * as seed from '@mamoru/db/repositories/audits-seed';
import {
  applicableControlsInForce,
  latestProgramme,
} from '@mamoru/db/repositories/audits-programmes';
import * as usersRepo from '@mamoru/db/repositories/users';
import { acknowledgeReport, approveReport, updateReport } from '../../audits/report.ts';
import { requirementItems } from '../../conformity/engine.ts';
import { actorForUser } from '../../identity/sessions.ts';
import { SCOPE_LIBRARY_ID } from '../../scope/service.ts';
import { listOrgUnits } from '../../scope/structure.ts';
import { fiscalYearOf } from '../audits.ts';
import type { DemoCast } from './cast.ts';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/**
 * The second audit of the year, done a week ago: its checklist covers every
 * requirement item and every applicable control, all found conforming, and
 * its report is approved by the lead auditor and acknowledged by the auditee.
 * Seeded as the demo's first audit is, since its dates lie in the past.
 */
export async function completeAudits(db: Db, cast: DemoCast) {
  const org = cast.manager.actor.organizationId;
  const fy = fiscalYearOf(new Date());
  const programme = await latestProgramme(db, org, fy);
  const lead = await usersRepo.findUserByEmail(db, 'takahashi@demo.mamoru.example');
  const member = await usersRepo.findUserByEmail(db, 'tanaka@demo.mamoru.example');
  const lib = await shippedLibrary(SCOPE_LIBRARY_ID);
  if (!programme || !lead || !member || !lib) throw new Error('the demo has not run');
  const units = await listOrgUnits(db, cast.manager, { limit: 100 });
  const it = units.items.find((u) => u.code === 'IT')!;
  const requirementIds = requirementItems(lib).items.map((i) => i.node.id);
  const controlIds = await applicableControlsInForce(db, org);
  const audit = await seed.seedAudit(db, {
    organizationId: org,
    programmeId: programme.id,
    fiscalYear: fy,
    code: `IA-${fy}-03`,
    title: 'ISMS全体の内部監査',
    status: 'in_progress',
    auditeeUnitIds: [it.id],
    requirementIds,
    controlIds,
    plannedStart: daysAgo(10).toISOString().slice(0, 10),
    plannedEnd: daysAgo(8).toISOString().slice(0, 10),
    leadAuditorId: lead.id,
    noticeSentAt: daysAgo(30),
  });
  await seed.seedTeam(db, [
    { auditId: audit.id, organizationId: org, userId: lead.id, role: 'lead' },
    { auditId: audit.id, organizationId: org, userId: member.id, role: 'member' },
  ]);
  const refs = [
    ...requirementIds.map((refId) => ({ kind: 'requirement', refId })),
    ...controlIds.map((refId) => ({ kind: 'control', refId })),
  ];
  await seed.seedLines(
    db,
    refs.map((r, i) => ({
      organizationId: org,
      auditId: audit.id,
      position: i + 1,
      kind: r.kind,
      refId: r.refId,
      result: 'conform',
      notes: '文書・記録と担当者への質問で確認した。',
      answeredBy: lead.id,
      answeredAt: daysAgo(9),
    })),
  );
  const leadCtx = { actor: actorForUser(lead), requestId: null };
  await updateReport(db, leadCtx, audit.id, 0, {
    summary: '全要求事項と適用管理策を、文書・記録の確認と質問により監査した。',
    conclusion: 'ISMSは本基準に適合し、有効に運用されている。指摘事項はない。',
  });
  await approveReport(db, leadCtx, audit.id, 1);
  await acknowledgeReport(db, cast.itHead, audit.id, 2);
  await seed.seedAuditStatus(db, org, audit.id, {
    status: 'closed',
    openingMeetingAt: daysAgo(10),
    closingMeetingAt: daysAgo(8),
    closedAt: daysAgo(7),
  });
}
