/**
 * The pure half of the pgbench floor: statements a traced request sent (one
 * JSON line {text, params} each, see packages/db/src/sql-trace.ts) become a
 * pgbench script with every parameter inlined as an untyped SQL literal, which
 * PostgreSQL types from its context as it types node-postgres's untyped text
 * parameters. pgbench -M extended then sends each as an unnamed statement.
 */

export interface TracedStatement {
  text: string;
  params: unknown[];
}

export function parseTrace(lines: string): TracedStatement[] {
  return lines
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const { text, params } = JSON.parse(line) as { text: string; params?: unknown[] };
      return { text, params: params ?? [] };
    });
}

// pgbench reads ":name" anywhere in a command (quotes included) as its variable.
const PGBENCH_VARIABLE = /(?<!:):(?!:)[A-Za-z0-9_\u0080-\uffff]/;

/** A string as a SQL string constant that pgbench leaves alone. */
export function quote(value: string): string {
  if (value.includes('\0')) throw new Error('a NUL character cannot be a SQL literal');
  const doubled = value.replaceAll("'", "''");
  if (!/:/.test(value)) return `'${doubled}'`;
  // A Unicode-escape constant (still an untyped string constant) spells ':' as \003A.
  return `U&'${doubled.replaceAll('\\', '\\\\').replaceAll(':', '\\003A')}'`;
}

/** Array text as node-postgres writes a JS array (pg's arrayString). */
function arrayText(values: readonly unknown[]): string {
  const items = values.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    if (Array.isArray(v)) return arrayText(v);
    const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}

/** One parameter as the text node-postgres sends, quoted (NULL for null). */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return quote(arrayText(value));
  if (typeof value === 'object') return quote(JSON.stringify(value));
  return quote(String(value));
}

/** The statement with $1… replaced by literals. */
export function inline(statement: TracedStatement): string {
  const text = statement.text.trim().replace(/;+$/, '');
  const match = PGBENCH_VARIABLE.exec(text);
  if (match) {
    throw new Error(`pgbench would read "${match[0]}…" as a variable in: ${text.slice(0, 120)}`);
  }
  return text.replace(/(?<![\w$])\$(\d+)(?!\d)/g, (whole, n: string) => {
    const index = Number(n) - 1;
    if (index >= statement.params.length) {
      throw new Error(`${whole} without a parameter in: ${text.slice(0, 120)}`);
    }
    return literal(statement.params[index]);
  });
}

/** One pgbench transaction: the request's statements, in order, one command each. */
export function pgbenchScript(statements: readonly TracedStatement[]): string {
  if (!statements.length) throw new Error('no statements traced');
  return `${statements.map((s) => `${inline(s)};`).join('\n')}\n`;
}

export interface PgbenchFigures {
  tps: number;
  latencyMs: number | null;
  failed: number;
}

/** tps (without connection time), mean latency and failed transactions from pgbench's report. */
export function parsePgbenchOutput(output: string): PgbenchFigures {
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(output);
  if (!tps) {
    // No transaction within the run (connecting took it all) or an error.
    const why = /error|fatal|abort|actually processed|connection time/i;
    const errors = output.split('\n').filter((line) => why.test(line));
    throw new Error(`no tps from pgbench: ${(errors.join('; ') || output).slice(0, 400)}`);
  }
  const latency = /latency average = ([\d.]+) ms/.exec(output);
  const failed = /number of failed transactions: (\d+)/.exec(output);
  return {
    tps: Number(tps[1]),
    latencyMs: latency ? Number(latency[1]) : null,
    failed: failed ? Number(failed[1]) : 0,
  };
}
