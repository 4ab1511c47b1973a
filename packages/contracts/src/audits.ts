import { z } from 'zod';
import { evidenceLinkSchema } from './records.ts';

/** Internal audits (6.4): the auditor register, audits with their team, scope and status. */

const isoDate = z.iso.date();
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const userRef = z.object({ id: z.uuid(), name: z.string() });
const ids = z.array(z.uuid()).max(200);
const refIds = z.array(z.string().trim().min(1).max(64)).max(500);

// ---- independence ---------------------------------------------------------------

export const independenceConflictKindSchema = z.enum([
  'unit_member',
  'unit_head',
  'asset_owner',
  'document_owner',
  'document_author',
  'document_approver',
]);
export type IndependenceConflictKind = z.infer<typeof independenceConflictKindSchema>;

export const independenceConflictSchema = z
  .object({
    auditId: z.uuid(),
    auditCode: z.string(),
    user: userRef,
    kind: independenceConflictKindSchema,
    objectType: z.enum(['org_unit', 'asset', 'document']),
    objectId: z.uuid(),
    /** The unit's name, the asset's or document's code and name. */
    objectLabel: z.string(),
  })
  .meta({ id: 'IndependenceConflict' });
export type IndependenceConflict = z.infer<typeof independenceConflictSchema>;

// ---- auditors -------------------------------------------------------------------

export const internalAuditorSchema = z
  .object({
    id: z.uuid(),
    user: userRef,
    /** The user's primary unit (from the user) and the register's extra units. */
    primaryUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    units: z.array(z.object({ id: z.uuid(), name: z.string() })),
    qualifications: z.string(),
    training: z.string(),
    evidence: z.array(z.object({ type: z.string(), id: z.string(), label: z.string() })),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'InternalAuditor' });
export type InternalAuditor = z.infer<typeof internalAuditorSchema>;

export const internalAuditorCreateSchema = z.object({
  userId: z.uuid(),
  qualifications: z.string().trim().max(5000).default(''),
  training: z.string().trim().max(5000).default(''),
  evidence: z.array(evidenceLinkSchema).max(50).default([]),
  unitIds: ids.default([]),
});
export type InternalAuditorCreate = z.infer<typeof internalAuditorCreateSchema>;
export const internalAuditorUpdateSchema = z.object({
  qualifications: z.string().trim().max(5000).optional(),
  training: z.string().trim().max(5000).optional(),
  evidence: z.array(evidenceLinkSchema).max(50).optional(),
  unitIds: ids.optional(),
  active: z.boolean().optional(),
});
export type InternalAuditorUpdate = z.infer<typeof internalAuditorUpdateSchema>;
export const internalAuditorQuerySchema = z.object({
  active: z.enum(['true', 'false']).optional(),
  ...page,
});

// ---- audits ---------------------------------------------------------------------

export const auditStatusSchema = z.enum([
  'planned',
  'in_progress',
  'reported',
  'follow_up',
  'closed',
]);
export type AuditStatus = z.infer<typeof auditStatusSchema>;

export const auditTeamMemberSchema = z.object({
  user: userRef,
  role: z.enum(['lead', 'member']),
});

export const auditSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    fiscalYear: z.number().int(),
    programmeId: z.uuid().nullable(),
    status: auditStatusSchema,
    auditeeUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
    scopeProcesses: z.array(z.string()),
    scopeAssetIds: z.array(z.uuid()),
    scopeDocumentIds: z.array(z.uuid()),
    /** The same assets and documents, named (code and name or title). */
    scopeAssets: z.array(z.object({ id: z.uuid(), name: z.string() })),
    scopeDocuments: z.array(z.object({ id: z.uuid(), name: z.string() })),
    requirementIds: z.array(z.string()),
    controlIds: z.array(z.string()),
    plannedStart: isoDate,
    plannedEnd: isoDate,
    leadAuditor: userRef.nullable(),
    team: z.array(auditTeamMemberSchema),
    notice: z.object({ sentAt: z.iso.datetime(), sentBy: userRef.nullable() }).nullable(),
    openingMeetingAt: z.iso.datetime().nullable(),
    closingMeetingAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
    notes: z.string(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Audit' });
export type Audit = z.infer<typeof auditSchema>;

const scopeFields = {
  auditeeUnitIds: ids,
  scopeProcesses: z.array(z.string().trim().min(1).max(200)).max(100),
  scopeAssetIds: ids,
  scopeDocumentIds: ids,
  requirementIds: refIds,
  controlIds: refIds,
};

export const auditCreateSchema = z
  .object({
    title: z.string().trim().min(1).max(500),
    programmeId: z.uuid().nullable().default(null),
    /** Defaults to the programme's, else the Japanese fiscal year (April) of the start. */
    fiscalYear: z.number().int().min(2000).max(2100).optional(),
    plannedStart: isoDate,
    plannedEnd: isoDate,
    notes: z.string().max(20_000).default(''),
    auditeeUnitIds: scopeFields.auditeeUnitIds.default([]),
    scopeProcesses: scopeFields.scopeProcesses.default([]),
    scopeAssetIds: scopeFields.scopeAssetIds.default([]),
    scopeDocumentIds: scopeFields.scopeDocumentIds.default([]),
    requirementIds: scopeFields.requirementIds.default([]),
    controlIds: scopeFields.controlIds.default([]),
  })
  .refine((a) => a.plannedEnd >= a.plannedStart, {
    path: ['plannedEnd'],
    message: 'before the start',
  });
export type AuditCreate = z.infer<typeof auditCreateSchema>;

export const auditUpdateSchema = z.object({
  title: z.string().trim().min(1).max(500).optional(),
  programmeId: z.uuid().nullable().optional(),
  plannedStart: isoDate.optional(),
  plannedEnd: isoDate.optional(),
  notes: z.string().max(20_000).optional(),
  openingMeetingAt: z.iso.datetime({ offset: true }).nullable().optional(),
  closingMeetingAt: z.iso.datetime({ offset: true }).nullable().optional(),
  auditeeUnitIds: scopeFields.auditeeUnitIds.optional(),
  scopeProcesses: scopeFields.scopeProcesses.optional(),
  scopeAssetIds: scopeFields.scopeAssetIds.optional(),
  scopeDocumentIds: scopeFields.scopeDocumentIds.optional(),
  requirementIds: scopeFields.requirementIds.optional(),
  controlIds: scopeFields.controlIds.optional(),
});
export type AuditUpdate = z.infer<typeof auditUpdateSchema>;

/** The whole team at once: the lead auditor and the members (each checked for independence). */
export const auditTeamSchema = z.object({
  leadUserId: z.uuid().nullable(),
  memberUserIds: z.array(z.uuid()).max(20).default([]),
});
export type AuditTeamInput = z.infer<typeof auditTeamSchema>;

export const auditStatusChangeSchema = z.object({ status: auditStatusSchema });

export const auditListQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  status: auditStatusSchema.optional(),
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  programmeId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  auditorUserId: z.uuid().optional(),
  ...page,
});
export type AuditListQuery = z.infer<typeof auditListQuerySchema>;

export const independenceConflictListSchema = z.object({
  items: z.array(independenceConflictSchema),
});
