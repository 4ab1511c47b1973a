import { z } from 'zod';
import { catalogTextSchema, nodeIdSchema } from './catalog.ts';
import { implementationStatusSchema } from './soa.ts';
import { actionStatusSchema } from './risks-treatment.ts';

/**
 * Control operation and effectiveness (4.2.2.c, 4.2.2.e, 4.2.3.b, 5.2.1.b,
 * 5.2.1.d): for each applicable control of the current SoA, how it is operated
 * (kept apart from the approved SoA, so updating it never reopens the SoA),
 * who owns it, and the scheduled checks of its effectiveness with their
 * results. Update schemas carry no `.default()`: zod would fill defaults into
 * fields a PATCH leaves out.
 */

const isoDate = z.iso.date();
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
};
const text = (max: number) => z.string().trim().max(max);
const person = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const CONTROL_OPERATION_STATUSES = [
  'not_started',
  'in_operation',
  'partly',
  'suspended',
] as const;
export const controlOperationStatusSchema = z.enum(CONTROL_OPERATION_STATUSES);
export type ControlOperationStatus = z.infer<typeof controlOperationStatusSchema>;

export const CHECK_FREQUENCIES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export const checkFrequencySchema = z.enum(CHECK_FREQUENCIES);
export type CheckFrequency = z.infer<typeof checkFrequencySchema>;

export const CHECK_RESULTS = ['effective', 'partly_effective', 'not_effective'] as const;
export const checkResultSchema = z.enum(CHECK_RESULTS);
export type CheckResult = z.infer<typeof checkResultSchema>;

/** 'overdue': next due before today; 'soon': due within the next 30 days (not overdue). */
export const checkDueFilterSchema = z.enum(['overdue', 'soon']);
export type CheckDueFilter = z.infer<typeof checkDueFilterSchema>;

/** The owner type of evidence files attached to a check result (files API). */
export const CONTROL_CHECK_RESULT_FILE_OWNER = 'control_check_result';

// ---- operation ---------------------------------------------------------------------

export const controlOperationSchema = z
  .object({
    controlId: z.string(),
    status: controlOperationStatusSchema,
    owner: person,
    notes: z.string(),
    /** Why no issued procedure or record type evidences the control (4.2.2.e). */
    noProcedureReason: z.string(),
    updatedBy: person,
    updatedAt: z.iso.datetime(),
    /** Send as If-Match; 0 means none exists yet. */
    version: z.number().int(),
  })
  .meta({ id: 'ControlOperation' });
export type ControlOperation = z.infer<typeof controlOperationSchema>;

/** PUT /controls/:controlId/operation, with If-Match (0 creates). */
export const controlOperationPutSchema = z.object({
  status: controlOperationStatusSchema,
  ownerUserId: z.uuid().nullable(),
  notes: text(10_000),
  noProcedureReason: text(2000),
});
export type ControlOperationPut = z.infer<typeof controlOperationPutSchema>;

/** Procedures and record types evidencing a control, or the reason there are none. */
export const controlCoverageSchema = z
  .object({
    procedures: z.number().int(),
    recordTypes: z.number().int(),
    reason: z.string().nullable(),
    /** At least one procedure or record type, or a reason. */
    covered: z.boolean(),
  })
  .meta({ id: 'ControlCoverage' });
export type ControlCoverage = z.infer<typeof controlCoverageSchema>;

export const lastCheckResultSchema = z.object({
  id: z.uuid(),
  result: checkResultSchema,
  performedOn: isoDate,
});

// ---- the register of applicable controls --------------------------------------------

export const controlListItemSchema = z
  .object({
    controlId: z.string(),
    displayId: z.string(),
    title: catalogTextSchema,
    own: z.boolean(),
    implementationStatus: implementationStatusSchema,
    /** Null: no operation recorded yet. */
    status: controlOperationStatusSchema.nullable(),
    owner: person,
    coverage: controlCoverageSchema,
    activeChecks: z.number().int(),
    nextCheckDue: isoDate.nullable(),
    lastResult: lastCheckResultSchema.nullable(),
    /** An active check is past its next due date. */
    overdue: z.boolean(),
    operationVersion: z.number().int(),
  })
  .meta({ id: 'ControlListItem' });
export type ControlListItem = z.infer<typeof controlListItemSchema>;

export const controlListQuerySchema = z.object({
  /** 'unset': no operation recorded yet. */
  status: z.enum([...CONTROL_OPERATION_STATUSES, 'unset']).optional(),
  ownerId: z.uuid().optional(),
  due: checkDueFilterSchema.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  ...page,
});
export type ControlListQuery = z.infer<typeof controlListQuerySchema>;

export const controlListSchema = z
  .object({
    items: z.array(controlListItemSchema),
    nextCursor: z.string().nullable(),
    /** The SoA version the register is drawn from; null when there is no SoA yet. */
    soa: z.object({ versionId: z.uuid(), number: z.number().int(), status: z.string() }).nullable(),
  })
  .meta({ id: 'ControlList' });
export type ControlList = z.infer<typeof controlListSchema>;

// ---- checks and results -------------------------------------------------------------

export const controlCheckSchema = z
  .object({
    id: z.uuid(),
    controlId: z.string(),
    controlDisplayId: z.string(),
    controlTitle: catalogTextSchema,
    title: z.string(),
    /** What is checked and how. */
    method: z.string(),
    frequency: checkFrequencySchema,
    nextDue: isoDate,
    checker: person,
    active: z.boolean(),
    /** Active and past its next due date. */
    overdue: z.boolean(),
    lastResult: lastCheckResultSchema.nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ControlCheck' });
export type ControlCheck = z.infer<typeof controlCheckSchema>;

export const controlCheckCreateSchema = z.object({
  title: text(300).min(1),
  method: text(10_000).default(''),
  frequency: checkFrequencySchema,
  /** The first due date. */
  nextDue: isoDate,
  checkerUserId: z.uuid().nullable().default(null),
});
export type ControlCheckCreate = z.infer<typeof controlCheckCreateSchema>;

/** PATCH /control-checks/:id, with If-Match. */
export const controlCheckUpdateSchema = z.object({
  title: text(300).min(1).optional(),
  method: text(10_000).optional(),
  frequency: checkFrequencySchema.optional(),
  nextDue: isoDate.optional(),
  checkerUserId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
});
export type ControlCheckUpdate = z.infer<typeof controlCheckUpdateSchema>;

export const controlCheckQuerySchema = z.object({
  due: checkDueFilterSchema.optional(),
  /** 'me': the caller's own checks. */
  checkerId: z.uuid().or(z.literal('me')).optional(),
  controlId: nodeIdSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
  ...page,
});
export type ControlCheckQuery = z.infer<typeof controlCheckQuerySchema>;

export const controlCheckResultSchema = z
  .object({
    id: z.uuid(),
    checkId: z.uuid(),
    checkTitle: z.string(),
    controlId: z.string(),
    performedOn: isoDate,
    result: checkResultSchema,
    notes: z.string(),
    checker: person,
    /** The nonconformity raised from this result, if any. */
    nonconformity: z.object({ id: z.uuid(), code: z.string() }).nullable(),
    /** Evidence files (owner type 'control_check_result'). */
    fileCount: z.number().int(),
    recordedBy: person,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ControlCheckResult' });
export type ControlCheckResultDto = z.infer<typeof controlCheckResultSchema>;

/** POST /control-checks/:id/results: the check's next due advances from performedOn. */
export const controlCheckResultCreateSchema = z.object({
  performedOn: isoDate,
  result: checkResultSchema,
  notes: text(10_000).default(''),
  /** Defaults to the caller. */
  checkerUserId: z.uuid().nullable().optional(),
});
export type ControlCheckResultCreate = z.infer<typeof controlCheckResultCreateSchema>;

export const controlCheckResultCreatedSchema = z
  .object({ result: controlCheckResultSchema, check: controlCheckSchema })
  .meta({ id: 'ControlCheckResultCreated' });

/** POST /control-check-results/:id/nonconformity (partly or not effective results only). */
export const controlNonconformityRaiseSchema = z.object({
  /** Defaults to a title naming the control and the check. */
  title: text(500).min(1).optional(),
  description: text(20_000).default(''),
  severity: z.enum(['major', 'minor']).default('minor'),
  ownerUserId: z.uuid().nullable().optional(),
});
export type ControlNonconformityRaise = z.infer<typeof controlNonconformityRaiseSchema>;

export const controlNonconformityRaisedSchema = z
  .object({ nonconformityId: z.uuid(), code: z.string(), resultId: z.uuid() })
  .meta({ id: 'ControlNonconformityRaised' });

// ---- the control's page --------------------------------------------------------------

export const controlDetailSchema = z
  .object({
    control: z.object({
      id: z.string(),
      displayId: z.string(),
      title: catalogTextSchema,
      own: z.boolean(),
    }),
    /** The entry of the current SoA version; null when the control is not in it. */
    soaEntry: z
      .object({
        applicable: z.boolean().nullable(),
        implementationStatus: implementationStatusSchema,
        soaVersionId: z.uuid(),
        versionNumber: z.number().int(),
        versionStatus: z.string(),
      })
      .nullable(),
    operation: controlOperationSchema.nullable(),
    coverage: controlCoverageSchema,
    checks: z.array(controlCheckSchema),
    /** The latest results across its checks, newest first (at most 20). */
    recentResults: z.array(controlCheckResultSchema),
    /** Issued documents of type procedure whose controls include it. */
    procedures: z.array(
      z.object({ id: z.uuid(), code: z.string(), title: z.string(), status: z.string() }),
    ),
    recordTypes: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        name: z.object({ ja: z.string(), en: z.string() }),
        latestRecords: z.array(z.object({ id: z.uuid(), title: z.string(), recordDate: isoDate })),
      }),
    ),
    treatmentActions: z.array(
      z.object({
        id: z.uuid(),
        code: z.string(),
        title: z.string(),
        status: actionStatusSchema,
        dueDate: isoDate.nullable(),
        owner: person,
      }),
    ),
    /** Risks treated by it; the risks register filters by control. */
    risks: z.object({ count: z.number().int() }),
  })
  .meta({ id: 'ControlDetail' });
export type ControlDetail = z.infer<typeof controlDetailSchema>;

export const controlParamsSchema = z.object({ controlId: nodeIdSchema });

export const controlsExportQuerySchema = z.object({
  lang: z.enum(['ja', 'en']).default('ja'),
});
