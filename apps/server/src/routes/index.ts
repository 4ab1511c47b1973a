import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { versionSchema } from '@mamoru/contracts';
import { MAMORU_VERSION } from '../version.ts';
import { approvalRoutes } from './approvals.ts';
import { assetRoutes } from './assets.ts';
import { auditChecklistRoutes } from './audits-checklists.ts';
import { auditFindingRoutes } from './audits-findings.ts';
import { auditRoutes } from './audit.ts';
import { auditsRoutes } from './audits.ts';
import { auditProgrammeRoutes } from './audits-programmes.ts';
import { auditReportRoutes } from './audits-reports.ts';
import { authRoutes } from './auth.ts';
import { catalogRoutes } from './catalog.ts';
import { documentRoutes } from './documents.ts';
import { conformityRoutes } from './conformity.ts';
import { fileRoutes } from './files.ts';
import { improvementRegisterRoutes } from './improvement-register.ts';
import { improvementProposalRoutes } from './improvement-proposals.ts';
import { jobRoutes } from './jobs.ts';
import { recordRoutes } from './records.ts';
import { reviewPartyRoutes } from './reviews-parties.ts';
import { improvementRoutes } from './improvement.ts';
import { improvementReportRoutes } from './improvement-reports.ts';
import { riskRoutes } from './risks.ts';
import { riskBulkRoutes } from './risks-bulk.ts';
import { riskAssessmentRoutes } from './risks-assessments.ts';
import { riskCatalogRoutes } from './risks-catalog.ts';
import { riskExportRoutes } from './risks-exports.ts';
import { riskMethodRoutes } from './risks-methods.ts';
import { treatmentPlanRoutes } from './risks-plan.ts';
import { scopeRoutes } from './scope.ts';
import { soaRoutes } from './soa.ts';
import { tokenRoutes } from './tokens.ts';
import { userRoutes } from './users.ts';
import { savedViewRoutes } from './views.ts';

/** Everything under /api/v1: one line per ISMS area as they arrive. */
export const apiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/version',
    { schema: { tags: ['meta'], response: { 200: versionSchema } }, config: { public: true } },
    async () => ({ name: 'mamoru' as const, version: MAMORU_VERSION }),
  );
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(tokenRoutes);
  await app.register(approvalRoutes);
  await app.register(auditRoutes);
  await app.register(catalogRoutes);
  await app.register(scopeRoutes);
  await app.register(soaRoutes);
  await app.register(assetRoutes);
  await app.register(jobRoutes);
  await app.register(riskMethodRoutes);
  await app.register(riskCatalogRoutes);
  await app.register(riskRoutes);
  await app.register(riskBulkRoutes);
  await app.register(riskExportRoutes);
  await app.register(riskAssessmentRoutes);
  await app.register(treatmentPlanRoutes);
  await app.register(recordRoutes);
  await app.register(fileRoutes);
  await app.register(documentRoutes);
  await app.register(conformityRoutes);
  await app.register(savedViewRoutes);
  await app.register(auditsRoutes);
  await app.register(auditProgrammeRoutes);
  await app.register(improvementReportRoutes);
  await app.register(improvementRoutes);
  await app.register(auditChecklistRoutes);
  await app.register(auditFindingRoutes);
  await app.register(auditReportRoutes);
  await app.register(improvementRegisterRoutes);
  await app.register(improvementProposalRoutes);
  await app.register(reviewPartyRoutes);
};
