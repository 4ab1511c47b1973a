import type { Db } from '@mamoru/db';
import * as scimRepo from '@mamoru/db/repositories/scim-users';
import type { ScimProviderRow } from '@mamoru/db/repositories/scim-users';
import type { RequestContext } from '../audit/trail.ts';
import type { Actor } from '../identity/actor.ts';
import { sha256 } from '../identity/secrets.ts';

/**
 * The SCIM bearer token: only its SHA-256 is stored on the identity provider
 * (issued once by the provider settings). A token names exactly one provider,
 * hence one organization: every SCIM request is bounded by it.
 */

export interface ScimCaller {
  provider: ScimProviderRow;
  requestId: string | null;
}

export type ScimTokenCheck =
  | { ok: true; provider: ScimProviderRow }
  | {
      ok: false;
      /** The organization the refusal belongs to, when the token points at one. */
      organizationId: string | null;
      reason: 'scim_token_invalid' | 'scim_provider_disabled';
    };

export async function checkScimToken(db: Db, token: string): Promise<ScimTokenCheck> {
  if (!token || token.length > 512) {
    return { ok: false, organizationId: null, reason: 'scim_token_invalid' };
  }
  const provider = await scimRepo.providerByScimTokenHash(db, sha256(token));
  if (provider?.enabled) return { ok: true, provider };
  if (provider) {
    return {
      ok: false,
      organizationId: provider.organizationId,
      reason: 'scim_provider_disabled',
    };
  }
  // A wrong or replaced token that still carries a provider's prefix: its organization sees it.
  const near = await scimRepo.providersByScimTokenPrefix(db, token);
  return {
    ok: false,
    organizationId: near.length === 1 ? near[0]!.organizationId : null,
    reason: 'scim_token_invalid',
  };
}

/** The system acting for the IdP: audit entries name the provider. */
export function scimActor(provider: ScimProviderRow): Actor {
  return {
    kind: 'system',
    userId: null,
    organizationId: provider.organizationId,
    displayName: provider.name,
    roles: [],
    grants: {},
  };
}

export function scimContext(caller: ScimCaller): RequestContext {
  return { actor: scimActor(caller.provider), requestId: caller.requestId };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Resource ids are uuids; anything else is simply not found (never a database error). */
export const isUuid = (value: string) => UUID.test(value);
