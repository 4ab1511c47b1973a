import { describe, expect, it } from 'vitest';
import { findControl, shippedLibrary } from '@mamoru/catalog';
import { requirementItems } from '../conformity/engine.ts';
import { DEMO_AUDITORS, DEMO_CLOSED_LINES, fiscalYearOf } from './audits.ts';

describe('demo internal audits', () => {
  it('checks requirement items and annex controls that exist in the shipped criteria', async () => {
    const lib = (await shippedLibrary('jipdec-isms-2.0'))!;
    const items = new Set(requirementItems(lib).items.map((f) => f.node.id));
    for (const line of DEMO_CLOSED_LINES) {
      if (line.kind === 'requirement') expect(items.has(line.refId), line.refId).toBe(true);
      else expect(findControl(lib, line.refId), line.refId).toBeDefined();
    }
  });

  it('raises a minor nonconformity and an observation, with notes in Japanese', () => {
    expect(DEMO_CLOSED_LINES.map((l) => l.result)).toEqual(
      expect.arrayContaining(['minor_nc', 'observation', 'conform']),
    );
    for (const text of [
      ...DEMO_CLOSED_LINES.map((l) => l.notes),
      ...DEMO_AUDITORS.flatMap((a) => [a.ja, a.qualifications, a.training]),
    ]) {
      expect(text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  it('counts fiscal years from April', () => {
    expect(fiscalYearOf(new Date('2026-03-31T12:00:00Z'))).toBe(2025);
    expect(fiscalYearOf(new Date('2026-04-01T00:00:00Z'))).toBe(2026);
    expect(fiscalYearOf(new Date('2026-12-06T00:00:00Z'))).toBe(2026);
  });
});
