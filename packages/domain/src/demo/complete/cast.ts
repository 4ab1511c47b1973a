import type { Db } from '@mamoru/db';
import * as usersRepo from '@mamoru/db/repositories/users';
import type { RequestContext } from '../../audit/trail.ts';
import { actorForUser } from '../../identity/sessions.ts';
import { decideApproval, listApprovals } from '../../approvals/service.ts';

/** The sample company's people who act in the completion, as they sign in. */
export interface DemoCast {
  /** 佐藤: the ISMS manager. */
  manager: RequestContext;
  /** 山田: the president, top management. */
  president: RequestContext;
  /** 鈴木: the IT manager. */
  itHead: RequestContext;
}

/** The people of the demo's first run, found by their sample addresses. */
export async function demoCast(db: Db, requestId: string | null = null): Promise<DemoCast> {
  const as = async (key: string) => {
    const user = await usersRepo.findUserByEmail(db, `${key}@demo.mamoru.example`);
    if (!user) throw new Error(`the demo has not run: no ${key}@demo.mamoru.example`);
    return { actor: actorForUser(user), requestId };
  };
  return { manager: await as('sato'), president: await as('yamada'), itHead: await as('suzuki') };
}

/** Top management works through its inbox: every request waiting for it is approved. */
export async function clearInbox(db: Db, cast: DemoCast) {
  for (let round = 0; round < 20; round++) {
    const page = await listApprovals(db, cast.president, { mine: 'true', limit: 100 });
    if (page.items.length === 0) return;
    for (const a of page.items)
      await decideApproval(db, cast.president, a.id, 'approved', '承認します');
  }
}

/** Every active person of the organization, as they sign in. */
export async function everyone(db: Db, cast: DemoCast): Promise<RequestContext[]> {
  const org = cast.manager.actor.organizationId;
  const users = await usersRepo.listUsers(db, org, {}, { limit: 500 });
  return users.items
    .filter((u) => u.active)
    .map((u) => ({ actor: actorForUser(u), requestId: null }));
}
