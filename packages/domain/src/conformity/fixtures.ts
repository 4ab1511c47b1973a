import type { ConformitySnapshot } from './types.ts';
import { emptyObjectives } from './fixtures-objectives.ts';

export const emptyRisks: ConformitySnapshot['risks'] = {
  method: {
    latestStatus: null,
    approvedNumber: null,
    approvedAt: null,
    approvedByTopManagement: false,
    hasAcceptableLevel: false,
  },
  threats: 0,
  vulnerabilities: 0,
  assessments: 0,
  lastAssessedOn: null,
  operationAuthorized: false,
  lastAcceptedAt: null,
  risks: 0,
  withoutVulnerability: 0,
  notAssessed: 0,
  notEvaluated: 0,
  treat: 0,
  accept: 0,
  treatWithoutOption: 0,
  options: { apply_controls: 0, retain: 0, avoid: 0, transfer: 0 },
  applyWithoutControls: 0,
  retainNotApproved: 0,
  transferWithoutParty: 0,
  withoutOwner: 0,
  residualAccepted: 0,
  residualPending: 0,
  applyWithoutAction: 0,
  assetsWithoutRisk: 0,
  selectedControlIds: [],
};

export const emptyDocuments: ConformitySnapshot['documents'] = {
  policy: null,
  policyDocuments: 0,
  issued: 0,
  issuedProcedures: 0,
  reviewOverdue: 0,
  reviewDueSoon: 0,
  reviewed: 0,
  withoutDistribution: 0,
  external: 0,
  externalWithoutSource: 0,
  obsolete: 0,
  issuedWithoutApproval: 0,
  revisedWithoutSummary: 0,
  superseded: 0,
  obsoleteWithoutReason: 0,
  acknowledgementsOutstanding: 0,
};

export const emptyAudits: ConformitySnapshot['audits'] = {
  programme: null,
  latestProgrammeStatus: null,
  cycleMonths: 12,
  programmeAudits: 0,
  reportedAudits: 0,
  unreported: 0,
  unreportedAudits: [],
  requirementItems: 0,
  unauditedRequirements: [],
  applicableControls: 0,
  unauditedControls: [],
  conflicts: 0,
  conflictRefs: [],
  overdueFindings: 0,
  overdueFindingRefs: [],
};

const noFault = () => ({ count: 0, refs: [] });
const noFaults = () => ({ nonconformity: noFault(), potential: noFault() });

/** The improvement facts of an organization with no nonconformity, action or improvement. */
export function emptyImprovement(): ConformitySnapshot['improvement'] {
  return {
    correctiveProcedures: [],
    preventiveProcedures: [],
    recorded: { nonconformity: 0, potential: 0 },
    closed: { nonconformity: 0, potential: 0 },
    actions: { nonconformity: 0, potential: 0 },
    reviews: 0,
    findingsNotTakenOver: noFault(),
    withoutCause: noFaults(),
    withoutEvaluation: noFaults(),
    withoutAction: noFaults(),
    actionsOverdue: noFaults(),
    withoutResult: noFaults(),
    reviewOverdue: noFaults(),
    closedNotEffective: noFaults(),
    proposals: { total: 0, decided: 0 },
    proposalsOpen: noFault(),
    improvements: { total: 0, implemented: 0, lessons: 0 },
    improvementsUndecided: noFault(),
    improvementsOverdue: noFault(),
    improvementsWithoutEvidence: noFault(),
    communications: 0,
    communicationsPending: noFault(),
    communicationsObjected: noFault(),
    notCommunicated: noFault(),
  };
}

/** The review facts of an organization that has never reviewed its ISMS. */
export function emptyReviews(): ConformitySnapshot['reviews'] {
  return {
    intervalMonths: 12,
    lastApproved: null,
    nextDueOn: null,
    underway: null,
    plannedSoon: 0,
    plannedLate: 0,
    plannedLateRefs: [],
    decisions: 0,
    decisionsDone: 0,
    decisionsOverdue: 0,
    decisionsOverdueRefs: [],
    decisionsUntracked: 0,
    decisionsUntrackedRefs: [],
  };
}

const none = () => ({ count: 0, refs: [] });

/** The people and training facts of an organization with no role, course or record. */
export function emptyPeople(): ConformitySnapshot['people'] {
  return {
    warningDays: 90,
    roles: {
      active: 0,
      withoutResponsibilities: none(),
      unheld: none(),
      withoutDeputy: none(),
      withoutRequirements: none(),
      trainingWithoutCourse: none(),
    },
    assignments: 0,
    unacknowledged: none(),
    jobs: { active: 0, withoutRequirements: none() },
    requirements: 0,
    policy: null,
    gaps: { missing: 0, expired: 0, expiring: 0, failed: 0, people: 0, userIds: [] },
    gapPeople: [],
    records: {
      holders: 0,
      holdersWithoutProfile: none(),
      competences: 0,
      competencesWithoutEvidence: none(),
    },
    training: {
      courses: 0,
      awareness: none(),
      awarenessWithoutInterval: none(),
      awarenessRequired: 0,
      awarenessCompleted: 0,
      awarenessNotCompleted: none(),
      roleCourses: 0,
      completion: { required: 0, overdue: 0, dueSoon: 0 },
      delivered: { sessions: 0, attendances: 0, attempts: 0 },
      undelivered: none(),
      withoutEvaluation: none(),
      quizWithoutQuestions: none(),
      evaluationResults: 0,
      sessionsToEvaluate: none(),
      failed: none(),
      heldSessions: 0,
      sessionsWithoutAttendance: none(),
      attendance: 0,
    },
  };
}

/** The incident facts of an organization that has recorded no incident. */
export function emptyIncidents(): ConformitySnapshot['incidents'] {
  return {
    procedures: [],
    triageTargetHours: 24,
    total: 0,
    reported12m: 0,
    breaches12m: 0,
    malfunctions12m: 0,
    toolReports12m: 0,
    triaged12m: 0,
    triagedLate: none(),
    untriagedLate: none(),
    stalled: none(),
    closed: 0,
    closedWithRaised: 0,
    withoutRecurrenceAction: none(),
    withoutRecord: none(),
  };
}

/** The cross-area facts of an organization that has recorded nothing they read. */
export function emptyDeep(): ConformitySnapshot['deep'] {
  const kind = () => ({ latest: null, changedWithoutAssessment: none() });
  return {
    changes: {
      organization: kind(),
      technology: kind(),
      business: kind(),
      threats: kind(),
      external: kind(),
    },
    treatmentProgress: {
      overdue: none(),
      withoutOwner: none(),
      unfunded: none(),
      averageProgress: null,
      done: 0,
    },
    requiredProcedures: { '4.2.2.g': [], '7.2': [], '7.3': [], '4.3.2': [], '4.3.3': [] },
    requiredRecords: { audit: 0, review: 0, training: 0, incident: 0 },
    issuedUnapproved: none(),
    unidentifiable: none(),
    obsoleteStillDistributed: none(),
    assessedRisks: 0,
    withExistingControls: 0,
    withoutExistingControls: none(),
    yearImprovementsImplemented: 0,
    yearImprovementsWithEvidence: 0,
    yearActionsReviewedEffective: 0,
    yearActionsReviewedNotEffective: 0,
  };
}

/** One fiscal year of the resources register with nothing planned. */
export function emptyResourceYear(fiscalYear: number): ConformitySnapshot['resources']['current'] {
  return {
    fiscalYear,
    items: 0,
    planStatus: null,
    approvedAt: null,
    approvedByTopManagement: false,
    activities: [],
    withoutOwner: 0,
    withoutOwnerIds: [],
    usageRecorded: 0,
    withoutUsageIds: [],
    plannedAmount: 0,
    usedAmount: 0,
  };
}

/** The resource facts of an organization that has planned nothing (April start, FY2026). */
export function emptyResources(): ConformitySnapshot['resources'] {
  return {
    startMonth: 4,
    current: emptyResourceYear(2026),
    previous: emptyResourceYear(2025),
    nextPlanStatus: null,
    treatmentActions: 0,
    treatmentFunded: 0,
  };
}

/** The control operation facts of an organization without a SoA. */
export function emptyControls(): ConformitySnapshot['controls'] {
  return {
    applicable: 0,
    withoutOperation: none(),
    withoutOwner: none(),
    notInOperation: none(),
    withoutCheck: none(),
    withoutCurrentResult: none(),
    uncovered: none(),
    coveredByEvidence: 0,
    coveredByReason: 0,
    lastNotEffective: none(),
    failedWithoutNonconformity: none(),
    results12m: 0,
  };
}

/** A snapshot of an organization with nothing in Mamoru yet; tests override parts of it. */
export function emptySnapshot(over: Partial<ConformitySnapshot> = {}): ConformitySnapshot {
  return {
    today: '2026-11-25',
    annexControlIds: new Set(['3.1.1', '10.5.5', '12.1.1']),
    scope: {
      latestNumber: null,
      latestStatus: null,
      approvedNumber: null,
      approvedAt: null,
      approvedByTopManagement: false,
      filled: null,
    },
    exclusions: {
      scopeNumber: null,
      scopeApproved: false,
      controlIds: [],
      withoutReason: 0,
      acceptedByInactive: [],
    },
    assets: { inUse: 0, unclassified: 0, withoutValue: 0, ownerInactive: 0, inactiveOwnerIds: [] },
    approvals: {},
    auditEvents90d: 0,
    risks: emptyRisks,
    treatment: {
      actions: 0,
      open: 0,
      withoutOwner: 0,
      withoutDueDate: 0,
      withoutResources: 0,
      overdue: 0,
      dueSoon: 0,
    },
    soa: null,
    documents: emptyDocuments,
    records: { types: 0, typesWithoutStorage: 0, records: 0, overdueDisposal: 0 },
    audits: emptyAudits,
    improvement: emptyImprovement(),
    reviews: emptyReviews(),
    people: emptyPeople(),
    incidents: emptyIncidents(),
    eventLog: { auto12m: 0, manual12m: 0, lastManualAt: null },
    deep: emptyDeep(),
    resources: emptyResources(),
    attestations: { inForce: [], lapsedItemIds: [] },
    objectives: emptyObjectives(),
    legal: emptyLegal(),
    controls: emptyControls(),
    ...over,
  };
}

export const approvedScope: ConformitySnapshot['scope'] = {
  latestNumber: 2,
  latestStatus: 'approved',
  approvedNumber: 2,
  approvedAt: '2026-10-01T09:00:00Z',
  approvedByTopManagement: true,
  filled: {
    business: true,
    organization: true,
    locations: true,
    assets: true,
    technology: true,
    boundaries: true,
  },
};

export const issuedPolicy: NonNullable<ConformitySnapshot['documents']['policy']> = {
  code: 'POL-001',
  revision: 2,
  issuedAt: '2026-09-01T00:00:00Z',
  approvedByTopManagement: true,
  objectivesFramework: true,
  obligationsConsidered: true,
  riskCriteriaReference: true,
};

type PeopleFacts = ConformitySnapshot['people'];

/** A snapshot whose people and training facts override the empty ones. */
export function withPeople(
  over: Partial<Omit<PeopleFacts, 'training'>> = {},
  training: Partial<PeopleFacts['training']> = {},
  snapshot: Partial<ConformitySnapshot> = {},
): ConformitySnapshot {
  const base = emptyPeople();
  return emptySnapshot({
    ...snapshot,
    people: { ...base, ...over, training: { ...base.training, ...training } },
  });
}

/** Refs as the facts list them, for rule tests. */
export const roleRef = (id: string, name = `役割${id}`, nameEn = `Role ${id}`) => ({
  id,
  code: id.toUpperCase(),
  name,
  nameEn,
});
export const personRef = (userId: string, name = `氏名 ${userId}`) => ({ userId, name });
export const courseRef = (id: string, n = 1) => ({
  id,
  code: `TC-000${n}`,
  title: `コース${n}`,
  titleEn: `Course ${n}`,
});
export const sessionRef = (id: string, n = 1) => ({
  id,
  code: `TS-000${n}`,
  heldOn: '2026-10-01',
  courseTitle: `コース${n}`,
  courseTitleEn: `Course ${n}`,
});
export const some = <T>(...refs: T[]) => ({ count: refs.length, refs });

/** A snapshot whose incident facts override the empty ones. */
export function withIncidents(
  over: Partial<ConformitySnapshot['incidents']> = {},
  snapshot: Partial<ConformitySnapshot> = {},
): ConformitySnapshot {
  return emptySnapshot({ ...snapshot, incidents: { ...emptyIncidents(), ...over } });
}

/** An incident as the facts list it. */
export const incidentRef = (id: string, number = 1, type = 'incident') => ({ id, number, type });

export const emptyLegal = (): ConformitySnapshot['legal'] => ({
  total: 0,
  active: 0,
  reviewOverdue: { count: 0, refs: [] },
  withoutOwner: { count: 0, refs: [] },
  unanswered: { count: 0, refs: [] },
  reviews12m: 0,
});
