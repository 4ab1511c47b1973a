import type { ControlUsage } from '@mamoru/contracts';
import type { Executor } from '@mamoru/db';

/** Which control of which library (the library row's uuid and the control's ID). */
export interface ControlKey {
  organizationId: string;
  libraryUuid: string;
  controlId: string;
}

/**
 * Where a control is used: the risks it treats, its line in the Statement of
 * Applicability, the documents that implement it.
 *
 * A STUB, on purpose: the risk register, the SoA and documents do not exist
 * yet, so every list is empty. The shape is the contract the web app builds
 * against; each area fills its own list here when it arrives.
 */
export async function controlUsage(_db: Executor, _key: ControlKey): Promise<ControlUsage> {
  return { risks: [], soa: [], documents: [] };
}
