import type { Locale } from '@mamoru/contracts';
import type { Actor, Permission } from '@mamoru/domain';
import type { Database } from '@mamoru/db';
import type { Config } from './config.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language of messages for this caller. */
    locale: Locale;
  }
  interface FastifyInstance {
    config: Config;
    database: Database;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller, resolved from the session cookie or a bearer token; null when anonymous. */
    actor: Actor | null;
    /** The session id (hash) when the caller came with a session cookie. */
    sessionId: string | null;
    csrfToken: string | null;
    /** The session's user must replace an administrator-set password first. */
    passwordChangeRequired: boolean;
  }
  interface FastifyContextConfig {
    /** The permission the route needs; every /api/v1 route declares one of these three. */
    permission?: Permission;
    /** Any signed-in caller (own profile, own tokens, log-out). */
    authenticated?: boolean;
    /** No sign-in needed (set-up, log-in, health). */
    public?: boolean;
    /** Open while the caller must still change an administrator-set password. */
    duringPasswordChange?: boolean;
  }
}
