import type { FastifyRequest } from 'fastify';
import type { Db } from '@mamoru/db';
import type { SessionInfo } from '@mamoru/contracts';
import { authentication, presentOrganization, presentUser, sessions } from '@mamoru/domain';

/**
 * The session summary the web app loads (GET /auth/session, log-in, every MFA
 * step). A session still owing its second factor carries no permissions: the
 * web shows it the MFA step and nothing else.
 */
export async function buildSessionInfo(
  db: Db,
  who: { userId: string; organizationId: string; sessionId: string | null; csrfToken: string },
): Promise<SessionInfo> {
  const { user } = (await sessions.resolveUserForInfo(db, who.organizationId, who.userId))!;
  const [org, session] = await Promise.all([
    sessions.sessionOrganization(db, who.organizationId),
    who.sessionId ? authentication.findSession(db, who.organizationId, who.sessionId) : null,
  ]);
  const auth = session
    ? await authentication.sessionAuthOf(db, session)
    : {
        // A bearer token: no sign-in behind it, nothing to step up.
        stage: 'complete' as const,
        method: 'password' as const,
        providerId: null,
        mfaMethod: null,
        authenticatedAt: new Date(0).toISOString(),
        stepUpMinutes: await authentication.stepUpMinutesOf(db, who.organizationId),
      };
  // A password an administrator set is replaced at the next password log-in; a person
  // signed in through their identity provider is not stopped by it.
  const presented = presentUser(user);
  if (auth.method !== 'password') presented.passwordChangeRequired = false;
  return {
    user: presented,
    organization: presentOrganization(org),
    permissions: auth.stage === 'complete' ? sessions.actorForUser(user).grants : {},
    csrfToken: who.csrfToken,
    auth,
  };
}

/** The summary of the caller's own session (after an MFA step, it is complete). */
export function sessionInfoOfRequest(db: Db, request: FastifyRequest) {
  const actor = request.actor!;
  return buildSessionInfo(db, {
    userId: actor.userId!,
    organizationId: actor.organizationId,
    sessionId: request.sessionId,
    csrfToken: request.csrfToken ?? '',
  });
}
