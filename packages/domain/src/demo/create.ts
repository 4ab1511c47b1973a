import { randomBytes } from 'node:crypto';
import type { Db } from '@mamoru/db';
import { conflict } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { listEvents } from '../audit/queries.ts';
import { decideApproval } from '../approvals/service.ts';
import { createAsset } from '../assets/service.ts';
import { listLevels } from '../assets/classifications.ts';
import { createDocument } from '../documents/service.ts';
import { actorForUser } from '../identity/sessions.ts';
import { createUser } from '../identity/users.ts';
import * as usersRepo from '@mamoru/db/repositories/users';
import { ensureCatalogs, listThreats } from '../risks/catalog.ts';
import { createMethod, submitMethod } from '../risks/methods.ts';
import { runGeneration, startGeneration } from '../risks/register.ts';
import { getScope, putScope } from '../scope/service.ts';
import { createLocation, createOrgUnit } from '../scope/structure.ts';
import { createSoa } from '../soa/service.ts';
import {
  DEMO_ASSETS,
  DEMO_DOCUMENTS,
  DEMO_POLICY_FIELDS,
  DEMO_LOCATIONS,
  DEMO_PEOPLE,
  DEMO_UNITS,
} from './data.ts';
import { createRecordTypes } from './records.ts';
import { createDemoNonconformities } from './improvement.ts';
import { createAuditsDemo } from './audits.ts';
import { createDemoParties } from './parties.ts';
import { seedDemoCompetence } from './people-competence.ts';
import { seedDemoRoles } from './people-roles.ts';
import { createDemoIncidents } from './incidents.ts';
import { createDemoResources } from './resources.ts';
import { createDemoLegal } from './legal.ts';
import { createDemoControls } from './controls.ts';
import { createDemoReviews } from './reviews.ts';
import { createDemoTraining } from './training.ts';
import { createDemoObjectives } from './objectives.ts';
import { decideRisks, issueDocuments } from './progress.ts';
import { createDemoChangeReviews } from './risk-changes.ts';
import { createDemoAttestations } from './attestations.ts';
import { createDemoNotifications } from './notifications.ts';

/**
 * `mamoru demo`: fills an organization with the sample company of data.ts
 * through the same services a person uses, so every row is validated and in
 * the audit trail. A second run is refused unless forced; a forced run adds
 * another copy whose codes end in `-2`, `-3`, … beside the first.
 */
export const DEMO_ACTION = 'demo.created';

export interface DemoSummary {
  run: number;
  units: number;
  locations: number;
  assets: number;
  people: number;
  risks: number;
  treated: number;
  actions: number;
  documents: number;
  issued: number;
  recordTypes: number;
  soa: 'created' | 'exists';
  nonconformities: number;
  auditors: number;
  audits: number;
  reviews: number;
  incidents: number;
  legalObligations: number;
  /** Applicable controls given an operation and checks (first run only). */
  controls: number;
  objectives: number;
  measurements: number;
}

async function previousRuns(db: Db, ctx: RequestContext) {
  const page = await listEvents(db, ctx, { action: DEMO_ACTION }, { limit: 100 });
  return page.items.length;
}

export async function createDemo(
  db: Db,
  ctx: RequestContext,
  options: { force: boolean },
): Promise<DemoSummary> {
  const before = await previousRuns(db, ctx);
  if (before > 0 && !options.force) throw conflict('demo_exists', { runs: before });
  const run = before + 1;
  const code = (c: string) => (run === 1 ? c : `${c}-${run}`);

  const unitIds = new Map<string, string>();
  for (const u of DEMO_UNITS) {
    const row = await createOrgUnit(db, ctx, {
      code: code(u.code),
      name: u.ja,
      description: u.en,
      parentId: u.parent ? unitIds.get(u.parent) : null,
    });
    unitIds.set(u.code, row.id);
  }
  const locationIds = new Map<string, string>();
  for (const l of DEMO_LOCATIONS) {
    const row = await createLocation(db, ctx, {
      code: code(l.code),
      name: l.ja,
      kind: l.kind,
      address: '',
      description: l.en,
      parentId: l.parent ? locationIds.get(l.parent) : null,
    });
    locationIds.set(l.code, row.id);
  }

  // Sample people: they sign in only once an administrator gives them a password.
  const people = new Map<string, RequestContext>();
  for (const p of DEMO_PEOPLE) {
    const email = `${p.key}${run === 1 ? '' : `+${run}`}@demo.mamoru.example`;
    await createUser(db, ctx, {
      email,
      displayName: p.ja,
      password: `${randomBytes(18).toString('base64url')}-Aa1`,
      locale: 'ja',
      roles: p.roles,
      orgUnitId: unitIds.get(p.unit)!,
    });
    const user = await usersRepo.findUserByEmail(db, email);
    people.set(p.key, { actor: actorForUser(user!), requestId: ctx.requestId });
  }

  const levels = await listLevels(db, ctx, { limit: 50 });
  const levelId = new Map(levels.items.map((l) => [l.code, l.id]));
  const assetIds: string[] = [];
  for (const a of DEMO_ASSETS) {
    const row = await createAsset(db, ctx, {
      code: code(a.code),
      name: a.ja,
      category: a.category,
      description: `English: ${a.en}`,
      owner: { type: 'unit', id: unitIds.get(a.unit)! },
      custodian: a.category === 'software' ? { type: 'unit', id: unitIds.get('IT')! } : null,
      orgUnitId: unitIds.get(a.unit)!,
      locationId: locationIds.get(a.location)!,
      classificationId: levelId.get(a.classification) ?? null,
      confidentiality: a.cia[0],
      integrity: a.cia[1],
      availability: a.cia[2],
      businessProcess: '',
      status: 'in_use',
      nextReviewDate: null,
      tags: [],
    });
    assetIds.push(row.id);
  }

  const risks = await createRisks(db, ctx, people, assetIds, run);
  // Reviews of change this year, each kind once (4.2.3.c.1–5).
  await createDemoChangeReviews(db, people.get('sato')!);
  const drafts = await createDocuments(db, ctx, people.get('sato')!, code);
  const issued = await issueDocuments(db, people, drafts);
  const recordTypes = await createRecordTypes(db, ctx, levelId, code);
  const soa = await createSoaDraft(db, ctx, [...unitIds.values()], [...locationIds.values()]);
  const { closedAuditId, ...audits } = await createAuditsDemo(
    db,
    ctx,
    unitIds,
    { president: people.get('yamada')!.actor.userId!, itHead: people.get('suzuki')! },
    run,
  );
  // The closed audit's nonconformities are taken over into the register first.
  const nonconformities = await createDemoNonconformities(
    db,
    people.get('sato')!,
    people.get('suzuki')!,
    closedAuditId,
  );
  // Interested parties and their feedback: the review's input b.
  await createDemoParties(db, people.get('sato')!, people.get('suzuki')!, code);
  // ISMS roles held by the sample people with deputies, and the committee (5.1.c, annex 4.1);
  // the same three people hold them whatever the run, so only the first run assigns them.
  if (run === 1) await seedDemoRoles(db, ctx, { users: people, units: unitIds });
  // Jobs, competence requirements, profiles, certificates and agreements (5.2.2, annex 6.1).
  await seedDemoCompetence(db, people.get('sato')!, people, code);
  // Incident handling: the team, the APPI clocks, six incidents of the last year.
  const incidents = await createDemoIncidents(
    db,
    {
      manager: people.get('sato')!,
      president: people.get('yamada')!,
      itHead: people.get('suzuki')!,
    },
    unitIds,
    run,
  );
  // The legal register: the laws and the key customer's contract, one review overdue.
  const legalObligations = await createDemoLegal(
    db,
    { manager: people.get('sato')!, itHead: people.get('suzuki')! },
    code,
  );
  // Control operation: a dozen controls checked over the year, one failure raised, one overdue.
  const controls = await createDemoControls(
    db,
    { manager: people.get('sato')!, itHead: people.get('suzuki')! },
    run,
  );
  // Last year's management review takes all of the above as its inputs.
  const reviews = await createDemoReviews(
    db,
    {
      manager: people.get('sato')!,
      president: people.get('yamada')!,
      itHead: people.get('suzuki')!,
    },
    run,
  );
  // Training: the awareness e-learning with its quiz (one failure, one retake) and a drill.
  await createDemoTraining(db, {
    manager: people.get('sato')!,
    president: people.get('yamada')!,
    itHead: people.get('suzuki')!,
  });
  // ISMS objectives set by the president (5.1.b) with a year of monthly measurements;
  // the same objectives would only repeat, so only the first run sets them.
  const objectives =
    run === 1
      ? await createDemoObjectives(db, {
          president: people.get('yamada')!,
          manager: people.get('sato')!,
          itHead: people.get('suzuki')!,
        })
      : { objectives: 0, measurements: 0 };

  // Resources and budget: last year used, this year's plan approved by the president.
  await createDemoResources(
    db,
    { manager: people.get('sato')!, president: people.get('yamada')! },
    run,
  );
  // Attestations for evidence kept outside Mamoru: one approved (a physical check), one pending.
  if (run === 1) {
    await createDemoAttestations(db, {
      manager: people.get('sato')!,
      president: people.get('yamada')!,
    });
  }

  await createDemoNotifications(
    db,
    { manager: people.get('sato')!, itHead: people.get('suzuki')! },
    drafts.map((d) => d.documentId),
  );

  const summary: DemoSummary = {
    run,
    units: unitIds.size,
    locations: locationIds.size,
    assets: assetIds.length,
    people: people.size,
    ...risks,
    documents: drafts.length,
    issued,
    recordTypes,
    soa,
    nonconformities,
    incidents,
    legalObligations,
    controls,
    ...objectives,
    ...audits,
    ...reviews,
  };
  await db.transaction((tx) =>
    recordAudit(tx, ctx, [
      {
        action: DEMO_ACTION,
        entityType: 'organization',
        entityId: ctx.actor.organizationId,
        after: summary,
      },
    ]),
  );
  return summary;
}

/**
 * The method (approved by the president, so values are computed), risks for
 * the sample assets from a part of the starter threat catalog, and most of
 * them decided (progress.ts).
 */
async function createRisks(
  db: Db,
  ctx: RequestContext,
  people: Map<string, RequestContext>,
  assetIds: string[],
  run: number,
) {
  if (run === 1) {
    // A person asks for approval (the CLI's system actor may not); the president approves.
    const manager = people.get('sato')!;
    const method = await createMethod(db, manager, {
      name: '資産価値×脅威×脆弱性',
      preset: 'multiplicative',
    });
    const submitted = await submitMethod(db, manager, method.id, method.version, {});
    await decideApproval(
      db,
      people.get('yamada')!,
      submitted.approvalId!,
      'approved',
      '承認します',
    );
  }
  // The starter catalog, of which a third keeps the sample register readable.
  await db.transaction((tx) => ensureCatalogs(tx, ctx));
  const job = await startGeneration(db, ctx);
  const threats = await listThreats(db, ctx, {}, { limit: 200 });
  const chosen = threats.items.filter((_, i) => i % 3 === 0);
  const done = await runGeneration(db, ctx, job, {
    assetIds,
    threatIds: chosen.map((t) => t.id),
    pairing: 'per_threat',
    ownerFromAsset: true,
  });
  const created = (done.result as { created?: number } | null)?.created ?? 0;
  const { treated, actions } = await decideRisks(db, people, chosen);
  return { risks: created, treated, actions };
}

async function createDocuments(
  db: Db,
  ctx: RequestContext,
  owner: RequestContext,
  code: (c: string) => string,
) {
  const drafts = [];
  for (const d of DEMO_DOCUMENTS) {
    const created = await createDocument(db, ctx, {
      code: code(d.code),
      title: d.ja,
      type: d.type,
      ismsPolicy: d.ismsPolicy,
      ownerUserId: owner.actor.userId,
      classificationId: null,
      reviewIntervalMonths: 12,
      nextReviewDate: null,
      distribution: { orgUnitIds: [], roles: [], userIds: [] },
      externalOrigin: false,
      externalSource: '',
      externalVersion: '',
      tags: [],
      controlIds: [],
      requirementIds: d.requirementIds ?? [],
      body: d.body,
      changeSummary: '初版',
      ...(d.ismsPolicy ? { policyFields: DEMO_POLICY_FIELDS } : {}),
    });
    const working = created.working!;
    drafts.push({ documentId: created.view.id, versionId: working.id, version: working.version });
  }
  return drafts;
}

/** A scope draft if there is none yet, then the SoA drafted from the risk work. */
async function createSoaDraft(
  db: Db,
  ctx: RequestContext,
  unitIds: string[],
  locationIds: string[],
): Promise<'created' | 'exists'> {
  const current = await getScope(db, ctx);
  if (!current.current) {
    await putScope(db, ctx, null, {
      businessActivities: '精密部品の設計・製造・販売',
      orgUnitIds: unitIds,
      organizationNote: '',
      locationIds,
      locationNote: '',
      assetCategories: ['information', 'software', 'physical', 'service', 'people', 'intangible'],
      assetNote: '',
      technology: '',
      boundaries: '',
      interfaces: [],
      exclusions: [],
    });
  }
  try {
    await createSoa(db, ctx, { title: '適用宣言書' });
    return 'created';
  } catch (error) {
    if ((error as { code?: string }).code === 'soa_exists') return 'exists';
    throw error;
  }
}
