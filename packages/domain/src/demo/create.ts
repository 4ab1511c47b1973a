import type { Db } from '@mamoru/db';
import { conflict } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { listEvents } from '../audit/queries.ts';
import { createFoundation } from './foundation.ts';
import { createDocuments, createRisks, createSoaDraft } from './plan-steps.ts';
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
import { issueDocuments } from './progress.ts';
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

  const { unitIds, locationIds, people, levelId, assetIds } = await createFoundation(
    db,
    ctx,
    run,
    code,
  );

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
