import { InvalidArgumentError, type Command } from 'commander';
import {
  legalKindSchema,
  legalListQuerySchema,
  legalReviewCreateSchema,
  legalReviewOutcomeSchema,
  type LegalKind,
  type LegalObligation,
} from '@mamoru/contracts';
import type { Db } from '@mamoru/db';
import { legal, notFound, sheetsXlsx, type RequestContext } from '@mamoru/domain';
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
 * `mamoru legal list | export | review`: the register of legal, regulatory and
 * contractual obligations from the command line, e.g. to record the yearly
 * review of a law after the legal department confirmed nothing changed.
 */

function choice<T extends string>(schema: { options: readonly T[] }) {
  return (value: string): T => {
    if (!(schema.options as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`must be one of ${schema.options.join(', ')}`);
    }
    return value as T;
  };
}
function due(value: string) {
  if (value !== 'overdue' && value !== 'soon')
    throw new InvalidArgumentError('must be overdue or soon');
  return value;
}

interface ListOptions extends ActingOptions {
  kind?: LegalKind;
  due?: 'overdue' | 'soon';
  q?: string;
  all?: boolean;
  json?: boolean;
}

/** The obligation an id or a code (LEG-001) names; 404 when the actor sees none. */
async function obligationId(db: Db, ctx: RequestContext, given: string) {
  if (isUuid(given)) return given;
  const code = given.trim().toUpperCase();
  const page = await legal.listObligations(
    db,
    ctx,
    legalListQuerySchema.parse({ q: code, limit: 200 }),
  );
  const found = page.items.find((o) => o.code.toUpperCase() === code);
  if (!found) throw notFound('legal obligation');
  return found.id;
}

export function registerLegal(program: Command) {
  const command = program
    .command('legal')
    .description('legal and contractual obligations: list, export and record reviews');

  command
    .command('list')
    .description('the obligations in force, by next review date')
    .addOption(organizationOption())
    .addOption(asOption())
    .option(
      '--kind <kind>',
      'only this kind (law, regulation, contract, …)',
      choice(legalKindSchema),
    )
    .option('--due <overdue|soon>', 'only those whose review is overdue or due soon', due)
    .option('--q <text>', 'only those whose code, title, authority or summary contains the text')
    .option('--all', 'retired obligations too')
    .option('--json', 'print the obligations as JSON')
    .action(async (options: ListOptions) => {
      const items = await acting(options, 'legal list', async (db, ctx) => {
        const day = legal.todayUtc();
        const out: LegalObligation[] = [];
        let cursor: string | undefined;
        do {
          const query = legalListQuerySchema.parse({
            kind: options.kind,
            due: options.due,
            q: options.q,
            status: options.all ? undefined : 'active',
            limit: 200,
            cursor,
          });
          const page = await legal.listObligations(db, ctx, query);
          out.push(...page.items.map((o) => legal.presentObligation(o, day)));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return out;
      });
      if (options.json) {
        console.log(JSON.stringify(items, null, 2));
        return;
      }
      console.log(
        table([
          ['CODE', 'KIND', 'NEXT REVIEW', 'STATE', 'OWNER', 'TITLE'],
          ...items.map((o) => [
            o.code,
            o.kind,
            o.status === 'retired' ? '—' : o.nextReviewDate,
            o.reviewState,
            o.owner?.name ?? '—',
            o.title,
          ]),
        ]),
      );
      console.log(`${items.length} obligation(s)`);
    });

  exportCommand(command, 'write the register as XLSX or PDF', async (db, ctx, format, lang) =>
    format === 'pdf'
      ? legal.exports.exportPdf(db, ctx, {}, lang)
      : sheetsXlsx(await legal.exports.exportSheets(db, ctx, {}, lang)),
  );

  command
    .command('review')
    .description('record a review of an obligation (by its id or code, e.g. LEG-001)')
    .argument('<id>', 'the obligation: its id or its code')
    .option(
      '--outcome <outcome>',
      'unchanged, changed (its content changed) or retired (no longer applies)',
      choice(legalReviewOutcomeSchema),
      'unchanged',
    )
    .option('--on <YYYY-MM-DD>', 'the day reviewed (default: today)', isoDay)
    .option('--note <text>', 'what was checked and found')
    .option('--next <YYYY-MM-DD>', 'the next review date (default: after the interval)', isoDay)
    .addOption(organizationOption())
    .addOption(asOption())
    .option('--json', 'print the obligation after the review as JSON')
    .action(
      async (
        given: string,
        o: ActingOptions & {
          outcome: string;
          on?: string;
          note?: string;
          next?: string;
          json?: boolean;
        },
      ) => {
        const parsed = legalReviewCreateSchema.safeParse({
          reviewedOn: o.on ?? legal.todayUtc(),
          outcome: o.outcome,
          note: o.note,
          nextReviewDate: o.next,
        });
        if (!parsed.success) {
          const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
          throw new Error(`mamoru legal review: invalid ${where}`);
        }
        const view = await acting(o, 'legal review', async (db, ctx) => {
          const id = await obligationId(db, ctx, given);
          // The review is of the obligation as it stands now: its current version.
          const { obligation } = await legal.getObligationDetail(db, ctx, id);
          return legal.reviewObligation(db, ctx, id, obligation.version, parsed.data);
        });
        const after = legal.presentObligation(view, legal.todayUtc());
        if (o.json) console.log(JSON.stringify(after, null, 2));
        else {
          console.log(
            after.status === 'retired'
              ? `reviewed ${after.code}: retired`
              : `reviewed ${after.code}: next review ${after.nextReviewDate}`,
          );
        }
      },
    );
}
