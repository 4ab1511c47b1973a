import type { Client } from '../testing/identity.ts';
import { enrolTotp } from '../testing/mfa.ts';

/**
 * Sign-in's lines of tenant-isolation.test.ts: B's administrator enrols an
 * authenticator app; A probes B's users' factors, their reset, and the
 * removal of B's factor. The reset targets B's administrator, so B's control
 * opens an approval (202) and signs nobody out whom later controls act as.
 */
export interface AuthenticationOfB {
  adminId: string;
  factorId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export async function createAuthenticationOfB(adminB: Client): Promise<AuthenticationOfB> {
  const { factor } = await enrolTotp(adminB, 'Phone of B');
  return { adminId: adminB.user.id, factorId: factor.id, values: [factor.id, 'Phone of B'] };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  control: { as: 'adminB'; status: number };
}

export function authenticationProbes<
  B extends { userId: string; authentication: AuthenticationOfB },
>(): Probe<B>[] {
  return [
    {
      route: 'GET /api/v1/users/:id/factors',
      url: (b) => `/api/v1/users/${b.userId}/factors`,
      control: { as: 'adminB', status: 200 },
    },
    {
      route: 'POST /api/v1/users/:id/factors/reset',
      url: (b) => `/api/v1/users/${b.authentication.adminId}/factors/reset`,
      control: { as: 'adminB', status: 202 },
    },
    {
      route: 'DELETE /api/v1/me/factors/:id',
      url: (b) => `/api/v1/me/factors/${b.authentication.factorId}`,
      control: { as: 'adminB', status: 204 },
    },
  ];
}
