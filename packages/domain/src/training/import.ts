import type { Db } from '@mamoru/db';
import { unitsHeadedBy } from '@mamoru/db/repositories/people-access';
import {
  sessionAttendanceByUser,
  sessionForImport,
  usersByEmail,
  type ImportPerson,
} from '@mamoru/db/repositories/training-import';
import type { RequestContext } from '../audit/trail.ts';
import { DomainError, forbidden, invalid, notFound } from '../errors.ts';
import { reachOf } from '../identity/actor.ts';
import { SESSION_ENTITY, recordsAsTrainer } from './access.ts';
import { recordAttendance } from './attendance.ts';
import {
  parseAttendanceRow,
  readAttendanceHeader,
  type ImportProblem,
  type ParsedAttendanceRow,
} from './import-rows.ts';

/**
 * Attendance of a session imported from a file (CSV or XLSX), one person a
 * row. Every row is reported: recorded (new), updated (changed), skipped
 * (already recorded as in the file) or error (naming the column). Rows
 * without errors are written through recordAttendance in one transaction;
 * a dry run does the same and rolls it back, so its report is what a real
 * run would do.
 */

export interface ImportFileRow {
  row: number;
  cells: string[];
}

export interface AttendanceImportOutcome {
  row: number;
  status: 'recorded' | 'updated' | 'skipped' | 'error';
  email: string | null;
  user: { id: string; name: string } | null;
  errors: ImportProblem[];
}

export interface AttendanceImportResult {
  sessionId: string;
  dryRun: boolean;
  encoding: string;
  counts: Record<AttendanceImportOutcome['status'], number>;
  rows: AttendanceImportOutcome[];
}

/** People a file may list: a session larger than this is recorded in parts. */
export const ATTENDANCE_IMPORT_MAX_ROWS = 1000;

/** Thrown inside the transaction of a dry run so nothing it wrote is kept. */
class DryRunRollback extends Error {}

/**
 * Who the caller may record at this session: everyone as its trainer
 * (training:record) or as a manager over everyone; else, for unit heads, the
 * members of their units (never themselves). Nobody else imports (403).
 */
async function recordableFilter(
  db: Db,
  ctx: RequestContext,
  trainerId: string | null,
): Promise<(p: ImportPerson) => boolean> {
  const { actor } = ctx;
  const manage = reachOf(actor, 'training:manage');
  if (recordsAsTrainer(ctx, { trainerUserId: trainerId }) || manage === 'all') return () => true;
  if (manage === 'own' && actor.userId) {
    const units = await unitsHeadedBy(db, actor.organizationId, actor.userId);
    if (units.length) {
      return (p) => p.id !== actor.userId && !!p.org_unit_id && units.includes(p.org_unit_id);
    }
  }
  throw forbidden('forbidden_not_owner', { permission: 'training:record' });
}

async function parseFile(rows: AsyncIterable<ImportFileRow>) {
  const parsed: ParsedAttendanceRow[] = [];
  let columns: Parameters<typeof parseAttendanceRow>[2] | null = null;
  for await (const r of rows) {
    if (!columns) {
      if (r.cells.every((c) => c.trim() === '')) continue;
      const header = readAttendanceHeader(r.cells);
      if (!header.ok) {
        throw new DomainError(
          'validation',
          'attendance_import_header',
          {},
          header.problems.map((p) => ({ field: p.column, code: p.code, params: p.params })),
        );
      }
      columns = header.columns;
      continue;
    }
    const row = parseAttendanceRow(r.row, r.cells, columns);
    if (row) parsed.push(row);
    if (parsed.length > ATTENDANCE_IMPORT_MAX_ROWS) {
      throw new DomainError('validation', 'attendance_import_too_many_rows', {
        limit: ATTENDANCE_IMPORT_MAX_ROWS,
      });
    }
  }
  if (!columns) throw new DomainError('validation', 'import_empty');
  return parsed;
}

export async function importAttendance(
  db: Db,
  ctx: RequestContext,
  sessionId: string,
  rows: AsyncIterable<ImportFileRow>,
  options: { dryRun: boolean; encoding: string },
): Promise<AttendanceImportResult> {
  const org = ctx.actor.organizationId;
  if (!reachOf(ctx.actor, 'training:record') && !reachOf(ctx.actor, 'training:manage')) {
    throw forbidden('forbidden', { permission: 'training:record' });
  }
  const session = await sessionForImport(db, org, sessionId);
  if (!session) throw notFound(SESSION_ENTITY);
  const mayRecord = await recordableFilter(db, ctx, session.trainer_user_id);
  if (session.status === 'cancelled') {
    throw invalid([{ field: 'sessionId', code: 'training_session_cancelled' }]);
  }
  const parsed = await parseFile(rows);
  const [people, existing] = await Promise.all([
    usersByEmail(
      db,
      org,
      parsed.flatMap((r) => (r.email ? [r.email] : [])),
    ),
    sessionAttendanceByUser(db, org, sessionId),
  ]);

  const firstRowOf = new Map<string, number>();
  const outcomes: AttendanceImportOutcome[] = [];
  const entries: { userId: string; status: 'attended' | 'absent'; note: string }[] = [];
  for (const r of parsed) {
    const person = r.email ? people.get(r.email) : undefined;
    const errors = [...r.problems];
    if (r.email && !person) {
      errors.push({
        column: 'email',
        code: 'attendance_import_user_unknown',
        params: { value: r.email },
      });
    } else if (person && !mayRecord(person)) {
      errors.push({
        column: 'email',
        code: 'attendance_import_not_reachable',
        params: { value: r.email ?? '' },
      });
    }
    const earlier = person ? firstRowOf.get(person.id) : undefined;
    if (earlier !== undefined) {
      errors.push({
        column: 'email',
        code: 'attendance_import_duplicate',
        params: { row: earlier },
      });
    } else if (person) firstRowOf.set(person.id, r.row);
    const user = person ? { id: person.id, name: person.display_name } : null;
    if (errors.length || !person) {
      outcomes.push({ row: r.row, status: 'error', email: r.email, user, errors });
      continue;
    }
    const before = existing.get(person.id);
    const same = before && before.status === r.status && before.note === r.note;
    outcomes.push({
      row: r.row,
      status: same ? 'skipped' : 'recorded',
      email: r.email,
      user,
      errors,
    });
    if (!same) entries.push({ userId: person.id, status: r.status, note: r.note });
  }

  if (entries.length) {
    let written: { recorded: string[]; updated: string[] } = { recorded: [], updated: [] };
    try {
      await db.transaction(async (tx) => {
        written = await recordAttendance(tx, ctx, sessionId, entries, 'import');
        if (options.dryRun) throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    const updated = new Set(written.updated);
    for (const o of outcomes) {
      if (o.status === 'recorded' && o.user && updated.has(o.user.id)) o.status = 'updated';
    }
  }
  const counts = { recorded: 0, updated: 0, skipped: 0, error: 0 };
  for (const o of outcomes) counts[o.status] += 1;
  return { sessionId, dryRun: options.dryRun, encoding: options.encoding, counts, rows: outcomes };
}
