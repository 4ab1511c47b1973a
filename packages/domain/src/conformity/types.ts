import type { ConformityLink, ConformityStatus, LocalizedText, PdcaPhase } from '@mamoru/contracts';
import type { ConformityFacts } from '@mamoru/db/repositories/conformity';

/**
 * What the rules see: the facts the data layer aggregated, plus the date of
 * the evaluation and the annex control IDs of the criteria (exclusions must
 * name one of them).
 */
export interface ConformitySnapshot extends ConformityFacts {
  /** YYYY-MM-DD, the day of the evaluation (rules compare due dates with it). */
  today: string;
  annexControlIds: ReadonlySet<string>;
}

export type FactValue = number | string | boolean | null | string[];

/** The result of one rule. */
export interface Evaluation {
  status: ConformityStatus;
  explanation: LocalizedText;
  links: ConformityLink[];
  /** The facts the rule looked at, as shown to the user and in exports. */
  data: Record<string, FactValue>;
}

/** One rule per requirement item ID: a pure function of the snapshot. */
export type Rule = (s: ConformitySnapshot) => Evaluation;

export type { ConformityLink, ConformityStatus, LocalizedText, PdcaPhase };
