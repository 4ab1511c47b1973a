import type { Db } from '@mamoru/db';
import * as authRepo from '@mamoru/db/repositories/authentication';
import type { SessionRow } from '@mamoru/db/repositories/sessions';
import type { SessionAuth } from '@mamoru/contracts';
import { stepUpMinutesOf } from './step-up.ts';

/** How a session signed in and how fresh it is, for the session summary the web loads. */
export async function sessionAuthOf(db: Db, session: SessionRow): Promise<SessionAuth> {
  return {
    stage: session.stage as SessionAuth['stage'],
    method: session.method as SessionAuth['method'],
    providerId: session.providerId,
    mfaMethod: session.mfaMethod as SessionAuth['mfaMethod'],
    authenticatedAt: session.authenticatedAt.toISOString(),
    stepUpMinutes: await stepUpMinutesOf(db, session.organizationId),
  };
}

/** The session row by its id (hash) within the organization, or null. */
export async function findSession(db: Db, organizationId: string, sessionId: string) {
  return authRepo.getSession(db, organizationId, sessionId);
}
