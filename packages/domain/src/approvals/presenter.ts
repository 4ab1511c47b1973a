import type { Executor } from '@mamoru/db';
import type { ApprovalRow } from '@mamoru/db/repositories/approvals';
import { displayNames } from '@mamoru/db/repositories/users';
import type { Approval } from '@mamoru/contracts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Approvals as the API shows them, with the people's names looked up in one query. */
export async function presentApprovals(
  db: Executor,
  organizationId: string,
  rows: ApprovalRow[],
): Promise<Approval[]> {
  const ids = rows.flatMap((a) =>
    [a.authorId, a.requestedBy, a.assigneeUserId, a.decidedBy].filter((x): x is string => !!x),
  );
  const names = await displayNames(db, organizationId, ids);
  const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  return rows.map((a) => ({
    ...a,
    requestedAt: a.requestedAt.toISOString(),
    decidedAt: iso(a.decidedAt),
    assigneeRole: a.assigneeRole as Approval['assigneeRole'],
    status: a.status as Approval['status'],
    names: {
      author: name(a.authorId),
      requestedBy: name(a.requestedBy),
      assignee: name(a.assigneeUserId),
      decidedBy: name(a.decidedBy),
    },
  }));
}
