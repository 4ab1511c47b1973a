import { expect } from 'vitest';
import type { ReviewInputPack } from '@mamoru/contracts';
import { schema, type Executor } from '@mamoru/db';
import { pinRiskValues, type PinnedValues } from '@mamoru/db/testing/risk-values';
import { insertPlannedReview } from './reviews-inputs.isolation.ts';

/**
 * The registers behind one organization's input pack, inserted directly (the
 * areas' own routes are tested elsewhere), dated relative to today so the
 * previous review 100 days ago opens the period. `expected` is what each
 * section must count; rows outside the period are there to be left out.
 */

export const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
export const at = (offset: number) => new Date(`${day(offset)}T09:00:00Z`);

export const expected = {
  a: {
    auditsCompleted: 1,
    auditReportsApproved: 1,
    findingsMajor: 1,
    findingsMinor: 1,
    observations: 1,
    opportunities: 1,
    externalNonconformities: 1,
    previousReviews: 1,
  },
  b: {
    feedbackReceived: 2,
    feedbackPositive: 1,
    feedbackNeutral: 0,
    feedbackNegative: 1,
    feedbackUnanswered: 2,
  },
  c: { improvementsAccepted: 2, improvementsImplemented: 1 },
  d: {
    nonconformitiesOpen: 1,
    nonconformitiesClosed: 1,
    potentialOpen: 1,
    actionsPlanned: 1,
    actionsImplemented: 1,
    actionsOverdue: 1,
    reviewsEffective: 1,
    reviewsNotEffective: 0,
  },
  e: { risksAboveAcceptable: 2, risksUntreated: 1 },
  f: { previousDecisions: 3, decisionsDone: 1, decisionsOpen: 2, decisionsOverdue: 1 },
  h: { improvementsProposed: 1, preventiveProposals: 1 },
};

/** Every figure the fixtures fix, the assets added and retired today (section g), readiness. */
export function expectSeededFigures(pack: ReviewInputPack) {
  const figures = (key: string) => pack.sections.find((s) => s.section === key)?.figures;
  for (const [key, want] of Object.entries(expected)) expect(figures(key), key).toEqual(want);
  expect(figures('g')).toMatchObject({ assetsAdded: 2, assetsRetired: 1 });
  expect(figures('g')?.unitsChanged).toBeGreaterThanOrEqual(1);
  expect(Object.keys(figures('readiness') ?? {})).toEqual([
    'readiness',
    'met',
    'partial',
    'gap',
    'notEvidenced',
  ]);
}

export interface SeededInputs {
  previousReviewId: string;
  auditId: string;
  externalNcId: string;
  overdueActionId: string;
  lateImprovementId: string;
  untreatedRiskId: string;
  unansweredFeedbackId: string;
}

export async function seedInputs(
  db: Executor,
  org: string,
  me: string,
  staffId: string,
  assetId: string,
): Promise<SeededInputs> {
  const previous = await insertPlannedReview(db, org, {
    title: 'First review',
    status: 'approved',
    plannedOn: day(-100),
    heldOn: day(-100),
    approvedAt: at(-95),
  });
  const improvement = async (number: number, v: Partial<typeof schema.improvements.$inferInsert>) =>
    (
      await db
        .insert(schema.improvements)
        .values({
          organizationId: org,
          number,
          source: 'management_review',
          title: `IMP ${number}`,
          ...v,
        })
        .returning()
    )[0]!;
  const done = await improvement(1, {
    status: 'implemented',
    decidedAt: at(-99),
    implementedAt: at(-50),
    dueDate: day(-40),
  });
  const late = await improvement(2, { status: 'accepted', decidedAt: at(-99), dueDate: day(-10) });
  await improvement(3, { source: 'suggestion', status: 'proposed' });
  await improvement(4, { status: 'implemented', decidedAt: at(-400), implementedAt: at(-300) });
  const decision = (number: number, improvementId: string | null, dueDate: string) => ({
    organizationId: org,
    reviewId: previous.id,
    number,
    output: 'effectiveness',
    title: `Decision ${number}`,
    ownerId: me,
    dueDate,
    improvementId,
  });
  await db
    .insert(schema.managementReviewDecisions)
    .values([
      decision(1, done.id, day(-40)),
      decision(2, late.id, day(-10)),
      decision(3, null, day(30)),
    ]);

  // Audits: one reported in the period with four findings, one before it.
  const audit = async (code: string, status: string, approvedOffset: number) => {
    const [row] = await db
      .insert(schema.audits)
      .values({
        organizationId: org,
        fiscalYear: 2026,
        code,
        title: `Audit ${code}`,
        status,
        plannedStart: day(approvedOffset - 10),
        plannedEnd: day(approvedOffset - 5),
      })
      .returning();
    await db.insert(schema.auditReports).values({
      auditId: row!.id,
      organizationId: org,
      status: 'approved',
      approvedAt: at(approvedOffset),
    });
    return row!;
  };
  const inPeriod = await audit('IA-IN', 'reported', -30);
  const before = await audit('IA-OLD', 'closed', -200);
  const kinds = ['major_nc', 'minor_nc', 'observation', 'ofi'];
  await db.insert(schema.auditFindings).values([
    ...kinds.map((kind, i) => ({
      organizationId: org,
      auditId: inPeriod.id,
      number: i + 1,
      kind,
      description: kind,
    })),
    { organizationId: org, auditId: before.id, number: 1, kind: 'major_nc', description: 'old' },
  ]);

  // Nonconformities: found by an external audit (open), closed in the period, a potential one.
  const nc = async (number: number, v: Partial<typeof schema.nonconformities.$inferInsert>) =>
    (
      await db
        .insert(schema.nonconformities)
        .values({
          organizationId: org,
          number,
          source: 'self_identified',
          title: `NC ${number}`,
          detectedOn: day(-60),
          ...v,
        })
        .returning()
    )[0]!;
  const external = await nc(1, { source: 'external_audit', detectedOn: day(-20) });
  const closed = await nc(2, { status: 'closed', closedAt: at(-10) });
  await nc(3, { kind: 'potential' });
  const action = async (ncId: string, v: Partial<typeof schema.improvementActions.$inferInsert>) =>
    (
      await db
        .insert(schema.improvementActions)
        .values({
          organizationId: org,
          nonconformityId: ncId,
          cycle: 1,
          kind: 'corrective',
          title: 'Act',
          ownerId: staffId,
          dueDate: day(-3),
          ...v,
        })
        .returning()
    )[0]!;
  const overdue = await action(external.id, {});
  const effective = await action(closed.id, { status: 'effective', implementedAt: at(-15) });
  await db.insert(schema.effectivenessReviews).values({
    organizationId: org,
    actionId: effective.id,
    actionOwnerId: staffId,
    reviewerId: me,
    effective: true,
    reviewedAt: at(-12),
  });

  // Feedback: two in the period (one unanswered), one older still unanswered.
  const [party] = await db
    .insert(schema.interestedParties)
    .values({ organizationId: org, name: 'Customer X', kind: 'customer' })
    .returning();
  const feedback = (receivedOn: string, sentiment: string, respondedOn: string | null) => ({
    organizationId: org,
    partyId: party!.id,
    receivedOn,
    sentiment,
    respondedOn,
    content: `Feedback ${sentiment}`,
  });
  const [, unanswered] = await db
    .insert(schema.interestedPartyFeedback)
    .values([
      feedback(day(-10), 'positive', day(-5)),
      feedback(day(-5), 'negative', null),
      feedback(day(-150), 'neutral', null),
    ])
    .returning();

  // Risks: above the acceptable level untreated, above but treated, acceptable.
  // Each risk its own threat (one risk per asset, threat and vulnerability).
  const risk = async (
    seq: number,
    { evaluation, level, ...v }: Partial<typeof schema.risks.$inferInsert> & PinnedValues,
  ) => {
    const [threat] = await db
      .insert(schema.threats)
      .values({
        organizationId: org,
        code: `T-REVIEW-${seq}`,
        groupId: 'g',
        nameJa: '不正アクセス',
        nameEn: 'Unauthorized access',
        description: { ja: '', en: '' },
        defaultLikelihood: 2,
      })
      .returning();
    const [row] = await db
      .insert(schema.risks)
      .values({
        organizationId: org,
        seq,
        code: `R-${seq}`,
        assetId,
        threatId: threat!.id,
        likelihood: 2,
        vulnerabilityLevel: 2,
        ...v,
      })
      .returning();
    await pinRiskValues(db, row!.id, { evaluation, level });
    return row!;
  };
  const untreated = await risk(1, { evaluation: 'treat', level: 3 });
  await risk(2, { evaluation: 'treat', level: 3, treatmentOption: 'apply_controls' });
  await risk(3, { evaluation: 'accept', level: 1 });
  await db.insert(schema.preventiveProposals).values({
    organizationId: org,
    riskId: untreated.id,
    reason: 'untreated_above_acceptable',
    newLevel: 3,
    priority: 'high',
  });
  return {
    previousReviewId: previous.id,
    auditId: inPeriod.id,
    externalNcId: external.id,
    overdueActionId: overdue.id,
    lateImprovementId: late.id,
    untreatedRiskId: untreated.id,
    unansweredFeedbackId: unanswered!.id,
  };
}
