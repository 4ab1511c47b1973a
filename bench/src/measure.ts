import type { Verdict } from './targets.ts';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';

/** Set by the first Ctrl-C: the remaining steps are skipped and the results still written. */
export const stopping = { requested: false };

/** One figure of the results: the median of its runs, with every run kept. */
export interface Figure {
  id: string;
  label: string;
  unit: string;
  median: number | null;
  runs: number[];
  /** Why there is no figure (an area that has not landed), or what it includes. */
  note?: string;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Seconds a piece of work takes. */
export async function seconds(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

export class Results {
  readonly figures: Figure[] = [];

  add(id: string, label: string, unit: string, runs: number[], note?: string): Figure {
    const figure: Figure = {
      id,
      label,
      unit,
      runs: runs.map(round),
      median: runs.length ? round(median(runs)) : null,
      ...(note ? { note } : {}),
    };
    this.figures.push(figure);
    console.log(`  ${label}: ${format(figure)}`);
    return figure;
  }

  missing(id: string, label: string, unit: string, note: string) {
    this.figures.push({ id, label, unit, median: null, runs: [], note });
    console.log(`  ${label}: not measured (${note})`);
  }

  get(id: string) {
    return this.figures.find((f) => f.id === id);
  }
}

const round = (v: number) => Math.round(v * 1000) / 1000;

function format(f: Figure) {
  if (f.median === null) return `— (${f.note ?? 'not measured'})`;
  const runs = f.runs.length > 1 ? ` (runs: ${f.runs.join(', ')})` : '';
  return `${f.median} ${f.unit}${runs}`;
}

export function machineFacts(databaseVersion: string) {
  const cpu = cpus();
  return {
    cpuCount: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    database: databaseVersion,
  };
}

/** The results as a table: figure, median, unit, runs, note; then the targets. */
export function printTable(results: Results, verdicts: readonly Verdict[]) {
  const rows = results.figures.map((f) => [
    f.label,
    f.median === null ? '—' : String(f.median),
    f.unit,
    f.runs.length > 1 ? f.runs.join(' / ') : '',
    f.note ?? '',
  ]);
  table(['figure', 'median', 'unit', 'runs', 'note'], rows);
  console.log('');
  const show = (v: number | null) => (v === null ? '—' : String(v));
  table(
    ['target', 'value', 'target', 'result', 'floor', 'ratio', 'note'],
    verdicts.map((v) => [
      v.label,
      show(v.value),
      v.target ?? '(information)',
      v.met === null ? (v.target ? '—' : '') : v.met ? 'met' : 'MISSED',
      show(v.floor),
      v.ratio === null ? '' : `${v.ratio} ×`,
      v.note ?? '',
    ]),
  );
}

function table(header: string[], rows: string[][]) {
  // East Asian characters take two columns in a terminal.
  const width = (s: string) => [...s].reduce((w, c) => w + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells.map((c, i) => c + ' '.repeat(widths[i]! - width(c))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
}
