// Test-only: the reference files in ../shared beside the repository (the
// standard's text, NIST's OSCAL schemas). A user's fresh clone has no
// ../shared, so tests that need it skip themselves by name.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root: this file is packages/catalog/src/testing/shared.ts. */
export const repoRoot = new URL('../../../../', import.meta.url);
/** ../shared from the repository root; MAMORU_SHARED_DIR overrides it (e.g. to check the skips). */
export const sharedDir = process.env.MAMORU_SHARED_DIR
  ? pathToFileURL(`${process.env.MAMORU_SHARED_DIR.replace(/\/+$/, '')}/`)
  : new URL('../shared/', repoRoot);

export function sharedPath(relative: string): string {
  return fileURLToPath(new URL(relative, sharedDir));
}

export function hasShared(relative: string): boolean {
  return existsSync(sharedPath(relative));
}

export function readShared(relative: string): string {
  return readFileSync(sharedPath(relative), 'utf8');
}

export function readSharedJson(relative: string): unknown {
  return JSON.parse(readShared(relative));
}
