import { expect } from 'vitest';
import type { Evaluation } from '../types.ts';

/** Test helpers of the people rules. */

/** The hrefs of the gap links, in order. */
export const gapHrefs = (e: Evaluation) =>
  e.links.filter((l) => l.kind === 'gap').map((l) => l.href);

/** No stored code (not_effective, due_soon, audience_all…) leaks into a text. */
export function readable(e: Evaluation) {
  for (const text of [e.explanation.ja, e.explanation.en, ...e.links.map((l) => l.label.en)]) {
    expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  }
  expect(e.explanation.ja).not.toMatch(/[a-z]{4,}/);
}
