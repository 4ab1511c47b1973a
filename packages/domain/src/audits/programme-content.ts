import type { Executor } from '@mamoru/db';
import { flattenControls, flattenRequirements, shippedLibrary } from '@mamoru/catalog';
import * as repo from '@mamoru/db/repositories/audits-programmes';
import type { AuditProgrammeRow } from '@mamoru/db/repositories/audits-programmes';
import * as scopeRepo from '@mamoru/db/repositories/scope';
import type { AuditProgrammeCreate } from '@mamoru/contracts';
import type { FieldError } from '../errors.ts';
import { annexControlIds, SCOPE_LIBRARY_ID } from '../scope/service.ts';

/** The content of a programme version: what an edit changes and approval freezes. */
export type ProgrammeContent = Pick<
  AuditProgrammeRow,
  | 'title'
  | 'periodStart'
  | 'periodEnd'
  | 'objectives'
  | 'criteriaRequirementIds'
  | 'criteriaControlIds'
  | 'criteriaDocumentIds'
  | 'scopeUnitIds'
  | 'scopeLocationIds'
  | 'scopeProcesses'
  | 'frequency'
  | 'methods'
  | 'responsibilities'
  | 'cycleMonths'
>;

export const CONTENT_KEYS = [
  'title',
  'periodStart',
  'periodEnd',
  'objectives',
  'criteriaRequirementIds',
  'criteriaControlIds',
  'criteriaDocumentIds',
  'scopeUnitIds',
  'scopeLocationIds',
  'scopeProcesses',
  'frequency',
  'methods',
  'responsibilities',
  'cycleMonths',
] as const satisfies readonly (keyof ProgrammeContent)[];

export function contentOf(row: ProgrammeContent): ProgrammeContent {
  return Object.fromEntries(CONTENT_KEYS.map((k) => [k, row[k]])) as ProgrammeContent;
}

/** A Japanese fiscal year runs from April to March. */
export const fiscalYearPeriod = (fiscalYear: number) => ({
  periodStart: `${fiscalYear}-04-01`,
  periodEnd: `${fiscalYear + 1}-03-31`,
});

const text = (t: { ja?: string; en?: string }) => ({
  ja: t.ja ?? t.en ?? '',
  en: t.en ?? t.ja ?? '',
});

let requirementIds:
  | Promise<{
      items: string[];
      all: ReadonlySet<string>;
      /** Display form and title per requirement ID, and per `control:<ID>`. */
      displayIds: ReadonlyMap<string, string>;
      titles: ReadonlyMap<string, { ja: string; en: string }>;
    }>
  | undefined;
/** Requirement items of 第4–第7 (leaves, in document order) and every requirement node's ID. */
export function catalogRequirements() {
  requirementIds ??= shippedLibrary(SCOPE_LIBRARY_ID).then((lib) => {
    if (!lib) throw new Error(`shipped library ${SCOPE_LIBRARY_ID} missing`);
    const flat = flattenRequirements(lib);
    return {
      // Items are the leaves, as the conformity view counts them.
      items: flat.filter((f) => !f.node.children?.length).map((f) => f.node.id),
      all: new Set(flat.map((f) => f.node.id)),
      // Requirement and control display forms never collide (第… against 3(1)①).
      displayIds: new Map([
        ...flat.map((f) => [f.node.id, f.node.displayId] as const),
        ...flattenControls(lib).map(
          (f) => [`control:${f.control.id}`, f.control.displayId] as const,
        ),
      ]),
      titles: new Map([
        ...flat.map((f) => [f.node.id, text(f.node.title)] as const),
        ...flattenControls(lib).map(
          (f) => [`control:${f.control.id}`, text(f.control.title)] as const,
        ),
      ]),
    };
  });
  return requirementIds;
}

/** Default criteria: every requirement item plus the applicable controls of the SoA in force. */
export async function defaultCriteria(db: Executor, org: string) {
  return {
    criteriaRequirementIds: (await catalogRequirements()).items,
    criteriaControlIds: await repo.applicableControlsInForce(db, org),
  };
}

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

/** The content of a new programme, with defaults filled in. */
export async function newContent(
  db: Executor,
  org: string,
  input: AuditProgrammeCreate,
): Promise<ProgrammeContent> {
  const period = fiscalYearPeriod(input.fiscalYear);
  const defaults =
    input.criteriaRequirementIds && input.criteriaControlIds
      ? null
      : await defaultCriteria(db, org);
  return normalized({
    title: input.title,
    periodStart: input.periodStart ?? period.periodStart,
    periodEnd: input.periodEnd ?? period.periodEnd,
    objectives: input.objectives,
    criteriaRequirementIds: input.criteriaRequirementIds ?? defaults!.criteriaRequirementIds,
    criteriaControlIds: input.criteriaControlIds ?? defaults!.criteriaControlIds,
    criteriaDocumentIds: input.criteriaDocumentIds,
    scopeUnitIds: input.scopeUnitIds,
    scopeLocationIds: input.scopeLocationIds,
    scopeProcesses: input.scopeProcesses,
    frequency: input.frequency,
    methods: input.methods,
    responsibilities: input.responsibilities,
    cycleMonths: input.cycleMonths,
  });
}

export function normalized(c: ProgrammeContent): ProgrammeContent {
  return {
    ...c,
    criteriaRequirementIds: unique(c.criteriaRequirementIds),
    criteriaControlIds: unique(c.criteriaControlIds),
    criteriaDocumentIds: unique(c.criteriaDocumentIds),
    scopeUnitIds: unique(c.scopeUnitIds),
    scopeLocationIds: unique(c.scopeLocationIds),
    scopeProcesses: unique(c.scopeProcesses),
  };
}

/** Field errors: unknown references, criteria outside the catalog, a period ending before it starts. */
export async function contentProblems(tx: Executor, org: string, c: ProgrammeContent) {
  const problems: FieldError[] = [];
  if (c.periodEnd < c.periodStart) {
    problems.push({ field: 'periodEnd', code: 'period_end_before_start' });
  }
  const missing = (field: string, ids: readonly string[], known: ReadonlySet<string>) =>
    ids.forEach((id, i) => {
      if (!known.has(id)) problems.push({ field: `${field}.${i}`, code: 'reference_not_found' });
    });
  missing(
    'scopeUnitIds',
    c.scopeUnitIds,
    await scopeRepo.existingOrgUnitIds(tx, org, c.scopeUnitIds),
  );
  missing(
    'scopeLocationIds',
    c.scopeLocationIds,
    await scopeRepo.existingLocationIds(tx, org, c.scopeLocationIds),
  );
  missing(
    'criteriaDocumentIds',
    c.criteriaDocumentIds,
    await repo.existingDocumentIds(tx, org, c.criteriaDocumentIds),
  );
  missing('criteriaRequirementIds', c.criteriaRequirementIds, (await catalogRequirements()).all);
  // The organization's own controls count when its SoA in force applies them.
  const controls = new Set([
    ...(await annexControlIds()),
    ...(await repo.applicableControlsInForce(tx, org)),
  ]);
  missing('criteriaControlIds', c.criteriaControlIds, controls);
  return problems;
}
