import type { EvidenceFile } from '@mamoru/contracts';
import type { FileView } from '@mamoru/db/repositories/files';

export function presentFile(f: FileView): EvidenceFile {
  return {
    id: f.id,
    sha256: f.sha256,
    size: f.size,
    mediaType: f.mediaType,
    originalName: f.originalName,
    owner: { type: f.ownerType, id: f.ownerId },
    uploadedBy: f.uploadedBy ? { id: f.uploadedBy, name: f.uploadedByName ?? '' } : null,
    integrityFailedAt: f.integrityFailedAt ? f.integrityFailedAt.toISOString() : null,
    createdAt: f.createdAt.toISOString(),
  };
}
