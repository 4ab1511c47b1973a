import { describe, expect, it } from 'vitest';
import { shippedLibrary } from '@mamoru/catalog';
import { EXCLUSIONS_ITEM, evaluateConformity, requirementItems } from '../engine.ts';
import { emptySnapshot } from '../fixtures.ts';
import { GUIDANCE, guidanceOf } from './index.ts';

/** Pages of the web app the guidance may send a reader to (the first path segment). */
const AREAS = new Set([
  'scope',
  'assets',
  'risks',
  'statement-of-applicability',
  'treatment-plan',
  'documents',
  'records',
  'people',
  'training',
  'incidents',
  'objectives',
  'controls',
  'resources',
  'legal',
  'internal-audits',
  'management-review',
  'isms-events',
  'conformity',
  'corrective-actions',
  'improvement',
]);

describe('guidance: how every item of the criteria can be met', async () => {
  const lib = (await shippedLibrary('jipdec-isms-2.0'))!;
  const ids = [EXCLUSIONS_ITEM.id, ...requirementItems(lib).items.map((f) => f.node.id)];

  it('has an entry for every leaf requirement item and the exclusions rule', () => {
    const missing = ids.filter((id) => !GUIDANCE[id]);
    expect(missing).toEqual([]);
    expect(ids.length).toBeGreaterThanOrEqual(113);
  });

  it('has no entry for an ID the library does not hold (a typo would hide a missing one)', () => {
    const known = new Set(ids);
    expect(Object.keys(GUIDANCE).filter((id) => !known.has(id))).toEqual([]);
  });

  it('says it in both languages, briefly, and points at a page of the app', () => {
    for (const id of ids) {
      const { text, path } = GUIDANCE[id]!;
      expect(text.ja, id).toMatch(/[ぁ-んァ-ン一-龥]/);
      expect(text.en, id).toMatch(/^[A-Z]/);
      expect(text.ja.length, id).toBeLessThanOrEqual(90);
      expect(text.en.length, id).toBeLessThanOrEqual(160);
      expect(AREAS.has(path.split(/[/?]/)[1]!), `${id} ${path}`).toBe(true);
    }
  });

  it('is carried by every evaluated item, whatever its status', () => {
    const r = evaluateConformity(lib, emptySnapshot());
    for (const item of r.items) expect(item.guidance, item.id).toEqual(GUIDANCE[item.id]);
    expect(r.items.find((i) => i.id === '5.2.1.c')!.guidance.path).toBe('/legal');
  });

  it('falls back to the conformity view for an ID of a newer library', () => {
    expect(guidanceOf('9.9.z')).toMatchObject({ path: '/conformity' });
  });
});
