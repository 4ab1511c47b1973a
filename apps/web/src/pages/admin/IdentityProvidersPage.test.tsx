import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IdentityProvider } from '@mamoru/contracts';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

// The form is large and the machine shared: generous limits.
const slow = { timeout: 120_000 };
const BASE = '/api/v1/admin/identity-providers';
const URLS = {
  redirectUri: 'https://isms.example.co.jp/api/v1/auth/sso/oidc/callback',
  scimBaseUrl: 'https://isms.example.co.jp/scim/v2',
};
const CERT = `-----BEGIN CERTIFICATE-----\n${'MIIC'.repeat(40)}\n-----END CERTIFICATE-----`;

const oidc: IdentityProvider = {
  id: '00000000-0000-4000-8000-0000000005a1',
  kind: 'oidc',
  name: 'Entra ID',
  enabled: true,
  emailDomains: ['example.co.jp'],
  jitProvisioning: true,
  defaultRoles: ['staff'],
  groupRoles: [{ group: 'isms-team', roles: ['isms_manager'] }],
  passwordLoginDisabled: true,
  trustIdpMfa: false,
  clientSecretSet: true,
  scimTokenSet: false,
  scimTokenPrefix: null,
  linkedUsers: 3,
  ...URLS,
  acsUrl: `https://isms.example.co.jp/api/v1/auth/sso/00000000-0000-4000-8000-0000000005a1/saml/acs`,
  metadataUrl: `https://isms.example.co.jp/api/v1/auth/sso/00000000-0000-4000-8000-0000000005a1/saml/metadata`,
  version: 4,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-02T00:00:00.000Z',
  settings: {
    issuer: 'https://login.microsoftonline.com/tenant/v2.0',
    clientId: 'client-1',
    scopes: 'openid email profile',
    emailClaim: 'email',
    groupsClaim: 'groups',
    nameClaim: 'name',
    mfaAcrValues: [],
  },
};
const saml: IdentityProvider = {
  ...oidc,
  id: '00000000-0000-4000-8000-0000000005a2',
  kind: 'saml',
  name: 'HENNGE One',
  emailDomains: [],
  jitProvisioning: false,
  groupRoles: [],
  passwordLoginDisabled: false,
  clientSecretSet: false,
  scimTokenSet: true,
  scimTokenPrefix: 'mamoru_scim_ab12',
  linkedUsers: 0,
  acsUrl:
    'https://isms.example.co.jp/api/v1/auth/sso/00000000-0000-4000-8000-0000000005a2/saml/acs',
  metadataUrl:
    'https://isms.example.co.jp/api/v1/auth/sso/00000000-0000-4000-8000-0000000005a2/saml/metadata',
  settings: {
    entryPoint: 'https://idp.example.net/saml/sso',
    idpIssuer: 'https://idp.example.net/',
    idpCertificates: [CERT],
    spEntityId:
      'https://isms.example.co.jp/api/v1/auth/sso/00000000-0000-4000-8000-0000000005a2/saml/metadata',
    emailAttribute: 'email',
    groupsAttribute: 'groups',
    nameAttribute: 'displayName',
    clockSkewSeconds: 120,
    wantAuthnResponseSigned: false,
  },
};

function fill(label: RegExp | string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('identity providers page', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the providers with their domains and badges', slow, async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ ...signedInRoutes(sessionInfo('admin')), [`GET ${BASE}`]: { items: [oidc, saml] } })
        .fetch,
    );
    renderApp('/admin/identity-providers');
    await screen.findByRole('heading', { level: 1, name: 'Identity providers' }, slow);
    const row = (await screen.findByRole('link', { name: 'Entra ID' })).closest('tr')!;
    expect(within(row).getByText('example.co.jp')).toBeTruthy();
    expect(within(row).getByText('SSO only')).toBeTruthy();
    expect(within(row).getByText('OpenID Connect')).toBeTruthy();
    const other = screen.getByRole('link', { name: 'HENNGE One' }).closest('tr')!;
    expect(within(other).getByText('No domain: not offered at log-in')).toBeTruthy();
    expect(within(other).getByText('SCIM')).toBeTruthy();
  });

  it('creates an OIDC provider, checking the form first', slow, async () => {
    const created = '00000000-0000-4000-8000-0000000005a3';
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      [`GET ${BASE}`]: { items: [] },
      [`POST ${BASE}`]: (request) => ({
        status: 201,
        body: { ...oidc, id: created, ...(request.body as object) },
      }),
      [`GET ${BASE}/${created}`]: { ...oidc, id: created, name: 'Okta' },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/admin/identity-providers/new?kind=oidc');

    await screen.findByRole('heading', { level: 1, name: 'New OpenID Connect provider' }, slow);
    // Defaults of the contract are filled in.
    expect((screen.getByLabelText(/^Scopes/) as HTMLInputElement).value).toBe(
      'openid email profile',
    );
    fill(/^Name\s*\*?$/, 'Okta');
    fireEvent.click(screen.getByRole('button', { name: 'Save identity provider' }));
    expect(await screen.findByText('Check the fields marked above.')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    fill(/^Issuer URL/, 'https://example.okta.com');
    fill(/^Client ID/, '0oa1');
    fill(/^Client secret/, 's3cret');
    fireEvent.click(screen.getByRole('switch', { name: /Create accounts at first sign-in/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save identity provider' }));

    await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(api.calls.find((c) => c.method === 'POST')?.body).toMatchObject({
      kind: 'oidc',
      name: 'Okta',
      jitProvisioning: true,
      clientSecret: 's3cret',
      settings: {
        issuer: 'https://example.okta.com',
        clientId: '0oa1',
        scopes: 'openid email profile',
      },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Okta' }, slow)).toBeTruthy();
  });

  it(
    'edits a SAML provider: addresses to copy, mapping with approval note, If-Match, SCIM token once',
    slow,
    async () => {
      let scimIssued = false;
      const api = fakeApi({
        ...signedInRoutes(sessionInfo('admin')),
        [`GET ${BASE}/${saml.id}`]: () => ({
          body: { ...saml, scimTokenSet: scimIssued || saml.scimTokenSet },
        }),
        [`PUT ${BASE}/${saml.id}`]: problem(422, 'Check the values entered.', {
          errors: [{ field: 'settings.entryPoint', code: 'invalid_format', message: 'Not a URL.' }],
        }),
        [`POST ${BASE}/${saml.id}/scim-token`]: () => {
          scimIssued = true;
          return {
            status: 201,
            body: {
              token: 'mamoru_scim_cd34-secret',
              prefix: 'mamoru_scim_cd34',
              scimBaseUrl: URLS.scimBaseUrl,
            },
          };
        },
      });
      vi.stubGlobal('fetch', api.fetch);
      renderApp(`/admin/identity-providers/${saml.id}`);

      await screen.findByRole('heading', { level: 1, name: 'HENNGE One' }, slow);
      expect(screen.getByTestId('sso-url-acsUrl').textContent).toBe(saml.acsUrl);
      expect(screen.getByTestId('sso-url-metadataUrl').textContent).toBe(saml.metadataUrl);
      expect(screen.getByTestId('sso-url-scimBaseUrl').textContent).toBe(URLS.scimBaseUrl);
      expect(
        screen.getByRole('button', { name: 'Copy Assertion consumer service (ACS) URL' }),
      ).toBeTruthy();
      expect(screen.queryByTestId('sso-url-redirectUri')).toBeNull();
      expect((screen.getByLabelText(/^Signing certificate 1/) as HTMLTextAreaElement).value).toBe(
        CERT,
      );

      // Mapping a group to administrator says it goes through approval.
      fireEvent.click(screen.getByRole('button', { name: 'Add a group' }));
      fill('Group 1', 'ISMS-Admins');
      expect(screen.queryByTestId('privileged-note')).toBeNull();
      const roles = screen
        .getAllByLabelText('Roles of group 1')
        .find((el) => el instanceof HTMLInputElement && el.type !== 'hidden')!;
      fireEvent.click(roles);
      fireEvent.click(
        await screen.findByRole('option', { name: /Administrator \(needs approval\)/ }),
      );
      expect(await screen.findByTestId('privileged-note')).toBeTruthy();

      fireEvent.click(screen.getByRole('button', { name: 'Save identity provider' }));
      await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'PUT')).toBe(true));
      const put = api.calls.find((c) => c.method === 'PUT')!;
      expect(put.headers.get('if-match')).toBe('"4"');
      expect(put.body).toMatchObject({
        kind: 'saml',
        groupRoles: [{ group: 'ISMS-Admins', roles: ['admin'] }],
        settings: { idpCertificates: [CERT], clockSkewSeconds: 120 },
      });
      // The server's field error shows at its input.
      expect(await screen.findByText('Not a URL.')).toBeTruthy();
      expect(
        screen.getByLabelText(/^Identity provider's sign-on URL/).getAttribute('aria-invalid'),
      ).toBe('true');

      // A token is already issued: replacing it asks first, then shows the new one once.
      expect(screen.getByTestId('scim-status').textContent).toContain('mamoru_scim_ab12');
      fireEvent.click(screen.getByRole('button', { name: 'Issue a new token' }));
      const dialog = await screen.findByRole('dialog', { name: 'Replace the SCIM token?' });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Issue a new token' }));
      expect((await screen.findByTestId('scim-token')).textContent).toBe('mamoru_scim_cd34-secret');
      expect(screen.getByText('Copy the token now')).toBeTruthy();
    },
  );

  it('hides the page from users without organization:manage', slow, async () => {
    vi.stubGlobal('fetch', fakeApi(signedInRoutes(sessionInfo('staff'))).fetch);
    renderApp('/admin/identity-providers');
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'You do not have access to this page' },
        slow,
      ),
    ).toBeTruthy();
  });
});
