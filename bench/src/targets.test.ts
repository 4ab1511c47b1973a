import { describe, expect, it } from 'vitest';
import type { Figure } from './measure.ts';
import { evaluate, PREVIOUS, targetsFor } from './targets.ts';

const figure = (id: string, median: number | null): Figure => ({
  id,
  label: id,
  unit: '',
  median,
  runs: median === null ? [] : [median],
});

describe('targets', () => {
  it('judges lists on PostgreSQL by their share of the pgbench floor and p99 with 2 processes', () => {
    const figures = [
      figure('assets.list.rps', 600),
      figure('assets.list.floor', 1000),
      figure('risks.list.rps', 400),
      figure('risks.list.floor', 1000),
      figure('assets.list.proc2.p99', 45),
      figure('risks.list.proc2.p99', 51),
      figure('bare.rps', 20000),
      figure('assets.list.perCore', (3 * PREVIOUS.assetsListRps) / PREVIOUS.cores),
      figure('risks.list.perCore', 100),
    ];
    const v = evaluate(figures, targetsFor('postgres', 2), { scale: 1, connections: 50 });
    const by = (id: string) => v.find((x) => x.id === id)!;
    expect(by('assets.list.floor')).toMatchObject({
      value: 600,
      floor: 1000,
      ratio: 0.6,
      met: true,
    });
    expect(by('risks.list.floor')).toMatchObject({ ratio: 0.4, met: false });
    expect(by('assets.list.p99').met).toBe(true);
    expect(by('risks.list.p99').met).toBe(false);
    expect(by('assets.list.perCore').met).toBe(true);
    expect(by('risks.list.perCore').met).toBe(false);
    // Information: a ratio, no verdict.
    expect(by('assets.list.bare')).toMatchObject({ ratio: 0.03, met: null, target: null });
    expect(by('risks.recompute')).toMatchObject({ value: null, met: null, note: 'not measured' });
  });

  it('uses the embedded limits and notes a run off the target size or connections', () => {
    const figures = [
      figure('risks.recompute', 0.9),
      figure('assets.list.p99', 260),
      figure('import', 3),
      figure('import.indexedFloor', 1),
      figure('import.constrainedFloor', 1.5),
      figure('copy', 0.1),
      figure('risks.heatmap', PREVIOUS.heatmapEmbeddedSeconds),
      figure('risks.filter.evaluation', 0.02),
    ];
    const v = evaluate(figures, targetsFor('embedded', 1), { scale: 0.02, connections: 50 });
    const by = (id: string) => v.find((x) => x.id === id)!;
    expect(by('risks.recompute')).toMatchObject({ target: '≤ 1 s', met: true });
    expect(by('assets.list.p99')).toMatchObject({ target: '≤ 250 ms', met: false });
    expect(by('assets.list.p99').note).toMatch(/10 connections, run at 50/);
    expect(by('import.indexed')).toMatchObject({ ratio: 3, met: false });
    expect(by('import.copy')).toMatchObject({ ratio: 30, met: null });
    expect(by('import.constrained')).toMatchObject({ ratio: 2, met: null, target: null });
    expect(by('risks.heatmap').met).toBe(true);
    expect(by('risks.heatmap').note).toMatch(/scale 0.1, run at 0.02/);
    // No earlier register-filter figure yet: recorded, not judged.
    expect(by('risks.filter.evaluation')).toMatchObject({ value: 0.02, met: null });
    expect(v.some((x) => x.id.includes('floor') && x.id.includes('list'))).toBe(false);
  });
});
