import { randomUUID } from 'node:crypto';
import * as usersRepo from '@mamoru/db/repositories/users';
import { approvals, sessions, type ApprovalRequest } from '@mamoru/domain';
import type { App } from './app.ts';
import type { Client } from './identity.ts';

/** The entity type of test-only objects that ask for approval (no ISMS area exists yet). */
export const TEST_ENTITY = 'test_widget';

/**
 * Asks for approval of a test object as the given signed-in user, through the
 * domain in a transaction, as an area will. Defaults to an ISMS policy (top
 * management approves, segregation of duties on).
 */
export async function requestTestApproval(
  app: App,
  requester: Client,
  input: Partial<ApprovalRequest> = {},
) {
  const db = app.database.db;
  const user = await usersRepo.getUser(db, requester.organization.id, requester.user.id);
  if (!user) throw new Error('requester not found');
  const ctx = { actor: sessions.actorForUser(user), requestId: `test-${randomUUID()}` };
  return db.transaction((tx) =>
    approvals.requestApproval(tx, ctx, {
      approvalType: 'isms_policy',
      entityType: TEST_ENTITY,
      entityId: randomUUID(),
      entityVersion: 1,
      title: 'Test widget v1',
      authorId: user.id,
      ...input,
    }),
  );
}
