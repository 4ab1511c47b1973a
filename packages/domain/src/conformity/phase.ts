import type { PdcaPhase } from './types.ts';

const matches = (id: string, prefix: string) => id === prefix || id.startsWith(`${prefix}.`);

/** The PDCA phase an item belongs to, by its clause. */
export function phaseOf(id: string): PdcaPhase {
  if (matches(id, '4.2.2') || matches(id, '4.3') || matches(id, '5.2')) return 'do';
  if (matches(id, '4.2.3') || matches(id, '6')) return 'check';
  if (matches(id, '4.2.4') || matches(id, '7')) return 'act';
  return 'plan';
}
