import type { Target } from './measure.ts';

/** The issue's targets, on this 2-core machine; the figures' ids are those main.ts records. */
export const TARGETS: readonly Target[] = [
  { figure: 'import.ratio', label: 'asset import vs COPY', limit: '≤ 4×', check: (v) => v <= 4 },
  {
    figure: 'assets.list.p99',
    label: 'GET /assets p99',
    limit: '≤ 50 ms',
    check: (v) => v <= 50,
  },
  {
    figure: 'assets.list.ratio',
    label: 'GET /assets throughput vs bare',
    limit: '≥ 25%',
    check: (v) => v >= 0.25,
  },
  { figure: 'risks.list.p99', label: 'GET /risks p99', limit: '≤ 50 ms', check: (v) => v <= 50 },
  {
    figure: 'risks.list.ratio',
    label: 'GET /risks throughput vs bare',
    limit: '≥ 25%',
    check: (v) => v >= 0.25,
  },
  {
    figure: 'risks.recompute',
    label: 'risk recompute after a method change',
    limit: '≤ 5 s',
    check: (v) => v <= 5,
  },
  { figure: 'conformity', label: 'conformity check', limit: '≤ 2 s', check: (v) => v <= 2 },
  { figure: 'soa.export', label: 'SoA XLSX export', limit: '≤ 1 s', check: (v) => v <= 1 },
  {
    figure: 'risks.export',
    label: 'risk register XLSX export',
    limit: '≤ 15 s',
    check: (v) => v <= 15,
  },
  { figure: 'server.rss', label: 'server peak RSS', limit: '≤ 512 MiB', check: (v) => v <= 512 },
];
