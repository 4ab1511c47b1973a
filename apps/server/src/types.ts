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
    /** 'complete', or 'mfa' / 'mfa_enrol' while the session owes its second factor. */
    sessionStage: 'complete' | 'mfa' | 'mfa_enrol' | null;
    /** The session's last full (re-)authentication, for step-up. */
    authenticatedAt: Date | null;
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
    /**
     * Open to a session that still owes its second factor: true for both
     * stages, or only 'mfa' (verify a factor) or 'mfa_enrol' (enrol one).
     */
    duringMfa?: boolean | 'mfa' | 'mfa_enrol';
    /** A sensitive action: the session must have authenticated within the policy's minutes. */
    stepUp?: boolean;
  }
}
