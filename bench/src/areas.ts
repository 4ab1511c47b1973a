import type { Db } from '@mamoru/db';
import { conformity, risks, type RequestContext } from '@mamoru/domain';
import type { Results } from './measure.ts';
import { seconds, stopping } from './measure.ts';
import { analyze } from './database.ts';
import { download } from './load.ts';
import {
  approveMethod,
  createThreats,
  generate,
  timeMethodChanges,
  topManagement,
} from './risks.ts';
import { createDocuments, createScope, createSoa } from './statements.ts';

/**
 * The risk, SoA, document and conformity parts of the bench. Each step that
 * fails (an area still being built) is reported as not measured, with the
 * reason, and the rest of the bench goes on.
 */
async function attempt(results: Results, id: string, label: string, step: () => Promise<void>) {
  if (stopping.requested) {
    results.missing(id, label, 's', 'interrupted');
    return;
  }
  try {
    await step();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`  ${label} failed:`, error);
    results.missing(id, label, 's', `failed: ${reason.slice(0, 200)}`);
  }
}

export interface AreaSizes {
  assets: number;
  threats: number;
  risks: number;
  documents: number;
}

export interface Seeded {
  soaId: string | null;
}

export async function seedAndMeasureAreas(
  results: Results,
  db: Db,
  ctx: RequestContext,
  structure: { unitIds: string[]; locationIds: string[] },
  sizes: AreaSizes,
  runs: number,
  seed: number,
): Promise<Seeded> {
  const seeded: Seeded = { soaId: null };
  const approver = await topManagement(db, ctx);

  console.log(`• risks: ${sizes.threats} threats, a method, bulk generation`);
  let generated = 0;
  await attempt(results, 'risks.generate', 'risk generation', async () => {
    const threatIds = await createThreats(db, ctx, sizes.threats);
    await approveMethod(db, ctx, approver, 'multiplicative');
    const time = await seconds(async () => {
      generated = await generate(db, ctx, threatIds);
    });
    results.add('risks.generate', `bulk generation of ${generated} risks (one job)`, 's', [time]);
    await analyze(db);
  });

  if (generated > 0) {
    console.log(`• (2) risk recompute after a method change, ${runs} run(s)`);
    await attempt(results, 'risks.recompute', 'risk recompute', async () => {
      const times = await timeMethodChanges(db, ctx, approver, runs);
      results.add(
        'risks.recompute',
        `method change approved → ${generated} risks recomputed`,
        's',
        times,
      );
    });
    // Each recompute leaves a dead version of every risk behind until autovacuum runs.
    await analyze(db);
    console.log(`• (4) heat map aggregate, ${runs} run(s)`);
    await attempt(results, 'risks.heatmap', 'heat map', async () => {
      const times: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        times.push(await seconds(() => risks.heatmap(db, ctx, {}, false)));
      }
      results.add('risks.heatmap', `heat map over ${generated} risks`, 's', times);
    });
  }

  console.log(`• documents (${sizes.documents}), scope and SoA`);
  let documentIds: string[] = [];
  await attempt(results, 'seed.documents', 'documents', async () => {
    const time = await seconds(async () => {
      documentIds = await createDocuments(db, ctx, approver, sizes.documents, seed);
    });
    results.add(
      'seed.documents',
      `seed: ${sizes.documents} documents, every tenth issued with a second draft (service calls)`,
      's',
      [time],
    );
  });
  await attempt(results, 'seed.soa', 'SoA', async () => {
    await createScope(db, ctx, structure.unitIds, structure.locationIds);
    let entries = 0;
    const time = await seconds(async () => {
      const created = await createSoa(db, ctx, documentIds.length ? documentIds : ['none']);
      seeded.soaId = created.id;
      entries = created.entries;
    });
    results.add('seed.soa', `seed: SoA with ${entries} entries, each decided and linked`, 's', [
      time,
    ]);
  });

  console.log(`• (4) conformity check, ${runs} run(s)`);
  await attempt(results, 'conformity', 'conformity check', async () => {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      times.push(await seconds(() => conformity.getConformity(db, ctx)));
    }
    results.add('conformity', 'conformity check (every requirement item)', 's', times);
  });
  return seeded;
}

/** Exports over HTTP, read to the last byte, while the server runs. */
export async function measureExports(
  results: Results,
  base: string,
  headers: Record<string, string>,
  seeded: Seeded,
  sizes: AreaSizes,
  runs: number,
) {
  if (seeded.soaId) {
    console.log(`• (4) SoA XLSX export, ${runs} run(s)`);
    await attempt(results, 'soa.export', 'SoA XLSX export', async () => {
      const times: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const r = await download(`${base}/api/v1/soa/${seeded.soaId}/export?format=xlsx`, headers);
        times.push(r.seconds);
      }
      results.add('soa.export', 'SoA XLSX export (GET …/export)', 's', times);
    });
  }
  // Asset codes A0000001…: a prefix that leaves a tenth of the assets, so a tenth of the risks.
  const free = String(Math.max(1, Math.round(sizes.assets / 10))).length - 1;
  const prefix = `A${'0'.repeat(7 - free)}`;
  console.log(`• (4) risk register XLSX export (q=${prefix}), ${runs} run(s)`);
  await attempt(results, 'risks.export', 'risk register XLSX export', async () => {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i += 1) {
      const r = await download(`${base}/api/v1/risks/export?format=xlsx&q=${prefix}`, headers);
      times.push(r.seconds);
      bytes = r.bytes;
    }
    results.add(
      'risks.export',
      `risk register XLSX export, about ${Math.round(sizes.risks / 10)} rows`,
      's',
      times,
      `${(bytes / 2 ** 20).toFixed(1)} MiB`,
    );
  });
}
