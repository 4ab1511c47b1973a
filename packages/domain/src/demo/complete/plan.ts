import type { Db } from '@mamoru/db';
import { eachRisk } from '@mamoru/db/repositories/risks-list';
import { listVulnerabilities } from '../../risks/catalog.ts';
import { decideApproval } from '../../approvals/service.ts';
import { recordAssessment } from '../../risks/assessments.ts';
import { eachAction, updateAction } from '../../risks/plan.ts';
import { createFromTreatment, proposalsFor } from '../../risks/proposals.ts';
import { updateRisk } from '../../risks/register.ts';
import { requestRetention, submitResidualAcceptance } from '../../risks/treatment.ts';
import { getScope, requestScopeApproval, updateScopeVersion } from '../../scope/service.ts';
import { listSoas, listEntries, requestSoaApproval } from '../../soa/service.ts';
import { bulkUpdate } from '../../soa/entries.ts';
import { treatCategory } from '../progress.ts';
import { clearInbox, type DemoCast } from './cast.ts';

/** Controls the sample company does not need: no in-house development, no teleworking. */
export const DEMO_EXCLUDED = ['10.5.5', '9.8.2'];

/** The scope fills its technology and boundaries and is approved by the president. */
async function approveScope(db: Db, cast: DemoCast) {
  const scope = await getScope(db, cast.manager);
  const draft = scope.current;
  if (!draft || draft.status === 'approved') return;
  const filled = await updateScopeVersion(db, cast.manager, draft.id, draft.version, {
    technology: '生産管理システム、設計CAD、社内ネットワーク、クラウドのメール',
    boundaries: '本社・工場の事業活動。海外販売代理店の業務は含まない。',
  });
  const pending = await requestScopeApproval(db, cast.manager, filled.id, filled.version, {});
  await decideApproval(db, cast.president, pending.approvalId!, 'approved', '承認します');
}

/** Every risk names a vulnerability, is decided, covered by an action and its retention approved. */
async function finishRisks(db: Db, cast: DemoCast) {
  const org = cast.manager.actor.organizationId;
  const vulnerabilities = await listVulnerabilities(db, cast.manager, {}, { limit: 1 });
  const vulnerabilityId = vulnerabilities.items[0]!.id;
  // Likelihood was judged with the controls already in place (4.2.1.e.2): the policy and
  // the access rules every asset already falls under.
  const existingControls = [
    { controlId: '3.1.1', justification: '情報セキュリティ基本方針に基づく運用' },
    { controlId: '9.1.1', justification: 'アクセス制御方針による制限' },
  ];
  for await (const page of eachRisk(db, org, { open: true })) {
    for (const risk of page)
      await updateRisk(db, cast.manager, risk.id, risk.version, {
        vulnerabilityId: risk.vulnerabilityId ?? vulnerabilityId,
        existingControls,
      });
  }
  // The people-related risks the demo left for a newcomer to treat.
  const applied = await treatCategory(
    db,
    cast.manager,
    { assetCategory: 'people', evaluation: 'treat' },
    {
      option: 'apply_controls',
      rationale: '教育と誓約で発生可能性を下げる',
      controlIds: ['6.2.1'],
    },
  );
  await treatCategory(
    db,
    cast.manager,
    { assetCategory: 'people', evaluation: 'accept' },
    { option: 'retain', rationale: 'リスク受容基準以下のため保有する', controlIds: [] },
  );
  if (applied.length) {
    const proposals = await proposalsFor(db, org, applied);
    await createFromTreatment(db, cast.manager, {
      riskIds: applied,
      controlIds: proposals.map((p) => p.controlId),
      ownerUserId: cast.manager.actor.userId,
      priority: 'medium',
      dueDate: null,
    });
  }
  for await (const page of eachRisk(db, org, { treatmentOption: 'retain' })) {
    for (const risk of page.filter((r) => r.retentionStatus === 'none'))
      await requestRetention(db, cast.manager, risk.id, risk.version, {});
  }
}

/** Every open treatment action gets its resources, budget and a due date. */
async function fundActions(db: Db, cast: DemoCast) {
  const due = new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10);
  for await (const page of eachAction(db, cast.manager, {})) {
    for (const a of page)
      await updateAction(db, cast.manager, a.id, a.version, {
        resources: a.resources || '情報システム課 0.2人月',
        budget: a.budget ?? 300_000,
        dueDate: a.dueDate ?? due,
        ownerUserId: a.ownerUserId ?? cast.itHead.actor.userId,
      });
  }
}

/** Every control decided with its reason, the statement approved by the president. */
async function approveSoa(db: Db, cast: DemoCast, today: string) {
  const soas = await listSoas(db, cast.manager, { limit: 5 });
  const soa = soas.items[0];
  if (!soa) return;
  const { version, items } = await listEntries(db, cast.manager, soa.id, {});
  if (version.status === 'approved') return;
  const undecided = items.filter(
    (e) => e.applicable === null || e.proposed || (e.applicable && e.reasons.length === 0),
  );
  const excluded = undecided.filter((e) => DEMO_EXCLUDED.includes(e.controlId));
  const applicable = undecided.filter((e) => !DEMO_EXCLUDED.includes(e.controlId));
  let current = version.version;
  if (applicable.length) {
    const done = await bulkUpdate(db, cast.manager, soa.id, current, {
      controlIds: applicable.map((e) => e.controlId),
      change: {
        applicable: true,
        reasons: [{ type: 'risk', note: 'リスクアセスメントの結果', link: null }],
        implementationStatus: 'implemented',
      },
    });
    current = done.version.version;
  }
  if (excluded.length) {
    const done = await bulkUpdate(db, cast.manager, soa.id, current, {
      controlIds: excluded.map((e) => e.controlId),
      change: {
        applicable: false,
        exclusionReason: '該当する業務がないため',
        riskAcceptedBy: cast.president.actor.userId,
        riskAcceptedOn: today,
      },
    });
    current = done.version.version;
  }
  await requestSoaApproval(db, cast.manager, soa.id, version.id, current, {});
}

/** The plan phase completed: scope, risks, a dated assessment, residual approval, the SoA. */
export async function completePlan(db: Db, cast: DemoCast, today: string) {
  await approveScope(db, cast);
  await finishRisks(db, cast);
  await fundActions(db, cast);
  await recordAssessment(db, cast.manager, {
    title: '年次リスクアセスメント',
    assessedOn: today,
    reasons: ['organization', 'technology', 'business_objectives', 'threats', 'external_events'],
    reasonText: '',
  });
  await clearInbox(db, cast);
  await submitResidualAcceptance(db, cast.manager, {
    note: '残留リスクと運用開始の承認をお願いします',
    authorizeOperation: true,
  });
  await approveSoa(db, cast, today);
  await clearInbox(db, cast);
}
