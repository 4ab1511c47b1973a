import type { ConformityGuidance } from '@mamoru/contracts';

/**
 * One guidance entry: where in Mamoru the item is evidenced (a path of the web
 * app) and, in our own words, what has to be shown there.
 */
export const g = (path: string, ja: string, en: string): ConformityGuidance => ({
  text: { ja, en },
  path,
});

export type GuidanceTable = Readonly<Record<string, ConformityGuidance>>;
