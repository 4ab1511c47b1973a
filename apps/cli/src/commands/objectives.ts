import { InvalidArgumentError, type Command } from 'commander';
import {
  measurementCreateSchema,
  objectiveListQuerySchema,
  objectiveStatusSchema,
  type Objective,
} from '@mamoru/contracts';
import { objectives, sheetsXlsx } from '@mamoru/domain';
import {
  acting,
  exportCommand,
  asOption,
  isoDay,
  isUuid,
  organizationOption,
  table,
  type ActingOptions,
} from './acting.ts';

/**
 * `mamoru objectives list | export | measure`: the objectives register from the
 * command line, e.g. a nightly job that records a value a script computed.
 * Every step goes through the domain services, which authorize and audit.
 */

const today = () => new Date().toISOString().slice(0, 10);

function status(value: string) {
  const parsed = objectiveStatusSchema.safeParse(value);
  if (!parsed.success) {
    throw new InvalidArgumentError(`must be one of ${objectiveStatusSchema.options.join(', ')}`);
  }
  return parsed.data;
}
function number(value: string) {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    throw new InvalidArgumentError('must be a number');
  return n;
}

interface ListOptions extends ActingOptions {
  status?: Objective['status'];
  q?: string;
  json?: boolean;
}

/** Every objective the actor may read (the list is paged in SQL; this reads all pages). */
async function listAll(options: ListOptions) {
  return acting(options, 'objectives list', async (db, ctx) => {
    const day = today();
    const items: Objective[] = [];
    let cursor: string | undefined;
    do {
      const query = objectiveListQuerySchema.parse({
        status: options.status,
        q: options.q,
        limit: 200,
        cursor,
      });
      const page = await objectives.listObjectives(db, ctx, query);
      items.push(...page.items.map((o) => objectives.presentObjective(o, day)));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  });
}

export function registerObjectives(program: Command) {
  const command = program
    .command('objectives')
    .description('ISMS objectives: list, export and record measurements');

  command
    .command('list')
    .description('the objectives with their standing and latest value')
    .addOption(organizationOption())
    .addOption(asOption())
    .option('--status <status>', 'only objectives in this state (active, achieved, …)', status)
    .option('--q <text>', 'only objectives whose title, metric or plan contains the text')
    .option('--json', 'print the objectives as JSON')
    .action(async (options: ListOptions) => {
      const items = await listAll(options);
      if (options.json) {
        console.log(JSON.stringify(items, null, 2));
        return;
      }
      const value = (n: number | undefined, unit: string) =>
        n === undefined ? '—' : `${n}${unit ? ` ${unit}` : ''}`;
      console.log(
        table([
          ['CODE', 'STANDING', 'DUE', 'LATEST', 'TARGET', 'OWNER', 'TITLE'],
          ...items.map((o) => [
            o.code,
            o.progress,
            o.dueDate,
            value(o.latest?.value, o.measureUnit),
            value(o.target, o.measureUnit),
            o.owner?.name ?? '—',
            o.title,
          ]),
        ]),
      );
      console.log(`${items.length} objective(s)`);
    });

  exportCommand(
    command,
    'write the register (with its measurements) as XLSX or PDF',
    async (db, ctx, format, lang) =>
      format === 'pdf'
        ? objectives.exports.objectivePdf(db, ctx, lang, today())
        : sheetsXlsx(await objectives.exports.objectiveWorkbook(db, ctx, lang, today())),
  );

  command
    .command('measure')
    .description('record a measurement of an objective (by its id or code, e.g. OBJ-001)')
    .argument('<id>', 'the objective: its id or its code')
    .requiredOption('--value <number>', 'the measured value', number)
    .option('--on <YYYY-MM-DD>', 'the day measured (default: today)', isoDay)
    .option('--note <text>', 'a note kept with the value')
    .addOption(organizationOption())
    .addOption(asOption())
    .option('--json', 'print the recorded measurement as JSON')
    .action(
      async (
        id: string,
        o: ActingOptions & { value: number; on?: string; note?: string; json?: boolean },
      ) => {
        const parsed = measurementCreateSchema.safeParse({
          measuredOn: o.on ?? today(),
          value: o.value,
          note: o.note,
        });
        if (!parsed.success) {
          const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
          throw new Error(`mamoru objectives measure: invalid ${where}`);
        }
        const row = await acting(o, 'objectives measure', (db, ctx) =>
          isUuid(id)
            ? objectives.addMeasurement(db, ctx, id, parsed.data)
            : objectives.takeMeasurement(db, ctx, { ...parsed.data, objectiveCode: id }),
        );
        const m = objectives.presentMeasurement(row);
        if (o.json) console.log(JSON.stringify(m, null, 2));
        else console.log(`recorded ${m.value} on ${m.measuredOn} for ${id}`);
      },
    );
}
