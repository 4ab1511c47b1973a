import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * Single sign-on's lines of tenant-isolation.test.ts: an identity provider of
 * B and one probe per admin route with its id (read, change, SCIM token,
 * delete in that order, so the If-Match versions follow B's own controls).
 */
export interface SsoOfB {
  providerId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

export async function createSsoOfB(adminB: Client): Promise<SsoOfB> {
  const res = await adminB.post('/api/v1/admin/identity-providers', {
    kind: 'oidc',
    name: 'Identity provider of B',
    settings: { issuer: 'https://idp-of-b.example.test', clientId: 'client-of-b' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json<{ id: string }>().id;
  return { providerId: id, values: [id, 'Identity provider of B', 'client-of-b'] };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'adminB'; status: number };
}

export function ssoProbes<B extends { sso: SsoOfB }>(): Probe<B>[] {
  const url = (b: B) => `/api/v1/admin/identity-providers/${b.sso.providerId}`;
  return [
    {
      route: 'GET /api/v1/admin/identity-providers/:id',
      url,
      control: { as: 'adminB', status: 200 },
    },
    {
      route: 'PUT /api/v1/admin/identity-providers/:id',
      url,
      body: () => ({ kind: 'oidc', name: 'Renamed across tenants' }),
      headers: () => ({ 'if-match': '"1"' }),
      control: { as: 'adminB', status: 200 },
    },
    {
      route: 'POST /api/v1/admin/identity-providers/:id/scim-token',
      url: (b) => `${url(b)}/scim-token`,
      control: { as: 'adminB', status: 201 },
    },
    {
      route: 'DELETE /api/v1/admin/identity-providers/:id',
      url,
      headers: () => ({ 'if-match': '"3"' }),
      control: { as: 'adminB', status: 200 },
    },
  ];
}

/** Lists that must never show B's providers to A. */
export const SSO_LISTS = ['/api/v1/admin/identity-providers'];

/**
 * The public sign-in routes take any organization's provider id by design (the
 * browser has no session yet; an IdP fetches the metadata and posts to the ACS):
 * sso.test.ts and sso-saml.test.ts check that they sign into that provider's
 * organization only.
 */
export const SSO_NOT_OBJECT_IDS = [
  'GET /api/v1/auth/sso/:id/start',
  'GET /api/v1/auth/sso/:id/saml/metadata',
  'POST /api/v1/auth/sso/:id/saml/acs',
];
