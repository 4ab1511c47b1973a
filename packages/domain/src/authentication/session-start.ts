import type { Db } from '@mamoru/db';
import * as authRepo from '@mamoru/db/repositories/authentication';
import * as sessionsRepo from '@mamoru/db/repositories/sessions';
import type { UserRow } from '@mamoru/db/repositories/users';
import { recordAudit } from '../audit/trail.ts';
import { actorForUser, type AuthSettings, type LoginMeta } from '../identity/sessions.ts';
import { newSecret, sha256 } from '../identity/secrets.ts';
import { initialStage, mfaRequiredFor, policyOf, type SessionStage } from './policy.ts';

export interface SignInHow {
  method: 'password' | 'oidc' | 'saml';
  providerId?: string | null;
  /** The IdP vouched for MFA and the organization trusts it for that. */
  idpMfaTrusted?: boolean;
}

/** The stage a new session of this user starts in (see policy.ts). */
export async function stageFor(db: Db, user: UserRow, how: SignInHow): Promise<SessionStage> {
  const [policy, confirmedFactors] = await Promise.all([
    authRepo.getAuthPolicy(db, user.organizationId),
    authRepo.countConfirmedFactors(db, user.organizationId, user.id),
  ]);
  return initialStage({
    required: mfaRequiredFor(policyOf(policy), user.roles),
    confirmedFactors,
    idpMfaTrusted: how.idpMfaTrusted ?? false,
  });
}

/**
 * Opens a session for a user whose first factor (password, OIDC, SAML) was
 * just proved: every sign-in method ends here, so rotation, the stage and the
 * audit entry are the same for all. The cookie token is returned once; the
 * table keeps its SHA-256.
 */
export async function openSession(
  db: Db,
  user: UserRow,
  meta: LoginMeta,
  s: AuthSettings,
  how: SignInHow,
) {
  const stage = await stageFor(db, user, how);
  const token = newSecret();
  const session = await db.transaction(async (tx) => {
    // Rotation: a log-in never keeps the session the browser came with.
    if (meta.previous) {
      await sessionsRepo.deleteSession(tx, meta.previous.organizationId, meta.previous.sessionId);
    }
    const row = await sessionsRepo.insertSession(tx, {
      id: sha256(token),
      organizationId: user.organizationId,
      userId: user.id,
      csrfToken: newSecret(24),
      expiresAt: new Date(Date.now() + s.sessionMaxSeconds * 1000),
      ipAddress: meta.ipAddress,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      stage,
      method: how.method,
      providerId: how.providerId ?? null,
      mfaMethod: stage === 'complete' && how.idpMfaTrusted ? 'idp' : null,
    });
    await recordAudit(tx, { actor: actorForUser(user), requestId: meta.requestId }, [
      {
        action: 'session.login',
        entityType: 'user',
        entityId: user.id,
        after: {
          ipAddress: meta.ipAddress,
          method: how.method,
          providerId: how.providerId ?? null,
          stage,
        },
      },
    ]);
    return row;
  });
  return { token, session, user, stage };
}
