import type { ConformityGuidance } from '@mamoru/contracts';
import { DOCUMENTATION } from './documentation.ts';
import { ESTABLISH } from './establish.ts';
import { MANAGEMENT } from './management.ts';
import { OPERATE } from './operate.ts';
import { REVIEW_IMPROVE } from './review-improve.ts';
import type { GuidanceTable } from './shape.ts';

/**
 * How every item of the criteria can be met: one entry per requirement item
 * ID (and the exclusions rule), split by clause. A test holds it complete.
 */
export const GUIDANCE: GuidanceTable = {
  ...ESTABLISH,
  ...OPERATE,
  ...DOCUMENTATION,
  ...MANAGEMENT,
  ...REVIEW_IMPROVE,
};

/**
 * The guidance of an item. An ID without an entry (a library newer than this
 * table) points at the conformity view rather than failing the evaluation.
 */
export function guidanceOf(id: string): ConformityGuidance {
  return (
    GUIDANCE[id] ?? {
      text: {
        ja: 'この項目を示す記録をMamoruに登録してください。',
        en: 'Record the evidence of this item in Mamoru.',
      },
      path: '/conformity',
    }
  );
}
