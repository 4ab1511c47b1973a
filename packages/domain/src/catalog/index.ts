// The catalog area: shipped and imported libraries, own controls, the licensed-text overlay.
export * from './service.ts';
export { syncShippedLibraries, type SyncResult } from './sync.ts';
export { controlUsage, type ControlKey } from './usage.ts';
export { libraryContentHash, normalizeForSearch } from './nodes.ts';
