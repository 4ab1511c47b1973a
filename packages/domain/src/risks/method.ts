import type { LocalizedText } from '@mamoru/contracts';
import type { FieldError } from '../errors.ts';

/**
 * The organization's risk method (4.2.1.c): its scales, how asset value comes
 * from C/I/A, the formula, the level bands and the acceptable level. Pure
 * rules only; the database recomputes stored risks from the same definition.
 */
export interface ScaleLevel {
  value: number;
  label: LocalizedText;
}
export type Scale = readonly ScaleLevel[];

export type Property = 'confidentiality' | 'integrity' | 'availability';
export type AssetValueDerivation = 'max' | 'sum' | 'per_property';

export type Formula =
  /** asset value × threat × vulnerability (common Japanese practice, 1–27 on three 1–3 scales). */
  | { kind: 'multiplicative' }
  /** asset value + threat + vulnerability, as the ISO/IEC 27005 Annex E lookup matrix (0–8). */
  | { kind: 'additive' }
  /** an editable grid: value = grid[likelihood index][impact index]. */
  | { kind: 'likelihood_impact'; grid: number[][] };

export interface RiskBand {
  /** Inclusive lower bound of the band's risk values. */
  min: number;
  label: LocalizedText;
  color: string;
}

export interface RiskMethod {
  ciaScale: Scale;
  derivation: AssetValueDerivation;
  threatScale: Scale;
  vulnerabilityScale: Scale;
  /** Used by the likelihood × impact formula only. */
  likelihoodScale: Scale;
  impactScale: Scale;
  formula: Formula;
  /** Ordered by min ascending; the first band starts at the lowest possible value. */
  bands: readonly RiskBand[];
  /** A risk whose value is at or below this is accepted by the criteria. */
  acceptableLevel: number;
}

export interface Cia {
  confidentiality: number;
  integrity: number;
  availability: number;
}

const PROPERTIES: readonly Property[] = ['confidentiality', 'integrity', 'availability'];

/** Asset value for a risk: with per-property scoring only the properties the threat affects count. */
export function assetValue(
  method: RiskMethod,
  cia: Cia,
  affects: readonly Property[] = PROPERTIES,
) {
  const props = method.derivation === 'per_property' && affects.length ? affects : PROPERTIES;
  const values = props.map((p) => cia[p]);
  return method.derivation === 'sum' ? values.reduce((a, b) => a + b, 0) : Math.max(...values);
}

export interface RiskInputs {
  assetValue: number;
  threat: number;
  vulnerability: number;
  /** For likelihood × impact: values on those scales. */
  likelihood?: number;
  impact?: number;
}

function indexOn(scale: Scale, value: number | undefined, name: string) {
  const i = scale.findIndex((l) => l.value === value);
  if (i < 0) throw new RangeError(`${name} ${String(value)} is not on the scale`);
  return i;
}

export function riskValue(method: RiskMethod, r: RiskInputs): number {
  switch (method.formula.kind) {
    case 'multiplicative':
      return r.assetValue * r.threat * r.vulnerability;
    case 'additive':
      return r.assetValue + r.threat + r.vulnerability;
    case 'likelihood_impact': {
      const li = indexOn(method.likelihoodScale, r.likelihood, 'likelihood');
      const ii = indexOn(method.impactScale, r.impact, 'impact');
      return method.formula.grid[li]![ii]!;
    }
  }
}

/** The band a value falls in: the last band whose minimum it reaches. */
export function riskBand(method: RiskMethod, value: number): RiskBand {
  let band = method.bands[0]!;
  for (const b of method.bands) if (value >= b.min) band = b;
  return band;
}

export type Evaluation = 'accept' | 'treat';
export function evaluate(method: RiskMethod, value: number): Evaluation {
  return value <= method.acceptableLevel ? 'accept' : 'treat';
}

const values = (s: Scale) => s.map((l) => l.value);
const range = (s: Scale) => ({ min: Math.min(...values(s)), max: Math.max(...values(s)) });

/** The asset values the method can produce (for derivation 'sum', three properties add up). */
export function assetValueRange(method: RiskMethod) {
  const { min, max } = range(method.ciaScale);
  return method.derivation === 'sum' ? { min: 3 * min, max: 3 * max } : { min, max };
}

export interface MatrixPreview {
  rows: { axis: 'asset_value' | 'likelihood'; value: number }[];
  columns: {
    axis: 'threat_vulnerability' | 'impact';
    threat?: number;
    vulnerability?: number;
    value?: number;
  }[];
  cells: { value: number; band: RiskBand; evaluation: Evaluation }[][];
}

/** Every cell the method produces, for the preview shown before a method is approved. */
export function previewMatrix(method: RiskMethod): MatrixPreview {
  const cell = (v: number) => ({
    value: v,
    band: riskBand(method, v),
    evaluation: evaluate(method, v),
  });
  if (method.formula.kind === 'likelihood_impact') {
    return {
      rows: method.likelihoodScale.map((l) => ({ axis: 'likelihood' as const, value: l.value })),
      columns: method.impactScale.map((l) => ({ axis: 'impact' as const, value: l.value })),
      cells: method.likelihoodScale.map((l) =>
        method.impactScale.map((i) =>
          cell(
            riskValue(method, {
              assetValue: 0,
              threat: 0,
              vulnerability: 0,
              likelihood: l.value,
              impact: i.value,
            }),
          ),
        ),
      ),
    };
  }
  const { min, max } = assetValueRange(method);
  const assetValues = Array.from({ length: max - min + 1 }, (_, k) => min + k);
  const columns = method.threatScale.flatMap((t) =>
    method.vulnerabilityScale.map((v) => ({
      axis: 'threat_vulnerability' as const,
      threat: t.value,
      vulnerability: v.value,
    })),
  );
  return {
    rows: assetValues.map((value) => ({ axis: 'asset_value' as const, value })),
    columns,
    cells: assetValues.map((a) =>
      columns.map((c) =>
        cell(
          riskValue(method, { assetValue: a, threat: c.threat, vulnerability: c.vulnerability }),
        ),
      ),
    ),
  };
}

/** Structural problems of a method, each naming the field. */
export function methodProblems(method: RiskMethod): FieldError[] {
  const problems: FieldError[] = [];
  const scales = [
    'ciaScale',
    'threatScale',
    'vulnerabilityScale',
    'likelihoodScale',
    'impactScale',
  ] as const;
  for (const name of scales) {
    const v = values(method[name]);
    if (v.length < 2) problems.push({ field: name, code: 'scale_too_short' });
    if (new Set(v).size !== v.length) problems.push({ field: name, code: 'scale_duplicate_value' });
    if (v.some((x, i) => i > 0 && x <= v[i - 1]!))
      problems.push({ field: name, code: 'scale_not_ascending' });
    if (v.some((x) => !Number.isInteger(x) || x < 0))
      problems.push({ field: name, code: 'scale_value_invalid' });
  }
  if (method.formula.kind === 'likelihood_impact') {
    const { grid } = method.formula;
    const ok =
      grid.length === method.likelihoodScale.length &&
      grid.every((row) => row.length === method.impactScale.length);
    if (!ok) problems.push({ field: 'formula.grid', code: 'grid_shape' });
  }
  if (method.bands.length === 0) problems.push({ field: 'bands', code: 'bands_empty' });
  if (method.bands.some((b, i) => i > 0 && b.min <= method.bands[i - 1]!.min)) {
    problems.push({ field: 'bands', code: 'bands_not_ascending' });
  }
  if (problems.length === 0) {
    const all = previewMatrix(method)
      .cells.flat()
      .map((c) => c.value);
    if (Math.min(...all) < method.bands[0]!.min)
      problems.push({ field: 'bands', code: 'bands_gap_below' });
    if (method.acceptableLevel < Math.min(...all) || method.acceptableLevel > Math.max(...all)) {
      problems.push({ field: 'acceptableLevel', code: 'acceptable_out_of_range' });
    }
  }
  return problems;
}
