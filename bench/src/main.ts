import { readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { migrateDatabase } from '@mamoru/domain';
import { analyze, createTarget, DEFAULT_URL, serverVersion } from './database.ts';
import { copiedRows, copyFile, resetCopyTable, writeIndexedCopy } from './copy.ts';
import { generateLocations, generateUnits } from './generate.ts';
import { machineFacts, printTable, Results, seconds, stopping } from './measure.ts';
import {
  createStructure,
  importAssetFile,
  scratchOrganization,
  setUpOrganization,
  writeAssetCsv,
} from './seed.ts';
import { measureServer } from './http.ts';
import { measureExports, seedAndMeasureAreas } from './areas.ts';
import { seedAndMeasureTraining } from './training.ts';
import { benchNodeArgs, ROOT, startOptions } from './server.ts';
import { evaluate, targetsFor } from './targets.ts';

/**
 * `npm run bench [-- --embedded] [--scale 0.1] [--runs 3] [--seed 42]`: builds a
 * large organization in a fresh database, measures, prints a table and writes
 * bench/results.json. See docs/performance.md.
 */
const { values: args } = parseArgs({
  options: {
    embedded: { type: 'boolean', default: false },
    scale: { type: 'string' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '20261125' },
    /** 50 on PostgreSQL, 10 embedded (the targets' connections). */
    connections: { type: 'string' },
    /** Server processes (MAMORU_PROCESSES) for a second round of list runs. */
    processes: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    'log-level': { type: 'string', default: 'warn' },
    /** Leave the database (or PGlite folder) in place to look into it afterwards. */
    keep: { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'bench/results.json') },
  },
});

const embedded = args.embedded;
// Embedded (PGlite) runs at one tenth of the size unless told otherwise.
const scale = Number(args.scale ?? (embedded ? 0.1 : 1));
const runs = Math.max(1, Number(args.runs));
const seed = Number(args.seed);
const connections = Number(args.connections ?? (embedded ? 10 : 50));
// PGlite lives inside its one server process: several cannot share the folder.
const processes = embedded ? 1 : Math.max(1, Number(args.processes));
if (embedded && Number(args.processes) > 1) console.log('--processes ignored: embedded runs one');
export const SIZES = {
  units: 200,
  locations: 50,
  assets: Math.round(100_000 * scale),
  threats: 40,
  risks: Math.round(1_000_000 * scale),
  soaEntries: 134,
  documents: Math.round(5_000 * scale),
};

/** The list reads under load: a filter, a sort and the default page of 50. */
const ENDPOINTS = [
  {
    id: 'assets.list',
    label: 'GET /assets (category, sorted by name, 50)',
    path: '/api/v1/assets?category=information&status=in_use&sort=name&direction=asc&limit=50',
  },
  {
    id: 'risks.list',
    label: 'GET /risks (level, sorted by value, 50)',
    path: '/api/v1/risks?level=2&sort=value&direction=desc&limit=50',
  },
];

const results = new Results();
const loadAtStart = loadavg();
const serverUrl = process.env.DATABASE_URL ?? DEFAULT_URL;
const target = await createTarget(embedded, serverUrl);
const csvPath = join(tmpdir(), `mamoru-bench-assets-${process.pid}.csv`);
console.log(
  `Mamoru bench: ${target.kind}${target.url ? ` (${new URL(target.url).pathname.slice(1)})` : ''}, ` +
    `scale ${scale}, ${runs} run(s) per figure, seed ${seed}`,
);
let databaseVersion = 'unknown';
let failure: string | null = null;
// The first Ctrl-C stops after the current step and still writes the results.
process.once('SIGINT', () => {
  stopping.requested = true;
});

try {
  const database = await target.open();
  await migrateDatabase(database.db);
  databaseVersion = await serverVersion(database);
  const units = generateUnits(SIZES.units);
  const locations = generateLocations(SIZES.locations);

  console.log('• organization, structure and asset file');
  const org = await setUpOrganization(database.db);
  let structure = { unitIds: [] as string[], locationIds: [] as string[] };
  const structureSeconds = await seconds(async () => {
    const made = await createStructure(database.db, org.ctx, units, locations);
    structure = {
      unitIds: [...made.unitIds.values()],
      locationIds: [...made.locationIds.values()],
    };
  });
  results.add(
    'seed.structure',
    `seed: ${SIZES.units} units + ${SIZES.locations} locations (one service call each)`,
    's',
    [structureSeconds],
  );
  const bytes = await writeAssetCsv(csvPath, seed, SIZES.assets, units, locations);
  console.log(`  asset file: ${SIZES.assets} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB`);

  console.log(`• (1) asset import vs COPY, ${runs} run(s) each`);
  const importRuns: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    // The first run fills the measured organization; later ones go to fresh tenants.
    const ctx = run === 1 ? org.ctx : await scratchOrganization(database.db, run);
    if (run > 1) await createStructure(database.db, ctx, units, locations);
    let created = 0;
    importRuns.push(
      await seconds(async () => {
        created = (await importAssetFile(database.db, ctx, csvPath)).created;
      }),
    );
    if (created !== SIZES.assets) throw new Error(`import created ${created} assets`);
  }
  const copyRuns: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    await resetCopyTable(database);
    copyRuns.push(await seconds(() => copyFile(database, csvPath)));
    if ((await copiedRows(database)) !== SIZES.assets) throw new Error('COPY lost rows');
  }
  await analyze(database.db);
  const importFigure = results.add(
    'import',
    `asset import of ${SIZES.assets} rows`,
    's',
    importRuns,
  );
  const copyFigure = results.add('copy', `COPY of the same ${SIZES.assets} rows`, 's', copyRuns);
  results.add('import.ratio', 'import / COPY', '×', [importFigure.median! / copyFigure.median!]);
  const indexedRuns: number[] = [];
  for (let run = 1; run <= runs; run += 1)
    indexedRuns.push(await writeIndexedCopy(database, org.organizationId));
  results.add(
    'import.indexedFloor',
    'the same rows written by the database alone into a copy of the assets table with all its indexes',
    's',
    indexedRuns,
  );
  const constrainedRuns: number[] = [];
  for (let run = 1; run <= runs; run += 1)
    constrainedRuns.push(await writeIndexedCopy(database, org.organizationId, true));
  results.add(
    'import.constrainedFloor',
    'the same, with the foreign keys of assets too (checked per row by the database)',
    's',
    constrainedRuns,
  );

  const seeded = await seedAndMeasureAreas(
    results,
    database.db,
    org.ctx,
    structure,
    SIZES,
    runs,
    seed,
  );
  await seedAndMeasureTraining(results, database.db, org.ctx, structure.unitIds, runs);

  // Embedded: PGlite is one process's; the server must have the folder to itself.
  await database.close();
  if (stopping.requested) throw new Error('interrupted');

  await measureServer(
    results,
    target,
    org.token,
    {
      embedded,
      runs,
      connections,
      duration: Number(args.duration),
      logLevel: args['log-level'],
      processes,
      keep: args.keep,
    },
    ENDPOINTS,
    (server, headers) => measureExports(results, server.base, headers, seeded, SIZES, runs),
  );
} catch (error) {
  // What was measured before the failure (or Ctrl-C) is still reported and written.
  failure = error instanceof Error ? error.message : String(error);
  console.error('bench stopped:', error);
} finally {
  await rm(csvPath, { force: true });
  if (args.keep) console.log(`kept: ${target.url ?? target.dataDir}`);
  else await target.drop().catch((error: unknown) => console.error('could not drop:', error));
}

const round2 = (v: number) => Math.round(v * 100) / 100;
const verdicts = evaluate(
  results.figures,
  targetsFor(embedded ? 'embedded' : 'postgres', processes),
  {
    scale,
    connections,
  },
);
console.log(
  `load average at start ${loadAtStart.map(round2).join(' ')}, at end ${loadavg().map(round2).join(' ')}`,
);
console.log('');
printTable(results, verdicts);
const output = {
  generatedAt: new Date().toISOString(),
  mode: embedded ? 'embedded (PGlite)' : 'PostgreSQL',
  scale,
  seed,
  runsPerFigure: runs,
  connections,
  processes,
  complete: failure === null,
  ...(failure ? { stoppedBy: failure } : {}),
  sizes: SIZES,
  machine: machineFacts(databaseVersion),
  // The Node.js options Mamoru's server ran with (npm start's and BENCH_SERVER_NODE_ARGS).
  serverNodeOptions: [...benchNodeArgs(), ...startOptions()],
  // Other work on the machine shows here: the figures are only as quiet as the machine was.
  loadAverage: { atStart: loadAtStart.map(round2), atEnd: loadavg().map(round2) },
  figures: results.figures,
  targets: verdicts,
};
// One file keeps the latest run of each mode.
const previous = await readFile(args.out, 'utf8')
  .then((text) => JSON.parse(text) as Record<string, unknown>)
  .catch(() => ({}));
const merged = { ...previous, [embedded ? 'embedded' : 'postgres']: output };
await writeFile(args.out, `${JSON.stringify(merged, null, 2)}\n`);
console.log(`\nwritten to ${args.out}`);
