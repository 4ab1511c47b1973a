import { randomBytes } from 'node:crypto';
import type { Db } from '@mamoru/db';
import * as seed from '@mamoru/db/repositories/audits-seed';
import * as usersRepo from '@mamoru/db/repositories/users';
import type { RequestContext } from '../audit/trail.ts';
import { acknowledgeReport, approveReport, updateReport } from '../audits/report.ts';
import { actorForUser } from '../identity/sessions.ts';
import { createUser } from '../identity/users.ts';
import { getOrgUnit, updateOrgUnit } from '../scope/structure.ts';

/**
 * The sample company's internal audits (6.4): two auditors in the register,
 * an approved programme for the fiscal year, an audit of Information Systems
 * closed with a minor nonconformity and an observation (report approved by
 * the lead auditor and acknowledged by the unit's head), and a planned audit
 * of General Affairs and Human Resources. The history is laid down as it
 * stands; the report goes through its own services, so it is a real one.
 */

export const DEMO_AUDITORS = [
  {
    key: 'takahashi',
    ja: '高橋 美咲',
    unit: 'QA',
    qualifications: 'ISMS内部監査員研修 修了（2024年）',
    training: '内部監査の実務演習を年1回受講',
  },
  {
    key: 'tanaka',
    ja: '田中 健',
    unit: 'FIN',
    qualifications: 'ISMS内部監査員研修 修了（2025年）',
    training: '監査報告書の作成演習を受講',
  },
] as const;

/** The closed audit's checklist: requirement items and controls with their results. */
export const DEMO_CLOSED_LINES = [
  {
    kind: 'requirement',
    refId: '4.2.3.a.1',
    result: 'conform',
    notes: '監視手順と記録を確認した。',
  },
  {
    kind: 'requirement',
    refId: '4.3.2.a',
    result: 'conform',
    notes: '承認記録を抜き取りで確認した。',
  },
  {
    kind: 'requirement',
    refId: '4.3.3',
    result: 'conform',
    notes: '記録の保管期間が定められている。',
  },
  {
    kind: 'control',
    refId: '9.2.4',
    result: 'minor_nc',
    notes: '退職者1名のアカウントが見直しで削除されていなかった。',
  },
  {
    kind: 'control',
    refId: '10.5.1',
    result: 'observation',
    notes: '変更申請書の様式が部内で2種類使われている。',
  },
  { kind: 'control', refId: '6.2.1', result: 'conform', notes: '受講記録を確認した。' },
] as const;

/** Fiscal years start in April, as most Japanese companies keep them. */
export function fiscalYearOf(day: Date) {
  return day.getUTCMonth() >= 3 ? day.getUTCFullYear() : day.getUTCFullYear() - 1;
}

const dayOffset = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function createAuditors(
  db: Db,
  ctx: RequestContext,
  unitIds: Map<string, string>,
  run: number,
) {
  const ids: string[] = [];
  for (const a of DEMO_AUDITORS) {
    const email = `${a.key}${run === 1 ? '' : `+${run}`}@demo.mamoru.example`;
    await createUser(db, ctx, {
      email,
      displayName: a.ja,
      password: `${randomBytes(18).toString('base64url')}-Aa1`,
      locale: 'ja',
      roles: ['internal_auditor'],
      orgUnitId: unitIds.get(a.unit)!,
    });
    ids.push((await usersRepo.findUserByEmail(db, email))!.id);
  }
  await seed.seedAuditors(
    db,
    DEMO_AUDITORS.map((a, i) => ({
      organizationId: ctx.actor.organizationId,
      userId: ids[i]!,
      qualifications: a.qualifications,
      training: a.training,
    })),
  );
  return ids as [string, string];
}

export interface DemoAuditPeople {
  /** Top management: approves the programme. */
  president: string;
  /** Head of Information Systems: acknowledges the closed audit's report. */
  itHead: RequestContext;
}

export async function createAuditsDemo(
  db: Db,
  ctx: RequestContext,
  unitIds: Map<string, string>,
  people: DemoAuditPeople,
  run: number,
) {
  const org = ctx.actor.organizationId;
  const [leadId, memberId] = await createAuditors(db, ctx, unitIds, run);
  const fy = fiscalYearOf(new Date());
  const programme = await seed.seedProgramme(db, {
    organizationId: org,
    fiscalYear: fy,
    number: run,
    status: 'approved',
    title: `${fy}年度 内部監査プログラム`,
    periodStart: `${fy}-04-01`,
    periodEnd: `${fy + 1}-03-31`,
    objectives: 'ISMSが本基準と社内規程に適合し、有効に運用されていることを確かめる。',
    scopeUnitIds: [...unitIds.values()],
    frequency: '各部門を年1回以上監査する。リスクの高い部門は半期ごと。',
    methods: '文書・記録の確認、担当者への質問、現場の観察による。',
    responsibilities: 'ISMS管理責任者が計画し、内部監査員が実施する。',
    approvedBy: people.president,
    approvedAt: new Date(),
  });
  const suffix = run === 1 ? '' : `-${run}`;
  const it = unitIds.get('IT')!;

  // The IT unit's head acknowledges the report: name them head of the unit.
  const unit = await getOrgUnit(db, ctx, it);
  await updateOrgUnit(db, ctx, it, unit.version, { managerUserId: people.itHead.actor.userId });

  const closed = await seed.seedAudit(db, {
    organizationId: org,
    programmeId: programme.id,
    fiscalYear: fy,
    code: `IA-${fy}-01${suffix}`,
    title: '情報システム部の内部監査',
    status: 'in_progress',
    auditeeUnitIds: [it],
    requirementIds: DEMO_CLOSED_LINES.filter((l) => l.kind === 'requirement').map((l) => l.refId),
    controlIds: DEMO_CLOSED_LINES.filter((l) => l.kind === 'control').map((l) => l.refId),
    plannedStart: dayOffset(-45),
    plannedEnd: dayOffset(-40),
    leadAuditorId: leadId,
    noticeSentAt: new Date(Date.now() - 60 * 86_400_000),
  });
  await seed.seedTeam(db, [
    { auditId: closed.id, organizationId: org, userId: leadId, role: 'lead' },
    { auditId: closed.id, organizationId: org, userId: memberId, role: 'member' },
  ]);
  const lines = await seed.seedLines(
    db,
    DEMO_CLOSED_LINES.map((l, i) => ({
      organizationId: org,
      auditId: closed.id,
      position: i + 1,
      kind: l.kind,
      refId: l.refId,
      result: l.result,
      notes: l.notes,
      answeredBy: leadId,
      answeredAt: new Date(Date.now() - 42 * 86_400_000),
    })),
  );
  const itHeadId = people.itHead.actor.userId!;
  const corrected = {
    status: 'verified',
    correctedBy: itHeadId,
    correctedAt: new Date(Date.now() - 20 * 86_400_000),
    verifiedBy: leadId,
    verifiedAt: new Date(Date.now() - 10 * 86_400_000),
  };
  await seed.seedFindings(db, [
    {
      organizationId: org,
      auditId: closed.id,
      lineId: lines[3]!.id,
      number: 1,
      kind: 'minor_nc',
      controlId: '9.2.4',
      unitId: it,
      description: 'アクセス権の見直しで、退職者のアカウント1件が削除されていなかった。',
      dueDate: dayOffset(-15),
      correction: '該当アカウントを削除し、見直し手順に人事部からの退職者一覧の照合を追加した。',
      verificationNote: '手順の改訂と翌月の見直し記録を確認した。',
      ...corrected,
    },
    {
      organizationId: org,
      auditId: closed.id,
      lineId: lines[4]!.id,
      number: 2,
      kind: 'observation',
      controlId: '10.5.1',
      unitId: it,
      description: '変更申請書の様式が2種類あり、記載項目に差がある。',
      dueDate: dayOffset(-15),
      correction: '様式を1種類に統一した。',
      verificationNote: '統一後の申請書を確認した。',
      ...corrected,
    },
  ]);

  // The report through its services: worded and approved by the lead, acknowledged by the head.
  const lead = {
    actor: actorForUser((await usersRepo.getUser(db, org, leadId))!),
    requestId: null,
  };
  await updateReport(db, lead, closed.id, 0, {
    summary: '監査計画に従い、情報システム部の文書・記録の確認と担当者への質問を行った。',
    conclusion: 'ISMSは概ね適合し有効に運用されている。軽微な不適合1件と観察事項1件を指摘した。',
  });
  await approveReport(db, lead, closed.id, 1);
  await acknowledgeReport(db, people.itHead, closed.id, 2);
  await seed.seedAuditStatus(db, org, closed.id, {
    status: 'closed',
    openingMeetingAt: new Date(Date.now() - 45 * 86_400_000),
    closingMeetingAt: new Date(Date.now() - 40 * 86_400_000),
    closedAt: new Date(Date.now() - 10 * 86_400_000),
  });

  const planned = await seed.seedAudit(db, {
    organizationId: org,
    programmeId: programme.id,
    fiscalYear: fy,
    code: `IA-${fy}-02${suffix}`,
    title: '総務部・人事部の内部監査',
    status: 'planned',
    auditeeUnitIds: [unitIds.get('GA')!, unitIds.get('HR')!],
    requirementIds: ['4.3.3', '5.2.2.d'],
    controlIds: ['6.2.1', '9.2.1'],
    plannedStart: dayOffset(30),
    plannedEnd: dayOffset(32),
    leadAuditorId: memberId,
  });
  await seed.seedTeam(db, [
    { auditId: planned.id, organizationId: org, userId: memberId, role: 'lead' },
    { auditId: planned.id, organizationId: org, userId: leadId, role: 'member' },
  ]);
  return { auditors: 2, audits: 2, closedAuditId: closed.id };
}
