import type { Figure } from './measure.ts';

/**
 * The figures the targets compare with, in one place: the full-size
 * PostgreSQL run of 26 November 2026 and the embedded run of the same day on
 * the 2-core machine (bench/results.json of that commit, docs/performance.md).
 */
export const PREVIOUS = {
  date: '2026-11-26',
  source: 'bench/results.json and docs/performance.md, full size on PostgreSQL, 2 cores',
  cores: 2,
  assetsListRps: 527,
  risksListRps: 467,
  heatmapPostgresSeconds: 0.14,
  heatmapEmbeddedSeconds: 0.041,
  /** No earlier run timed the register filters: this branch's first full-size run sets them. */
  registerFilterSeconds: null as number | null,
} as const;

export type Mode = 'postgres' | 'embedded';

export interface TargetSpec {
  id: string;
  label: string;
  /** The figure whose median is the value. */
  figure: string;
  /** The figure the value is compared with (bare route, COPY, a floor), if any. */
  floor?: string;
  /** The target in words; absent for information rows. */
  target?: string;
  /** met from the value and its ratio to the floor; absent for information rows. */
  check?: (value: number, ratio: number | null) => boolean;
  /** The run the target is stated for; a different one is noted beside the verdict. */
  scale: number;
  connections?: number;
}

export interface Verdict {
  id: string;
  label: string;
  target: string | null;
  value: number | null;
  met: boolean | null;
  floor: number | null;
  ratio: number | null;
  note?: string;
}

const at = (v: number, limit: number) => v <= limit;

/** The targets of the issue for a mode; `processes` names the multi-process list figures. */
export function targetsFor(mode: Mode, processes: number): TargetSpec[] {
  const pg = mode === 'postgres';
  const scale = pg ? 1 : 0.1;
  const specs: TargetSpec[] = [
    {
      id: 'risks.recompute',
      label: 'recompute of all risks after a method change',
      figure: 'risks.recompute',
      target: pg ? '≤ 5 s' : '≤ 1 s',
      check: (v) => at(v, pg ? 5 : 1),
      scale,
    },
    {
      id: 'import.indexed',
      label: 'asset import vs the indexed floor',
      figure: 'import',
      floor: 'import.indexedFloor',
      target: '≤ 2× floor',
      check: (_v, r) => r !== null && r <= 2,
      scale,
    },
    {
      id: 'import.constrained',
      label: 'asset import vs the indexed + foreign-key floor',
      figure: 'import',
      floor: 'import.constrainedFloor',
      scale,
    },
    { id: 'import.copy', label: 'asset import vs COPY', figure: 'import', floor: 'copy', scale },
  ];
  const lists = [
    { id: 'assets.list', name: 'GET /assets', previous: PREVIOUS.assetsListRps },
    { id: 'risks.list', name: 'GET /risks', previous: PREVIOUS.risksListRps },
  ];
  for (const l of lists) {
    if (pg) {
      specs.push(
        {
          id: `${l.id}.floor`,
          label: `${l.name} req/s vs its pgbench floor (1 process)`,
          figure: `${l.id}.rps`,
          floor: `${l.id}.floor`,
          target: '≥ 50% of floor',
          check: (_v, r) => r !== null && r >= 0.5,
          scale,
          connections: 50,
        },
        {
          id: `${l.id}.p99`,
          label: `${l.name} p99 at 50 connections, 2 processes`,
          figure: `${l.id}.proc2.p99`,
          target: '≤ 50 ms',
          check: (v) => at(v, 50),
          scale,
          connections: 50,
        },
        {
          id: `${l.id}.perCore`,
          label: `${l.name} req/s per core (best process count)`,
          figure: `${l.id}.perCore`,
          target: `≥ 3× ${l.previous / PREVIOUS.cores} (${PREVIOUS.date})`,
          check: (v) => v >= (3 * l.previous) / PREVIOUS.cores,
          scale,
          connections: 50,
        },
      );
    } else {
      specs.push({
        id: `${l.id}.p99`,
        label: `${l.name} p99 at 10 connections`,
        figure: `${l.id}.p99`,
        target: '≤ 250 ms',
        check: (v) => at(v, 250),
        scale,
        connections: 10,
      });
    }
    specs.push({
      id: `${l.id}.bare`,
      label: `${l.name} req/s vs the bare route`,
      figure: `${l.id}.rps`,
      floor: 'bare.rps',
      scale,
    });
    if (processes > 1)
      specs.push({
        id: `${l.id}.proc${processes}.floor`,
        label: `${l.name} req/s with ${processes} processes${pg ? ' vs its pgbench floor' : ''}`,
        figure: `${l.id}.proc${processes}.rps`,
        ...(pg ? { floor: `${l.id}.floor` } : {}),
        scale,
      });
  }
  const heatmap = pg ? PREVIOUS.heatmapPostgresSeconds : PREVIOUS.heatmapEmbeddedSeconds;
  specs.push(
    {
      id: 'risks.heatmap',
      label: 'heat map over all risks',
      figure: 'risks.heatmap',
      target: `≤ ${heatmap} s (${PREVIOUS.date})`,
      check: (v) => at(v, heatmap),
      scale,
    },
    ...(['evaluation', 'residual'] as const).map((f) => ({
      id: `risks.filter.${f}`,
      label: `register filter (${f}), one page over HTTP`,
      figure: `risks.filter.${f}`,
      target: 'as fast as before or faster',
      ...(PREVIOUS.registerFilterSeconds === null
        ? {}
        : { check: (v: number) => at(v, PREVIOUS.registerFilterSeconds!) }),
      scale,
    })),
    {
      id: 'conformity',
      label: 'conformity check',
      figure: 'conformity',
      target: '≤ 2 s',
      check: (v) => at(v, 2),
      scale,
    },
    {
      id: 'soa.export',
      label: 'SoA XLSX export',
      figure: 'soa.export',
      target: '≤ 1 s',
      check: (v) => at(v, 1),
      scale,
    },
    {
      id: 'risks.export',
      label: 'risk register XLSX export',
      figure: 'risks.export',
      target: '≤ 15 s',
      check: (v) => at(v, 15),
      scale,
    },
    {
      id: 'server.rss',
      label: 'server peak RSS, all its processes',
      figure: 'server.rss',
      target: '≤ 512 MiB',
      check: (v) => at(v, 512),
      scale,
    },
  );
  return specs;
}

/** Each target against the figures of this run. */
export function evaluate(
  figures: readonly Figure[],
  specs: readonly TargetSpec[],
  run: { scale: number; connections: number },
): Verdict[] {
  const median = (id?: string) => (id ? (figures.find((f) => f.id === id)?.median ?? null) : null);
  return specs.map((s) => {
    const value = median(s.figure);
    const floor = median(s.floor);
    const ratio = value !== null && floor ? Math.round((value / floor) * 1000) / 1000 : null;
    const notes = [
      value === null ? 'not measured' : '',
      s.target && !s.check ? 'no earlier figure to compare with' : '',
      s.scale !== run.scale ? `target is for scale ${s.scale}, run at ${run.scale}` : '',
      s.connections && s.connections !== run.connections
        ? `target is for ${s.connections} connections, run at ${run.connections}`
        : '',
    ].filter(Boolean);
    return {
      id: s.id,
      label: s.label,
      target: s.target ?? null,
      value,
      met: value === null || !s.check ? null : s.check(value, ratio),
      floor,
      ratio,
      ...(notes.length ? { note: notes.join('; ') } : {}),
    };
  });
}
