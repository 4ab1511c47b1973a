import { displayIdIn } from '@mamoru/contracts';

/** A control named by its control ID (SoA entries, diffs, blockers), shown in the reader's form. */
export function controlIdIn(entry: { controlId: string; displayId: string }, lang: string) {
  return displayIdIn({ id: entry.controlId, displayId: entry.displayId }, lang);
}

/** An enclosing objective or domain that may be absent (own controls have none). */
export function groupIdIn(id: string | null, displayId: string | null, lang: string) {
  return id && displayId ? displayIdIn({ id, displayId }, lang) : displayId;
}
