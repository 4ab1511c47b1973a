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

// Values as node-postgres would send them, kept readable in JSON.
function replacer(_key: string, value: unknown) {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `\\x${Buffer.from(value).toString('hex')}`;
  return value;
}

export function traceStatement(file: string, text: string, params: readonly unknown[] = []) {
  appendFileSync(file, `${JSON.stringify({ text, params }, replacer)}\n`);
}

/** drizzle's logger option: the statements it sends, with their parameters. */
export function traceLogger(file: string) {
  return { logQuery: (text: string, params: unknown[]) => traceStatement(file, text, params) };
}
