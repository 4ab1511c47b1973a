export * from './errors.ts';
export * from './identity/permissions.ts';
export * from './identity/actor.ts';
export * as audit from './audit/trail.ts';
export * as auditLog from './audit/queries.ts';
export * as securityLog from './audit/security.ts';
export * as auditAnchor from './audit/anchor.ts';
export * as secretBox from './identity/secret-box.ts';
export type { RequestContext, AuditEntry } from './audit/trail.ts';
export * as setup from './identity/setup.ts';
export * as sessions from './identity/sessions.ts';
export type { AuthSettings } from './identity/sessions.ts';
export * as users from './identity/users.ts';
export * as tokens from './identity/tokens.ts';
export * as organization from './identity/organization.ts';
export * as sso from './sso/index.ts';
export * as scim from './sso/scim.ts';
export * as authentication from './authentication/index.ts';
export * as samlSignIn from './sso/saml-sign-in.ts';
export * as webauthn from './authentication/webauthn.ts';
export * as approvals from './approvals/index.ts';
export * as approvalSummaries from './approvals/summaries.ts';
// Each area registers what its approvals show (the summarizers of approvals/summaries.ts).
import './scope/summary.ts';
import './risks/summary.ts';
import './soa/summary.ts';
import './audits/summary.ts';
export { presentUser, presentOrganization } from './identity/presenters.ts';
export type { ApprovalRequest, ApprovalHandler } from './approvals/service.ts';
export * as catalog from './catalog/index.ts';
export { migrateDatabase, type PreparedDatabase } from './database.ts';
export * as structure from './scope/structure.ts';
export * as scope from './scope/service.ts';
export * as soa from './soa/service.ts';
export * as soaEntries from './soa/entries.ts';
export * as soaExport from './soa/export.ts';
export * as soaMigration from './soa/migration.ts';
export { exportMigration as exportSoaMigration } from './soa/migration-export.ts';
export {
  presentSoa,
  presentSoaVersion,
  presentEntry as presentSoaEntry,
} from './soa/presenters.ts';
export * as classifications from './assets/classifications.ts';
export * as assets from './assets/service.ts';
export * as assetImport from './assets/import.ts';
export * as assetFiles from './assets/files.ts';
export * as jobs from './jobs/service.ts';
export { JobSlots, type SlotLimits } from './jobs/slots.ts';
export {
  scheduledJobs,
  type JobContext,
  type JobLog,
  type ScheduledJob,
} from './jobs/schedules.ts';
export { queuedJobs } from './jobs/handlers.ts';
export * as backup from './backup/index.ts';
export * from './archive/index.ts';
export {
  enqueue,
  useJobQueue,
  type EnqueueOptions,
  type JobQueue,
  type QueuedJob,
} from './jobs/queue.ts';
export * as riskMethods from './risks/methods.ts';
export * as riskCatalog from './risks/catalog.ts';
export * as risks from './risks/register.ts';
export * as riskTreatment from './risks/treatment.ts';
export * as riskBulk from './risks/bulk.ts';
export * as actionProposals from './risks/proposals.ts';
export * as riskAssessments from './risks/assessments.ts';
export * as riskChangeReviews from './risks/change-reviews.ts';
export * as treatmentPlan from './risks/plan.ts';
export * as riskPresenters from './risks/presenters.ts';
export * as riskMethodRules from './risks/method.ts';
export * as riskRules from './risks/rules.ts';
export * as riskReports from './risks/reports.ts';
export * as riskExports from './risks/exports.ts';
export * as conformity from './conformity/service.ts';
export * as conformityExport from './conformity/export.ts';
export * as attestations from './conformity/attestations.ts';
export { presentAttestation } from './conformity/attestation-presenter.ts';
export * as savedViews from './views/service.ts';
export {
  presentLocation,
  presentOrgUnit,
  presentScopeSummary,
  presentScopeVersion,
} from './scope/presenters.ts';
export {
  presentAsset,
  presentAssetListItem,
  presentClassificationLevel,
} from './assets/presenters.ts';
export * as pdfReports from './reports/pdf.ts';
export { neutralize } from './reports/cells.ts';
export { sheetsXlsx, type WorkbookSheet } from './reports/workbook.ts';
export * as documents from './documents/index.ts';
export * as evidenceFiles from './files/index.ts';
export * as records from './records/index.ts';
export * as demo from './demo/index.ts';
export * as audits from './audits/index.ts';
export * as nonconformities from './improvement/nonconformities-index.ts';
export * as auditReports from './audits/report.ts';
export * as auditReportExport from './audits/report-export.ts';
export * as improvementRegister from './improvement/improvements-index.ts';
export * as reviews from './reviews/index.ts';
export * as people from './people/index.ts';
export * as training from './training/index.ts';
export * as incidents from './incidents/index.ts';
export * as resources from './resources/index.ts';
export * as ismsEvents from './events/index.ts';
export * as objectives from './objectives/index.ts';
export * as legal from './legal/index.ts';
export * as controls from './controls/index.ts';
export * as calendar from './calendar/index.ts';
export * as notifications from './notifications/index.ts';
export * as evidencePacks from './evidence-pack/index.ts';
