import { z } from 'zod';

/** The kinds of object a file can be attached to (areas register more as they arrive). */
export const fileOwnerTypeSchema = z.string().trim().min(1).max(64);

export const fileSchema = z
  .object({
    id: z.uuid(),
    /** Hex SHA-256 of the content: the store keeps each content once per organization. */
    sha256: z.string(),
    size: z.number().int(),
    /** Detected from the bytes, never from the name. */
    mediaType: z.string(),
    originalName: z.string(),
    owner: z.object({ type: z.string(), id: z.uuid() }),
    uploadedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    /**
     * When a download found the stored bytes no longer matching `sha256`
     * (altered or missing); such a file is no longer served (409).
     */
    integrityFailedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'EvidenceFile' });
export type EvidenceFile = z.infer<typeof fileSchema>;

export const fileOwnerQuerySchema = z.object({
  ownerType: fileOwnerTypeSchema,
  ownerId: z.uuid(),
});

export const fileListQuerySchema = fileOwnerQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

/** Content types an upload may have, as detected from its first bytes. */
export const ALLOWED_FILE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/zip',
  'text/plain',
  'text/csv',
] as const;

/** One file `mamoru evidence verify` found wrong. */
export const fileVerificationProblemSchema = z.object({
  organizationId: z.uuid(),
  sha256: z.string(),
  problem: z.enum(['missing', 'altered']),
  files: z.array(z.object({ id: z.uuid(), originalName: z.string() })),
});
export type FileVerificationProblem = z.infer<typeof fileVerificationProblemSchema>;
