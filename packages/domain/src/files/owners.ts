import type { Executor } from '@mamoru/db';
import type { RequestContext } from '../audit/trail.ts';
import { invalid } from '../errors.ts';

/**
 * How files attached to one kind of object are authorized: like the object
 * itself. Each area registers its owner type (records register 'record', a
 * document version 'document_version', …). Both calls throw a DomainError
 * (404 when the object is not visible, 403/409 when it may not change).
 */
export interface FileOwnerAccess {
  /** The caller may see the object, hence list and download its files. */
  authorizeRead(db: Executor, ctx: RequestContext, ownerId: string): Promise<void>;
  /** The caller may attach files to the object or detach them now. */
  authorizeWrite(db: Executor, ctx: RequestContext, ownerId: string): Promise<void>;
  /**
   * Set when deleting a file of this owner needs a second person's approval
   * (records: the disposal approval). `blocker` names what bars the deletion
   * when the approval comes (e.g. `legal_hold`), or null.
   */
  deletionApproval?: {
    approvalType: string;
    blocker(db: Executor, organizationId: string, ownerId: string): Promise<string | null>;
  };
}

// Code, not state: the same map in every server instance.
const owners = new Map<string, FileOwnerAccess>();

export function registerFileOwner(ownerType: string, access: FileOwnerAccess) {
  owners.set(ownerType, access);
}

export function fileOwnerAccess(ownerType: string, field = 'ownerType'): FileOwnerAccess {
  const access = owners.get(ownerType);
  if (!access) throw invalid([{ field, code: 'file_owner_type_unknown', params: { ownerType } }]);
  return access;
}
