import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import { requestTestApproval } from '../testing/approvals.ts';
import {
  addOrganization,
  createUser,
  createUserAndLogin,
  login,
  setupOrganization,
  type Client,
  type Method,
} from '../testing/identity.ts';
import { createAsset, createLocation, createOrgUnit, upload } from '../testing/isms.ts';
import { apiRoutes, routeName } from '../testing/routes.ts';
import {
  catalogImportProbes,
  createCatalogImportOfB,
  type CatalogImportOfB,
} from './catalog-import.isolation.ts';
import { createSoaOfB, soaProbes, type SoaOfB } from './soa.isolation.ts';
import {
  createSoaMigrationOfB,
  soaMigrationProbes,
  type SoaMigrationOfB,
} from './soa-migration.isolation.ts';
import {
  CHECKLIST_LISTS,
  checklistProbes,
  createChecklistOfB,
  type ChecklistOfB,
} from './audits-checklists.isolation.ts';
import {
  createRisksOfB,
  riskLists,
  riskProbes,
  riskValuesOfB,
  type RisksOfB,
} from './risks.isolation.ts';
import {
  RECORD_LISTS,
  createRecordsOfB,
  recordProbes,
  type RecordsOfB,
} from './records.isolation.ts';
import {
  createResourcesOfB,
  RESOURCE_LISTS,
  RESOURCE_NOT_OBJECT_IDS,
  resourceProbes,
  type ResourcesOfB,
} from './resources.isolation.ts';
import {
  DOCUMENT_LISTS,
  createDocumentsOfB,
  documentProbes,
  type DocumentsOfB,
} from './documents.isolation.ts';
import { AUDIT_LISTS, auditProbes, createAuditsOfB, type AuditsOfB } from './audits.isolation.ts';
import { createReportOfB, reportProbes, type ReportOfB } from './audits-reports.isolation.ts';
import {
  createProgrammesOfB,
  programmeProbes,
  PROGRAMME_LISTS,
  type ProgrammesOfB,
} from './audits-programmes.isolation.ts';
import {
  IMPROVEMENT_LISTS,
  createImprovementOfB,
  improvementProbes,
  type ImprovementOfB,
} from './improvement.isolation.ts';
import {
  IMPROVEMENT_LISTS as IMPROVEMENT_REGISTER_LISTS,
  createImprovementsOfB,
  improvementProbes as improvementRegisterProbes,
  type ImprovementsOfB,
} from './improvement-register.isolation.ts';
import {
  REVIEW_LISTS,
  createReviewsOfB,
  reviewProbes,
  type ReviewsOfB,
} from './reviews.isolation.ts';
import {
  createReviewInputsOfB,
  reviewInputProbes,
  type ReviewInputsOfB,
} from './reviews-inputs.isolation.ts';
import { createMinutesOfB, minutesProbes, type MinutesOfB } from './reviews-minutes.isolation.ts';
import { EVENT_LISTS, createEventsOfB, eventProbes, type EventsOfB } from './events.isolation.ts';
import { LEGAL_LISTS, createLegalOfB, legalProbes, type LegalOfB } from './legal.isolation.ts';
import {
  SSO_LISTS,
  SSO_NOT_OBJECT_IDS,
  createSsoOfB,
  ssoProbes,
  type SsoOfB,
} from './sso.isolation.ts';
import { CALENDAR_LISTS, CALENDAR_NOT_OBJECT_IDS } from './calendar.isolation.ts';
import {
  authenticationProbes,
  createAuthenticationOfB,
  type AuthenticationOfB,
} from './authentication.isolation.ts';
import { longStepUpWindow } from '../testing/mfa.ts';
import {
  createMinutesExportOfB,
  minutesExportProbes,
  type MinutesExportOfB,
} from './reviews-exports.isolation.ts';
import {
  PARTY_LISTS,
  createPartiesOfB,
  partyProbes,
  type PartiesOfB,
} from './reviews-parties.isolation.ts';
import { ROLE_LISTS, createRolesOfB, roleProbes, type RolesOfB } from './people-roles.isolation.ts';
import {
  COMMITTEE_LISTS,
  committeeProbes,
  createCommitteeOfB,
  type CommitteeOfB,
} from './people-committee.isolation.ts';
import {
  PEOPLE_COMPETENCE_LISTS,
  createPeopleOfB,
  peopleCompetenceProbes,
  type PeopleOfB,
} from './people-competence.isolation.ts';
import {
  TRAINING_LISTS,
  createTrainingOfB,
  trainingProbes,
  type TrainingOfB,
} from './training-courses.isolation.ts';
import {
  TRAINING_REPORT_LISTS,
  createTrainingImportOfB,
  trainingImportProbes,
  type TrainingImportOfB,
} from './training-import.isolation.ts';
import {
  INCIDENT_RESPOND_LISTS,
  createIncidentsRespondOfB,
  incidentRespondProbes,
  type IncidentsRespondOfB,
} from './incidents-respond.isolation.ts';
import {
  INCIDENT_REPORT_LISTS,
  createIncidentReportsOfB,
  type IncidentReportsOfB,
} from './incidents-reports.isolation.ts';
import {
  INCIDENT_LISTS,
  createIncidentsOfB,
  incidentProbes,
  type IncidentsOfB,
} from './incidents.isolation.ts';
import {
  CHANGE_REVIEW_LISTS,
  changeReviewProbes,
  createChangeReviewsOfB,
  type ChangeReviewsOfB,
} from './risks-changes.isolation.ts';
import {
  ATTESTATION_LISTS,
  attestationProbes,
  createAttestationsOfB,
  type AttestationsOfB,
} from './attestations.isolation.ts';
import {
  OBJECTIVE_LISTS,
  createObjectivesOfB,
  objectiveProbes,
  type ObjectivesOfB,
} from './objectives.isolation.ts';
import {
  NOTIFICATION_LISTS,
  createNotificationsOfB,
  notificationProbes,
  type NotificationsOfB,
} from './notifications.isolation.ts';

import {
  EVIDENCE_PACK_LISTS,
  createEvidencePackOfB,
  evidencePackProbes,
  type EvidencePackOfB,
} from './evidence-pack.isolation.ts';
import {
  CONTROL_LISTS,
  controlProbes,
  createControlsOfB,
  type ControlsOfB,
} from './controls.isolation.ts';

/** Objects of organization B that A's users must never reach. */
interface Objects {
  userId: string;
  userVersion: number;
  // Scope and assets.
  orgUnitId: string;
  locationId: string;
  levelId: string;
  levelVersion: number;
  assetId: string;
  /** A second asset of B, whose dependencies the probes replace. */
  dependentAssetId: string;
  scopeVersionId: string;
  scopeVersion: number;
  jobId: string;
  approvalId: string;
  cancellableApprovalId: string;
  tokenId: string;
  sessionId: string;
  /** A saved view of B's administrator (views are per user, and never cross tenants). */
  savedViewId: string;
  /** B's own imported catalog. */
  libraryId: string;
  /** B's own control, added to the shipped catalog every organization sees. */
  ownControlId: string;
  /** B's background catalog import. */
  catalogImport: CatalogImportOfB;
  /** B's Statement of Applicability. */
  soa: SoaOfB;
  /** B's ISO/IEC 27001:2022 statement drafted from it (the migration assistant). */
  soaMigration: SoaMigrationOfB;
  /** B's record types, records (one disposed of) and an evidence file. */
  records: RecordsOfB;
  /** B's resources register (one resource of the isolation fiscal year). */
  resources: ResourcesOfB;
  /** B's audit in progress: its checklist and findings. */
  checklist: ChecklistOfB;
  /** B's documents: one issued, one draft, one approved. */
  documents: DocumentsOfB;
  /** B's risk method, threats, register, runs and treatment plan. */
  risks: RisksOfB;
  /** B's internal auditor and audit. */
  audits: AuditsOfB;
  /** B's audit report (an audit in progress led by B's manager). */
  report: ReportOfB;
  /** B's audit programme, with an upcoming audit and an overdue finding. */
  programmes: ProgrammesOfB;
  /** B's nonconformities, actions and an audit with findings. */
  improvement: ImprovementOfB;
  /** B's improvement register, communication log and a preventive proposal. */
  improvements: ImprovementsOfB;
  /** B's planned management review. */
  reviews: ReviewsOfB;
  /** B's planned management review (its input pack). */
  reviewInputs: ReviewInputsOfB;
  /** B's management review minutes: a review to hold, a decision, an approved review. */
  minutes: MinutesOfB;
  /** B's held management review, whose minutes export A must not reach. */
  minutesExport: MinutesExportOfB;
  /** B's interested parties and their feedback. */
  parties: PartiesOfB;
  /** B's ISMS roles and an assignment of B's manager. */
  roles: RolesOfB;
  /** B's committee member and meeting. */
  committee: CommitteeOfB;
  /** B's jobs, requirements, and its ISMS manager's profile, competence and agreement. */
  people: PeopleOfB;
  /** B's training course, session and attendance. */
  training: TrainingOfB;
  /** B's training course and session (attendance import, dashboard, report). */
  trainingImport: TrainingImportOfB;
  /** B's incident and notification obligation. */
  incidentsRespond: IncidentsRespondOfB;
  /** B's ISMS event log: an entry made by hand. */
  events: EventsOfB;
  /** B's incident counted by B's statistics. */
  incidentReports: IncidentReportsOfB;
  /** B's incident (reported through the API with an external reference). */
  incidents: IncidentsOfB;
  /** B's review of change (4.2.3.c). */
  changeReviews: ChangeReviewsOfB;
  /** B's attestations: one pending with an evidence file, one approved. */
  attestations: AttestationsOfB;
  /** B's objective with one measurement. */
  objectives: ObjectivesOfB;
  /** B's legal obligation. */
  legal: LegalOfB;
  /** B's identity provider. */
  sso: SsoOfB;
  /** B's administrator's authenticator app. */
  authentication: AuthenticationOfB;
  /** B's own control in operation, with a check and a failed result. */
  controls: ControlsOfB;
  /** B's manager's notification of B's approval request. */
  notifications: NotificationsOfB;
  /** B's evidence pack (made after everything else of B). */
  evidencePack: EvidencePackOfB;
}

/** Who in organization B performs the control request (it must succeed for them). */
type Owner = 'adminB' | 'managerB';

/** The catalog shipped with Mamoru: every organization sees it, but not each other's additions. */
const SHIPPED_CATALOG = 'jipdec-isms-2.0';

interface ByIdProbe {
  /** The route as registered, e.g. 'GET /api/v1/users/:id'. */
  route: string;
  url: (b: Objects) => string;
  body?: (b: Objects) => unknown;
  headers?: (b: Objects) => Record<string, string>;
  /** B's own user sends the same request and gets this status: the id is real. */
  control: { as: Owner; status: number };
}

/**
 * Every route that takes an object id. A user of A (with every role but the
 * external auditor's) sends each request for B's object and must get 404;
 * then B's own user sends it and must succeed, so the 404 proves isolation,
 * not a wrong URL. Order matters only for the controls (reads before writes).
 * A new route with a path parameter fails the coverage test below until it
 * has a line here.
 */
const BY_ID: ByIdProbe[] = [
  {
    route: 'GET /api/v1/users/:id',
    url: (b) => `/api/v1/users/${b.userId}`,
    control: { as: 'adminB', status: 200 },
  },
  {
    route: 'PATCH /api/v1/users/:id',
    url: (b) => `/api/v1/users/${b.userId}`,
    body: () => ({ displayName: 'Renamed across tenants' }),
    headers: (b) => ({ 'if-match': `"${b.userVersion}"` }),
    control: { as: 'adminB', status: 200 },
  },
  {
    route: 'GET /api/v1/approvals/:id',
    url: (b) => `/api/v1/approvals/${b.approvalId}`,
    control: { as: 'adminB', status: 200 },
  },
  {
    route: 'GET /api/v1/approvals/:id/summary',
    url: (b) => `/api/v1/approvals/${b.approvalId}/summary`,
    control: { as: 'adminB', status: 200 },
  },
  {
    route: 'POST /api/v1/approvals/:id/decision',
    url: (b) => `/api/v1/approvals/${b.approvalId}/decision`,
    body: () => ({ decision: 'approved' }),
    control: { as: 'managerB', status: 200 },
  },
  {
    route: 'POST /api/v1/approvals/:id/cancel',
    url: (b) => `/api/v1/approvals/${b.cancellableApprovalId}/cancel`,
    control: { as: 'adminB', status: 200 },
  },
  ...scopeAndAssetProbes(),
  ...soaProbes<Objects>(),
  ...soaMigrationProbes<Objects>(),
  ...riskProbes<Objects>(),
  ...recordProbes<Objects>(),
  ...resourceProbes<Objects>(),
  ...checklistProbes<Objects>(),
  ...documentProbes<Objects>(),
  ...auditProbes<Objects>(),
  ...reportProbes<Objects>(),
  ...programmeProbes<Objects>(),
  ...improvementProbes<Objects>(),
  ...improvementRegisterProbes<Objects>(),
  ...reviewProbes<Objects>(),
  ...reviewInputProbes<Objects>(),
  ...minutesProbes<Objects>(),
  ...minutesExportProbes<Objects>(),
  ...partyProbes<Objects>(),
  ...roleProbes<Objects>(),
  ...committeeProbes<Objects>(),
  ...peopleCompetenceProbes<Objects>(),
  ...trainingProbes<Objects>(),
  ...trainingImportProbes<Objects>(),
  ...catalogImportProbes<Objects>(),
  ...incidentRespondProbes<Objects>(),
  ...eventProbes<Objects>(),
  ...legalProbes<Objects>(),
  ...ssoProbes<Objects>(),
  ...authenticationProbes<Objects>(),
  ...incidentProbes<Objects>(),
  ...changeReviewProbes<Objects>(),
  ...attestationProbes<Objects>(),
  ...objectiveProbes<Objects>(),
  ...controlProbes<Objects>(),
  ...notificationProbes<Objects>(),
  ...evidencePackProbes<Objects>(),
  {
    route: 'PATCH /api/v1/saved-views/:id',
    url: (b) => `/api/v1/saved-views/${b.savedViewId}`,
    body: () => ({ name: 'Renamed across tenants' }),
    headers: () => ({ 'if-match': '"1"' }),
    control: { as: 'adminB', status: 200 },
  },
  {
    // After the control of the PATCH above, whose edit made the version 2.
    route: 'DELETE /api/v1/saved-views/:id',
    url: (b) => `/api/v1/saved-views/${b.savedViewId}`,
    headers: () => ({ 'if-match': '"2"' }),
    control: { as: 'adminB', status: 204 },
  },
  {
    route: 'DELETE /api/v1/tokens/:id',
    url: (b) => `/api/v1/tokens/${b.tokenId}`,
    control: { as: 'adminB', status: 200 },
  },
  {
    route: 'DELETE /api/v1/me/sessions/:id',
    url: (b) => `/api/v1/me/sessions/${b.sessionId}`,
    control: { as: 'adminB', status: 204 },
  },
  {
    route: 'GET /api/v1/catalogs/:id',
    url: (b) => `/api/v1/catalogs/${b.libraryId}`,
    control: { as: 'managerB', status: 200 },
  },
  {
    route: 'GET /api/v1/catalogs/:id/controls',
    url: (b) => `/api/v1/catalogs/${b.libraryId}/controls`,
    control: { as: 'managerB', status: 200 },
  },
  {
    // B's own control in the shipped catalog, which A sees too: the control is B's alone.
    route: 'GET /api/v1/catalogs/:id/controls/:controlId',
    url: (b) => `/api/v1/catalogs/${SHIPPED_CATALOG}/controls/${b.ownControlId}`,
    control: { as: 'managerB', status: 200 },
  },
  {
    route: 'GET /api/v1/catalogs/:id/export',
    url: (b) => `/api/v1/catalogs/${b.libraryId}/export?format=native`,
    control: { as: 'managerB', status: 200 },
  },
  {
    route: 'POST /api/v1/catalogs/:id/controls',
    url: (b) => `/api/v1/catalogs/${b.libraryId}/controls`,
    body: () => ({ objectiveId: 'B.1', id: 'B.1.2', title: { en: 'Added across tenants' } }),
    control: { as: 'managerB', status: 201 },
  },
  {
    route: 'PUT /api/v1/catalogs/:id/overlay',
    url: (b) => `/api/v1/catalogs/${b.libraryId}/overlay`,
    body: () => ({ texts: [{ namespace: 'control', id: 'B.1.1', text: { en: 'Overlaid' } }] }),
    control: { as: 'managerB', status: 200 },
  },
  // Last: its control signs B's manager out, whom the controls above act as.
  {
    route: 'DELETE /api/v1/users/:id/sessions',
    url: (b) => `/api/v1/users/${b.userId}/sessions`,
    control: { as: 'adminB', status: 204 },
  },
];

/** Organization B's own catalog: a library only B imported. */
const catalogOfB = {
  formatVersion: 1,
  id: 'catalog-of-b',
  version: '1',
  name: { en: 'Catalog of B' },
  source: { title: 'B internal' },
  requirements: [],
  controlGroups: [
    {
      id: 'B.1',
      displayId: 'B.1',
      kind: 'objective',
      title: { en: 'Objective of B' },
      controls: [{ id: 'B.1.1', displayId: 'B.1.1', title: { en: 'Control of B' } }],
    },
  ],
  terms: [{ id: 'b-term', term: { en: 'Term of B' }, definition: { en: 'Only B knows it.' } }],
};

/** The organization structure, scope, classification scheme, assets and jobs. */
function scopeAndAssetProbes(): ByIdProbe[] {
  const read = (route: string, url: (b: Objects) => string): ByIdProbe => ({
    route,
    url,
    control: { as: 'adminB', status: 200 },
  });
  const write = (
    route: string,
    url: (b: Objects) => string,
    body: (b: Objects) => unknown,
    etag: (b: Objects) => number,
  ): ByIdProbe => ({
    route,
    url,
    body,
    headers: (b) => ({ 'if-match': `"${etag(b)}"` }),
    control: { as: 'adminB', status: 200 },
  });
  return [
    read('GET /api/v1/org-units/:id', (b) => `/api/v1/org-units/${b.orgUnitId}`),
    write(
      'PATCH /api/v1/org-units/:id',
      (b) => `/api/v1/org-units/${b.orgUnitId}`,
      () => ({ name: 'Renamed across tenants' }),
      () => 1,
    ),
    read('GET /api/v1/locations/:id', (b) => `/api/v1/locations/${b.locationId}`),
    write(
      'PATCH /api/v1/locations/:id',
      (b) => `/api/v1/locations/${b.locationId}`,
      () => ({ name: 'Renamed across tenants' }),
      () => 1,
    ),
    read('GET /api/v1/classifications/:id', (b) => `/api/v1/classifications/${b.levelId}`),
    write(
      'PATCH /api/v1/classifications/:id',
      (b) => `/api/v1/classifications/${b.levelId}`,
      () => ({ rank: 99 }),
      (b) => b.levelVersion,
    ),
    read('GET /api/v1/assets/:id', (b) => `/api/v1/assets/${b.assetId}`),
    write(
      'PATCH /api/v1/assets/:id',
      (b) => `/api/v1/assets/${b.assetId}`,
      () => ({ name: 'Renamed across tenants' }),
      () => 1,
    ),
    read('GET /api/v1/assets/:id/history', (b) => `/api/v1/assets/${b.assetId}/history`),
    read(
      'GET /api/v1/assets/:id/dependencies',
      (b) => `/api/v1/assets/${b.dependentAssetId}/dependencies`,
    ),
    write(
      'PUT /api/v1/assets/:id/dependencies',
      (b) => `/api/v1/assets/${b.dependentAssetId}/dependencies`,
      (b) => ({ items: [{ type: 'runs_on', assetId: b.assetId }] }),
      () => 1,
    ),
    read('GET /api/v1/jobs/:id', (b) => `/api/v1/jobs/${b.jobId}`),
    read('GET /api/v1/scope/versions/:id', (b) => `/api/v1/scope/versions/${b.scopeVersionId}`),
    write(
      'PATCH /api/v1/scope/versions/:id',
      (b) => `/api/v1/scope/versions/${b.scopeVersionId}`,
      () => ({ technology: 'Changed across tenants' }),
      (b) => b.scopeVersion,
    ),
    // After the control of the PATCH above, whose edit made the version one higher.
    write(
      'POST /api/v1/scope/versions/:id/approval',
      (b) => `/api/v1/scope/versions/${b.scopeVersionId}/approval`,
      () => ({}),
      (b) => b.scopeVersion + 1,
    ),
  ];
}

/** Path parameters that name no object of another tenant (checked separately). */
const NOT_OBJECT_IDS = [
  'PUT /api/v1/approval-policies/:type',
  // A requirement item ID of the standard, the same for every tenant; the answer is
  // evaluated on the caller's own data (conformity.test.ts checks that).
  'GET /api/v1/conformity/:itemId',
  ...RESOURCE_NOT_OBJECT_IDS,
  ...CALENDAR_NOT_OBJECT_IDS,
  ...SSO_NOT_OBJECT_IDS,
];

interface ListProbe {
  url: string;
  /** Every id-like value of the list or export. */
  idsIn: (body: string) => string[];
}

const jsonIds =
  (...fields: string[]) =>
  (body: string) =>
    (JSON.parse(body) as { items: Record<string, unknown>[] }).items.flatMap((item) =>
      fields.map((f) => String(item[f])),
    );

/** Lists (and exports) that must never show B's rows to A. */
const LISTS: ListProbe[] = [
  { url: '/api/v1/users?limit=200', idsIn: jsonIds('id', 'email') },
  { url: '/api/v1/approvals?limit=200', idsIn: jsonIds('id', 'requestedBy', 'authorId') },
  { url: '/api/v1/approvals?mine=true&limit=200', idsIn: jsonIds('id') },
  { url: '/api/v1/org-units?limit=200', idsIn: jsonIds('id', 'code', 'name') },
  { url: '/api/v1/locations?limit=200', idsIn: jsonIds('id', 'code', 'name') },
  { url: '/api/v1/classifications?limit=200', idsIn: jsonIds('id') },
  { url: '/api/v1/assets?limit=200', idsIn: (body) => [body] },
  { url: '/api/v1/assets/export?format=csv', idsIn: (body) => [body] },
  { url: '/api/v1/scope/versions?limit=200', idsIn: jsonIds('id') },
  { url: '/api/v1/scope', idsIn: (body) => [body] },
  { url: '/api/v1/soa', idsIn: (body) => [body] },
  { url: '/api/v1/audit/events?limit=500', idsIn: jsonIds('entityId', 'actorId', 'actorName') },
  // The CSV export: any mention of a B id anywhere in the file counts.
  { url: '/api/v1/audit/events.csv', idsIn: (body) => [body] },
  { url: '/api/v1/tokens', idsIn: jsonIds('id') },
  { url: '/api/v1/saved-views?area=assets', idsIn: jsonIds('id', 'name') },
  { url: '/api/v1/me/sessions', idsIn: jsonIds('id') },
  // Catalogs: B's import, B's own control and B's official wording of the shipped catalog.
  { url: '/api/v1/catalogs', idsIn: (body) => [body] },
  ...riskLists.map((url) => ({ url, idsIn: (body: string) => [body] })),
  { url: `/api/v1/catalogs/${SHIPPED_CATALOG}`, idsIn: (body) => [body] },
  { url: `/api/v1/catalogs/${SHIPPED_CATALOG}/controls?limit=200`, idsIn: (body) => [body] },
  { url: `/api/v1/catalogs/${SHIPPED_CATALOG}/controls?q=secret`, idsIn: (body) => [body] },
  { url: '/api/v1/glossary', idsIn: (body) => [body] },
  ...RECORD_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...RESOURCE_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...CHECKLIST_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...DOCUMENT_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...AUDIT_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...PROGRAMME_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...IMPROVEMENT_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...IMPROVEMENT_REGISTER_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...REVIEW_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...PARTY_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...ROLE_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...COMMITTEE_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...PEOPLE_COMPETENCE_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...TRAINING_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...TRAINING_REPORT_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...INCIDENT_RESPOND_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...EVENT_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...LEGAL_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...SSO_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...INCIDENT_REPORT_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...INCIDENT_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...CHANGE_REVIEW_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...ATTESTATION_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...OBJECTIVE_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...CONTROL_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...CALENDAR_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...NOTIFICATION_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
  ...EVIDENCE_PACK_LISTS.map((url) => ({ url, idsIn: (body: string) => [body] })),
];

describeEachDatabase('tenant isolation', (ctx) => {
  let app: App;
  let userA: Client; // every role but the external auditor's
  let adminA: Client;
  const b = {} as Objects;
  const ownersB = {} as Record<Owner, Client>;
  let bValues: string[]; // ids, emails and names of B that must not leak

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: adminA } = await setupOrganization(app, { organizationName: 'Org A' }));
    userA = await createUserAndLogin(adminA, {
      roles: ['admin', 'top_management', 'isms_manager', 'owner', 'internal_auditor', 'staff'],
    });
    // A's own objects of every kind, so A's lists are not empty.
    await requestTestApproval(app, userA, { approvalType: 'document' });
    expect(
      (await userA.post('/api/v1/tokens', { name: 'A', permissions: ['isms:read'] })).statusCode,
    ).toBe(201);

    const orgB = await addOrganization(app, { name: 'Org B' });
    const adminB = orgB.admin;
    const manager = await createUser(adminB, {
      roles: ['isms_manager'],
      displayName: 'Manager of B',
    });
    ownersB.adminB = adminB;
    ownersB.managerB = await login(app, manager.email);
    b.userId = manager.user.id;
    b.userVersion = manager.user.version;
    b.approvalId = (await requestTestApproval(app, adminB, { approvalType: 'document' })).id;
    b.cancellableApprovalId = (
      await requestTestApproval(app, adminB, { approvalType: 'document' })
    ).id;
    // Scope and assets of B (and one of each of A, so A's lists are not empty).
    await createAsset(userA, { code: 'A-ASSET', orgUnitId: (await createOrgUnit(userA)).id });
    expect(
      (await userA.put('/api/v1/scope', {}, { headers: { 'if-none-match': '*' } })).statusCode,
    ).toBe(200);
    expect((await userA.post('/api/v1/audit-programmes', { fiscalYear: 2026 })).statusCode).toBe(
      201,
    );
    b.orgUnitId = (await createOrgUnit(adminB, { code: 'B-UNIT', name: 'Unit of B' })).id;
    b.locationId = (await createLocation(adminB, { code: 'B-SITE', name: 'Site of B' })).id;
    const [level] = (await adminB.get('/api/v1/classifications')).json().items;
    b.levelId = level.id;
    b.levelVersion = level.version;
    b.assetId = (await createAsset(adminB, { code: 'B-ASSET-1', name: 'Asset of B' })).id;
    b.dependentAssetId = (await createAsset(adminB, { code: 'B-ASSET-2' })).id;
    const scopeB = await adminB.put(
      '/api/v1/scope',
      { businessActivities: 'Business of B' },
      { headers: { 'if-none-match': '*' } },
    );
    expect(scopeB.statusCode, scopeB.body).toBe(200);
    b.scopeVersionId = scopeB.json().id;
    b.scopeVersion = scopeB.json().version;
    const job = await upload(adminB, '/api/v1/assets/import/validate', 'Code,Name\r\n');
    expect(job.statusCode, job.body).toBe(200);
    b.jobId = job.json().id;
    const token = await adminB.post('/api/v1/tokens', { name: 'B', permissions: ['isms:read'] });
    expect(token.statusCode).toBe(201);
    b.tokenId = token.json().id;
    const view = await adminB.post('/api/v1/saved-views', {
      area: 'assets',
      name: 'View of B',
      definition: { filters: {}, columns: ['code'] },
    });
    expect(view.statusCode, view.body).toBe(201);
    b.savedViewId = view.json().id;
    const secondSession = await login(app, adminB.user.email);
    const sessions = await secondSession.get('/api/v1/me/sessions');
    b.sessionId = sessions.json().items.find((s: { current: boolean }) => s.current).id;
    const imported = await ownersB.managerB.post('/api/v1/catalogs/import', catalogOfB);
    expect(imported.statusCode, imported.body).toBe(201);
    b.libraryId = catalogOfB.id;
    const own = await ownersB.managerB.post(`/api/v1/catalogs/${SHIPPED_CATALOG}/controls`, {
      objectiveId: '10.3',
      id: 'B-OWN-1',
      title: { en: 'Secret control of B' },
    });
    expect(own.statusCode, own.body).toBe(201);
    b.ownControlId = 'B-OWN-1';
    b.soa = await createSoaOfB(adminB);
    b.soaMigration = await createSoaMigrationOfB(app.database.db, orgB.organization.id, b.soa);
    b.records = await createRecordsOfB(adminB, ownersB.managerB);
    b.resources = await createResourcesOfB(adminB);
    b.checklist = await createChecklistOfB(adminB, ownersB.managerB);
    b.documents = await createDocumentsOfB(userA, adminB, ownersB.managerB);
    b.risks = await createRisksOfB(adminB, b.assetId);
    b.audits = await createAuditsOfB(adminB, b.userId);
    b.report = await createReportOfB(app, adminB, manager.user.id);
    b.programmes = await createProgrammesOfB(app.database.db, adminB);
    b.improvement = await createImprovementOfB(adminB, manager.user.id);
    b.improvements = await createImprovementsOfB(app, adminB, orgB.organization.id, b.risks.riskId);
    b.reviews = await createReviewsOfB(app.database.db, userA, adminB);
    b.reviewInputs = await createReviewInputsOfB(app.database.db, orgB.organization.id);
    b.minutes = await createMinutesOfB(app.database.db, adminB, manager.user.id);
    b.minutesExport = await createMinutesExportOfB(app.database.db, orgB.organization.id);
    b.parties = await createPartiesOfB(ownersB.managerB);
    b.roles = await createRolesOfB(ownersB.managerB, adminB.user.id);
    b.committee = await createCommitteeOfB(ownersB.managerB);
    b.people = await createPeopleOfB(ownersB.managerB);
    b.training = await createTrainingOfB(ownersB.managerB, adminB.user.id);
    b.trainingImport = await createTrainingImportOfB(app.database.db, orgB.organization.id);
    b.catalogImport = await createCatalogImportOfB(app.database.db, orgB.organization.id);
    b.incidentsRespond = await createIncidentsRespondOfB(adminB);
    b.events = await createEventsOfB(ownersB.managerB);
    b.incidentReports = await createIncidentReportsOfB(
      app.database.db,
      orgB.organization.id,
      b.orgUnitId,
    );
    b.incidents = await createIncidentsOfB(adminB);
    b.changeReviews = await createChangeReviewsOfB(adminB);
    b.attestations = await createAttestationsOfB(adminB, ownersB.managerB);
    b.objectives = await createObjectivesOfB(adminB);
    b.legal = await createLegalOfB(ownersB.managerB);
    b.sso = await createSsoOfB(ownersB.adminB);
    b.authentication = await createAuthenticationOfB(ownersB.adminB);
    // The probes of step-up routes run long after these log-ins.
    await longStepUpWindow(app, [adminA.organization.id, orgB.organization.id]);
    b.controls = await createControlsOfB(adminB, b.ownControlId);
    b.notifications = await createNotificationsOfB(ownersB.managerB);
    const overlay = await ownersB.managerB.put(`/api/v1/catalogs/${SHIPPED_CATALOG}/overlay`, {
      texts: [{ namespace: 'control', id: '10.3.1', text: { ja: 'Bの公式文言 secret wording' } }],
    });
    expect(overlay.statusCode, overlay.body).toBe(200);
    b.evidencePack = await createEvidencePackOfB(adminB);
    bValues = [
      orgB.organization.id,
      adminB.user.id,
      adminB.user.email,
      manager.user.id,
      manager.email,
      'Manager of B',
      b.orgUnitId,
      'B-UNIT',
      b.locationId,
      'B-SITE',
      b.levelId,
      b.assetId,
      'B-ASSET-1',
      'Asset of B',
      b.dependentAssetId,
      b.scopeVersionId,
      'Business of B',
      b.jobId,
      b.approvalId,
      b.cancellableApprovalId,
      b.tokenId,
      b.sessionId,
      b.savedViewId,
      'View of B',
      b.libraryId,
      'Catalog of B',
      'Term of B',
      b.ownControlId,
      'Secret control of B',
      'secret wording',
      b.soa.id,
      ...b.records.values,
      ...b.resources.values,
      ...b.checklist.values,
      'Statement of B',
      ...b.documents.values,
      ...b.improvement.values,
      ...riskValuesOfB(b.risks),
      ...b.audits.values,
      ...b.report.values,
      ...b.programmes.values,
      ...b.improvements.values,
      ...b.reviews.values,
      ...b.reviewInputs.values,
      ...b.minutes.values,
      ...b.minutesExport.values,
      ...b.parties.values,
      ...b.roles.values,
      ...b.committee.values,
      ...b.people.values,
      ...b.training.values,
      ...b.trainingImport.values,
      ...b.incidentsRespond.values,
      ...b.events.values,
      ...b.incidentReports.values,
      ...b.incidents.values,
      ...b.changeReviews.values,
      ...b.attestations.values,
      ...b.objectives.values,
      ...b.legal.values,
      ...b.sso.values,
      ...b.authentication.values,
      ...b.controls.values,
      ...b.notifications.values,
      ...b.evidencePack.values,
    ];
    // Builds one object of every kind in B: minutes on a loaded 2-core machine. A limit,
    // not a speed expectation (the default 60 s hook limit was reached under load).
  }, 240_000);
  afterAll(() => app.close());

  it('has a line in the table for every route that takes an id', () => {
    const covered = new Set([...BY_ID.map((p) => p.route), ...NOT_OBJECT_IDS]);
    const missing = apiRoutes(app)
      .filter((r) => r.url.includes(':'))
      .map(routeName)
      .filter((name) => !covered.has(name));
    expect(missing, 'add these routes to BY_ID in tenant-isolation.test.ts').toEqual([]);
  });

  it.each(BY_ID.map((p) => [p.route, p] as const))(
    '%s answers 404 for an object of the other organization',
    async (_name, probe) => {
      const [method] = probe.route.split(' ') as [Method];
      const res = await userA.request(method, probe.url(b), {
        body: probe.body?.(b),
        headers: probe.headers?.(b) ?? {},
      });
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().code).toBe('not_found');
    },
  );

  it('lists and exports never show the other organization’s rows', async () => {
    const leaks: string[] = [];
    for (const list of LISTS) {
      const res = await userA.get(list.url);
      expect(res.statusCode, `${list.url}: ${res.body}`).toBe(200);
      const seen = list.idsIn(res.body).join('\n');
      for (const value of bValues) if (seen.includes(value)) leaks.push(`${list.url}: ${value}`);
    }
    expect(leaks).toEqual([]);
  });

  it('shows each organization its own rows in the same lists (the checks are not vacuous)', async () => {
    const usersA = jsonIds('id')((await userA.get('/api/v1/users')).body);
    expect(usersA).toEqual(expect.arrayContaining([adminA.user.id, userA.user.id]));
    const usersB = jsonIds('id')((await ownersB.adminB.get('/api/v1/users')).body);
    expect(usersB.sort()).toEqual([ownersB.adminB.user.id, b.userId].sort());
    const approvalsB = jsonIds('id')(
      // B's documents ask for approvals too: count only the test objects' requests.
      (await ownersB.adminB.get('/api/v1/approvals?entityType=test_widget')).body,
    );
    expect(approvalsB.sort()).toEqual([b.approvalId, b.cancellableApprovalId].sort());
    const eventsB = await ownersB.adminB.get('/api/v1/audit/events?limit=500');
    expect(jsonIds('entityId')(eventsB.body)).toContain(b.approvalId);
    expect((await ownersB.managerB.get('/api/v1/approvals?mine=true')).body).toContain(
      b.approvalId,
    );
  });

  it('keeps approval policies per organization', async () => {
    const set = await userA.put('/api/v1/approval-policies/document', {
      approverRole: 'top_management',
      segregateAuthor: false,
    });
    expect(set.statusCode).toBe(202);
    const policiesB = (await ownersB.adminB.get('/api/v1/approval-policies')).json().items;
    expect(policiesB).toContainEqual({
      approvalType: 'document',
      approverRole: 'isms_manager',
      segregateAuthor: true,
      pendingChange: null,
    });
    // The change request of A is neither listed nor decidable in B.
    const changeId = set.json().pendingChange.approvalId as string;
    expect((await ownersB.adminB.get(`/api/v1/approvals/${changeId}`)).statusCode).toBe(404);
  });

  it('each organization verifies its own chain', async () => {
    const a = (await userA.get('/api/v1/audit/verify')).json();
    const bVerify = (await ownersB.adminB.get('/api/v1/audit/verify')).json();
    expect(a.ok).toBe(true);
    expect(bVerify.ok).toBe(true);
    const eventsB = (await ownersB.adminB.get('/api/v1/audit/events?limit=500')).json().items;
    expect(bVerify.checked).toBe(eventsB.length);
  });

  // Last: the controls change B's objects. Every probe again, one after another: 20 s
  // on a loaded 2-core machine, and 30 s ran out once. A limit, not a speed expectation.
  it('the same requests succeed for the other organization’s own users (the ids are real)', async () => {
    const statuses: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const probe of BY_ID) {
      const [method] = probe.route.split(' ') as [Method];
      const res = await ownersB[probe.control.as].request(method, probe.url(b), {
        body: probe.body?.(b),
        headers: probe.headers?.(b) ?? {},
      });
      statuses[probe.route] = res.statusCode;
      expected[probe.route] = probe.control.status;
    }
    expect(statuses).toEqual(expected);
  }, 120_000);
});
