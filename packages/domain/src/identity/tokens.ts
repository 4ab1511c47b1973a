import type { Db } from '@mamoru/db';
import * as tokensRepo from '@mamoru/db/repositories/tokens';
import { DomainError, invalid, notFound } from '../errors.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import type { Actor } from './actor.ts';
import {
  grantsOf,
  isPermission,
  isRole,
  restrictGrants,
  type Permission,
  type Role,
} from './permissions.ts';
import { newSecret, sha256 } from './secrets.ts';
import { userMayAct } from './sessions.ts';

export const TOKEN_PREFIX = 'mamoru_pat_';

function requireUser(actor: Actor): string {
  // Tokens are made by people in a browser session, never by other tokens.
  if (actor.kind !== 'user' || !actor.userId)
    throw new DomainError('forbidden', 'tokens_user_only');
  return actor.userId;
}

/** A token carries a subset of its creator's rights; the secret is returned once. */
export async function createToken(
  db: Db,
  ctx: RequestContext,
  input: { name: string; permissions: string[]; expiresInDays: number },
) {
  const userId = requireUser(ctx.actor);
  const unknown = input.permissions.filter((p) => !isPermission(p));
  if (unknown.length)
    throw invalid([
      { field: 'permissions', code: 'permission_unknown', params: { names: unknown.join(', ') } },
    ]);
  const notHeld = input.permissions.filter((p) => !ctx.actor.grants[p as Permission]);
  if (notHeld.length)
    throw invalid([
      { field: 'permissions', code: 'permission_not_held', params: { names: notHeld.join(', ') } },
    ]);
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  return db.transaction(async (tx) => {
    const row = await tokensRepo.insertToken(tx, {
      organizationId: ctx.actor.organizationId,
      userId,
      name: input.name,
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      tokenHash: sha256(secret),
      permissions: [...new Set(input.permissions)],
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
    });
    const { tokenHash: _h, ...safe } = row;
    await recordAudit(tx, ctx, [
      { action: 'token.created', entityType: 'api_token', entityId: row.id, after: safe },
    ]);
    return { row, secret };
  });
}

export async function listTokens(db: Db, actor: Actor) {
  return tokensRepo.listTokens(db, actor.organizationId, requireUser(actor));
}

export async function revokeToken(db: Db, ctx: RequestContext, tokenId: string) {
  const userId = requireUser(ctx.actor);
  const token = await tokensRepo.getToken(db, ctx.actor.organizationId, tokenId);
  if (!token || token.userId !== userId) throw notFound('api_token');
  return db.transaction(async (tx) => {
    const row = await tokensRepo.revokeToken(tx, ctx.actor.organizationId, tokenId);
    if (row)
      await recordAudit(tx, ctx, [
        { action: 'token.revoked', entityType: 'api_token', entityId: tokenId },
      ]);
    return row ?? token;
  });
}

/** The actor behind a bearer token: the token's permissions, narrowed to what its user still holds. */
export async function resolveToken(db: Db, secret: string): Promise<Actor | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const found = await tokensRepo.useToken(db, sha256(secret));
  if (!found || !userMayAct(found.user)) return null;
  const roles = found.user.roles.filter(isRole) as Role[];
  return {
    kind: 'token',
    userId: found.user.id,
    organizationId: found.user.organizationId,
    displayName: `${found.user.displayName} (${found.token.name})`,
    roles,
    grants: restrictGrants(grantsOf(roles), found.token.permissions.filter(isPermission)),
    locale: found.user.locale === 'en' ? 'en' : 'ja',
  };
}
