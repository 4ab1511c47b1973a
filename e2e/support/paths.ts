import { fileURLToPath } from 'node:url';

/** The repository root (this file is e2e/support/paths.ts). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const webDir = fileURLToPath(new URL('../../apps/web/', import.meta.url));
export const webDist = fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));
/** Screenshots and traces; gitignored. */
export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));
