import { appendFileSync } from 'node:fs';

/**
 * MAMORU_SQL_TRACE=<file>: every statement the server sends (drizzle's queries
 * and executeSql's) is appended to the file as one JSON line {text, params},
 * before it runs. Off unless set; the benchmark turns it on for one traced
 * request and replays the statements with pgbench as the database's floor.
 */
export function sqlTraceFile(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.MAMORU_SQL_TRACE || undefined;
}

// Values as node-postgres would send them, kept readable in JSON. The holder's
// own value, since JSON.stringify has already applied Buffer's toJSON to `value`.
function replacer(this: Record<string, unknown>, key: string, value: unknown) {
  const original = this[key];
  if (typeof original === 'bigint') return original.toString();
  if (original instanceof Uint8Array) return `\\x${Buffer.from(original).toString('hex')}`;
  return value;
}

export function traceStatement(file: string, text: string, params: readonly unknown[] = []) {
  appendFileSync(file, `${JSON.stringify({ text, params }, replacer)}\n`);
}

/** drizzle's logger option: the statements it sends, with their parameters. */
export function traceLogger(file: string) {
  return { logQuery: (text: string, params: unknown[]) => traceStatement(file, text, params) };
}
