import type { FieldError } from '../errors.ts';

/**
 * The scale of confidentiality, integrity and availability values: the one
 * place that knows it is 1–3. The risk method (4.2.1.c) will supply the
 * organization's own scale later; everything asks this module.
 */
export interface CiaScale {
  min: number;
  max: number;
}
export const DEFAULT_CIA_SCALE: CiaScale = { min: 1, max: 3 };

/** How an asset's value follows from its C/I/A values. */
export type ValueDerivation = 'max' | 'sum';

export interface CiaValues {
  confidentiality: number | null;
  integrity: number | null;
  availability: number | null;
}

export const CIA_PROPERTIES = ['confidentiality', 'integrity', 'availability'] as const;

/** The asset value: by default the highest of C, I and A; null while none is rated. */
export function deriveAssetValue(cia: CiaValues, derivation: ValueDerivation = 'max') {
  const rated = CIA_PROPERTIES.map((p) => cia[p]).filter((v): v is number => v !== null);
  if (rated.length === 0) return null;
  return derivation === 'sum' ? rated.reduce((a, b) => a + b, 0) : Math.max(...rated);
}

/** Whether a value lies on the scale (whole numbers from min to max). */
export function onScale(value: number, scale: CiaScale = DEFAULT_CIA_SCALE) {
  return Number.isInteger(value) && value >= scale.min && value <= scale.max;
}

/** Field errors for C/I/A values off the scale (null means "not rated" and is fine). */
export function ciaProblems(
  cia: Partial<CiaValues>,
  scale: CiaScale = DEFAULT_CIA_SCALE,
): FieldError[] {
  const problems: FieldError[] = [];
  for (const p of CIA_PROPERTIES) {
    const v = cia[p];
    if (v !== undefined && v !== null && !onScale(v, scale)) {
      problems.push({ field: p, code: 'cia_out_of_range', params: { ...scale } });
    }
  }
  return problems;
}

/** Whether any of C, I and A differs between two versions of an asset (its risks follow). */
export function ciaChanged(before: CiaValues, after: CiaValues) {
  return CIA_PROPERTIES.some((p) => before[p] !== after[p]);
}
