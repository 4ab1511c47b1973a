// Evidence files: the store, the owner-type authorization map and verification.
export * from './service.ts';
export { registerFileOwner, fileOwnerAccess, type FileOwnerAccess } from './owners.ts';
export {
  databaseFileStorage,
  CHUNK_SIZE,
  type FileStorage,
  type StoredContent,
} from './storage.ts';
export { detectMediaType, isAllowedMediaType } from './detect.ts';
export { verifyStoredFiles, type FileVerification } from './verify.ts';
export { presentFile } from './presenters.ts';
