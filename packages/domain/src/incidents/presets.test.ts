import { describe, expect, it } from 'vitest';
import { incidentObligationCreateSchema } from '@mamoru/contracts';
import { deadlineOf } from './clocks.ts';
import { OBLIGATION_PRESETS } from './presets.ts';

const byKey = (key: string) => {
  const preset = OBLIGATION_PRESETS.find((p) => p.key === key);
  if (!preset) throw new Error(`no preset ${key}`);
  return { ...preset, id: key, active: true };
};
// 23:30 JST on 1 April 2026.
const breach = {
  type: 'incident' as const,
  personalData: true,
  wrongfulIntent: false,
  discoveredAt: new Date('2026-04-01T14:30:00Z'),
};

describe('shipped notification obligations (APPI)', () => {
  it('are valid obligations, each with a unique key and a name in both languages', () => {
    expect(new Set(OBLIGATION_PRESETS.map((p) => p.key)).size).toBe(OBLIGATION_PRESETS.length);
    for (const p of OBLIGATION_PRESETS) {
      expect(incidentObligationCreateSchema.safeParse(p).success, p.key).toBe(true);
      expect(p.name.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(p.name.en).toMatch(/^[\x20-\x7e–]+$/);
    }
  });

  it('end the preliminary report 3 calendar days after discovery in Tokyo', () => {
    expect(deadlineOf(byKey('appi_preliminary'), breach, 'Asia/Tokyo')?.toISOString()).toBe(
      '2026-04-04T14:59:59.999Z',
    );
  });

  it('give the final report 30 days, 60 with wrongful intent', () => {
    const final = byKey('appi_final');
    expect(deadlineOf(final, breach, 'Asia/Tokyo')?.toISOString()).toBe('2026-05-01T14:59:59.999Z');
    expect(
      deadlineOf(final, { ...breach, wrongfulIntent: true }, 'Asia/Tokyo')?.toISOString(),
    ).toBe('2026-05-31T14:59:59.999Z');
  });

  it('track the notice to the persons concerned without a fixed clock', () => {
    expect(deadlineOf(byKey('appi_persons'), breach, 'Asia/Tokyo')).toBeNull();
  });
});
