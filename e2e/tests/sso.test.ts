import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcIdp, type OidcIdp } from '../../apps/server/src/testing/oidc-idp.ts';
import {
  serveTestSamlIdp,
  type SamlTestUser,
  type ServedSamlIdp,
} from '../../apps/server/src/testing/saml-idp.ts';
import {
  apiRequest,
  apiSetup,
  expectAccessible,
  launchBrowser,
  newPage,
  signInPage,
  startServer,
  unexpectedErrors,
  type ApiSession,
  type RunningServer,
  type TrackedPage,
} from '../support/index.ts';

interface SessionView {
  user: { email: string; displayName: string; roles: string[] };
  auth?: { method: string; providerId: string | null };
}
interface Approval {
  approvalType: string;
  entityId: string;
  status: string;
}

const CLIENT_ID = 'mamoru-e2e';
const CLIENT_SECRET = 'e2e-client-secret-7a1c';
const HANA = {
  sub: 'idp-hana',
  email: 'hana.sato@example.co.jp',
  name: 'Hana Sato',
  groups: ['ISMS-Team', 'Mamoru-Admins'],
};
// An account the IdP vouches for, outside the provider's email domains: never linked or created.
const STRANGER = { sub: 'idp-stranger', email: 'someone@elsewhere.example', name: 'Someone' };
const TARO: SamlTestUser = {
  subject: 'taro.yamada',
  email: 'taro.yamada@saml.example.jp',
  name: 'Taro Yamada',
  groups: ['isms-team'],
};

async function sessionOf(page: Page) {
  return page.evaluate(async () => {
    const response = await fetch('/api/v1/auth/session');
    return (await response.json()) as SessionView;
  });
}

/** The log-in page's single sign-on step: the address finds the provider, the browser goes to the IdP. */
async function signInWithSso(page: Page, email: string) {
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.getByRole('button', { name: 'Single sign-on (SSO)' }).click();
  const panel = page.getByRole('form', { name: 'Single sign-on' });
  await panel.getByRole('textbox', { name: /^Work email address/ }).fill(email);
  await panel.getByRole('button', { name: 'Continue' }).click();
}

describe('single sign-on in a real browser (OIDC and SAML 2.0)', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  let idp: OidcIdp;
  let saml: ServedSamlIdp;
  const pages: TrackedPage[] = [];

  async function open(path: string) {
    const tracked = await newPage(browser, { baseURL: server.url, locale: 'en-US' });
    pages.push(tracked);
    // Other suites share the machine; the IdP's redirects and the lazy chunks can take a while.
    tracked.page.setDefaultTimeout(45_000);
    await tracked.page.goto(path);
    return tracked;
  }

  beforeAll(async () => {
    server = await startServer({ timeoutMs: 240_000 });
    browser = await launchBrowser();
    admin = await apiSetup(server, { locale: 'en' });
    idp = await startOidcIdp({
      clients: [
        {
          clientId: CLIENT_ID,
          clientSecret: CLIENT_SECRET,
          redirectUris: [`${server.url}/api/v1/auth/sso/oidc/callback`],
        },
      ],
      accounts: [HANA, STRANGER],
    });
    saml = await serveTestSamlIdp();
  }, 300_000);

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await idp?.close();
    await saml?.close();
    await server?.stop();
  });

  it(
    'OIDC: the administrator sets up the provider on its page; a new user signs in through the IdP, mapped groups give roles (administrator only through approval)',
    { timeout: 300_000 },
    async () => {
      // The administrator adds the provider through the identity providers page.
      const adminPage = await open('/');
      const { page } = adminPage;
      await signInPage(page, server, admin);
      await page.goto('/admin/identity-providers');
      await page.getByRole('heading', { level: 1, name: 'Identity providers' }).waitFor();
      await page.getByText('No identity provider yet').waitFor();
      await expectAccessible(page, 'identity providers, empty (en)');
      await page.getByRole('button', { name: 'Add identity provider' }).click();
      await page.getByRole('menuitem', { name: 'OpenID Connect provider' }).click();
      await page.getByRole('heading', { level: 1, name: 'New OpenID Connect provider' }).waitFor();

      await page.getByRole('textbox', { name: /^Name/ }).first().fill('Example IdP');
      const domains = page.getByLabel(/^Email domains/).filter({ visible: true });
      await domains.fill('example.co.jp');
      await domains.press('Enter');
      await page.getByRole('textbox', { name: /^Issuer URL/ }).fill(idp.issuer);
      await page.getByRole('textbox', { name: /^Client ID/ }).fill(CLIENT_ID);
      await page.getByLabel(/^Client secret/).fill(CLIENT_SECRET);
      await page.getByRole('switch', { name: /Create accounts at first sign-in/ }).check();
      // Group names are compared without regard to case: the IdP sends "ISMS-Team".
      for (const [n, group, role] of [
        [1, 'isms-team', 'ISMS manager'],
        [2, 'mamoru-admins', 'Administrator (needs approval)'],
      ] as const) {
        await page.getByRole('button', { name: 'Add a group' }).click();
        await page.getByRole('textbox', { name: `Group ${n}`, exact: true }).fill(group);
        await page
          .getByLabel(`Roles of group ${n}`, { exact: true })
          .filter({ visible: true })
          // Mantine's wrapper around the input takes the pointer; the input opens the list.
          .click({ force: true });
        await page.getByRole('option', { name: role }).click();
        await page.keyboard.press('Escape');
      }
      await page.getByTestId('privileged-note').waitFor();
      await page.getByRole('button', { name: 'Save identity provider' }).click();

      await page.getByRole('heading', { level: 1, name: 'Example IdP' }).waitFor();
      expect(await page.getByTestId('sso-url-redirectUri').textContent()).toBe(
        `${server.url}/api/v1/auth/sso/oidc/callback`,
      );
      expect(await page.getByTestId('sso-url-scimBaseUrl').textContent()).toBe(
        `${server.url}/scim/v2`,
      );
      await expectAccessible(page, 'an OIDC identity provider (en)');
      expect(unexpectedErrors(adminPage.errors)).toEqual([]);

      // A person new to Mamoru: the address finds the provider, the IdP signs them in.
      idp.loginAs(HANA.sub);
      const visitor = await open('/calendar');
      await signInWithSso(visitor.page, HANA.email);
      await visitor.page.waitForURL(`${server.url}/calendar`);
      await visitor.page.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
      const session = await sessionOf(visitor.page);
      expect(session.user.email).toBe(HANA.email);
      expect(session.user.displayName).toBe(HANA.name);
      expect([...session.user.roles].sort()).toEqual(['isms_manager', 'staff']);
      expect(session.auth?.method).toBe('oidc');

      // Administrator waits for a second person's approval.
      const approvals = await apiRequest<{ items: Approval[] }>(
        server,
        admin,
        'GET',
        '/api/v1/approvals?status=pending',
      );
      expect(approvals.items.filter((a) => a.approvalType === 'role_grant')).toHaveLength(1);
      expect(unexpectedErrors(visitor.errors)).toEqual([]);

      // Someone the IdP vouches for outside the provider's domains is sent back, told why.
      idp.loginAs(STRANGER.sub);
      const stranger = await open('/');
      await signInWithSso(stranger.page, 'new.person@example.co.jp');
      await stranger.page.waitForURL(/\/login\?sso_error=sso_user_unknown$/);
      const alert = stranger.page.getByTestId('sso-error');
      await alert.getByText(/You have no Mamoru account yet/).waitFor();
      await stranger.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await expectAccessible(stranger.page, 'the log-in page with a single sign-on error (en)');
    },
  );

  it(
    'SAML: a signed assertion signs in; an unsigned one and a replayed one are refused on the log-in page',
    { timeout: 300_000 },
    async () => {
      await apiRequest(server, admin, 'POST', '/api/v1/admin/identity-providers', {
        kind: 'saml',
        name: 'Example SAML IdP',
        emailDomains: ['saml.example.jp'],
        jitProvisioning: true,
        groupRoles: [{ group: 'isms-team', roles: ['internal_auditor'] }],
        settings: saml.idp.settings(),
      });

      // A signed assertion (the IdP's default), with a fixed ID to replay below.
      saml.setNextLogin({ user: TARO, assertionId: '_e2e-assertion-1' });
      const signed = await open('/');
      await signInWithSso(signed.page, TARO.email!);
      await signed.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      const session = await sessionOf(signed.page);
      expect(session.user.email).toBe(TARO.email);
      expect([...session.user.roles].sort()).toEqual(['internal_auditor', 'staff']);
      expect(session.auth?.method).toBe('saml');
      const captured = saml.lastResponse();
      expect(captured).toBeTruthy();

      // Unsigned: refused, and the browser is back on the log-in page with the reason.
      saml.setNextLogin({ user: TARO, sign: 'none' });
      const unsigned = await open('/');
      await signInWithSso(unsigned.page, TARO.email!);
      await unsigned.page.waitForURL(/\/login\?sso_error=saml_unsigned$/);
      await unsigned.page
        .getByTestId('sso-error')
        .getByText(/was not signed/)
        .waitFor();
      expect(await sessionOf(unsigned.page)).not.toHaveProperty('user');

      // The same assertion again, in a new exchange (a fresh request, the old assertion ID).
      saml.setNextLogin({ user: TARO, assertionId: '_e2e-assertion-1' });
      const replayed = await open('/');
      await signInWithSso(replayed.page, TARO.email!);
      await replayed.page.waitForURL(/\/login\?sso_error=saml_replayed$/);
      await replayed.page
        .getByTestId('sso-error')
        .getByText(/already used once/)
        .waitFor();

      // The captured response posted again as it was: its request is spent, so it is refused too.
      // Posted from a blank page, as from the IdP's origin (no Mamoru page, so no CSP of ours).
      const repost = await newPage(browser, { baseURL: server.url, locale: 'en-US' });
      pages.push(repost);
      repost.page.setDefaultTimeout(45_000);
      const acs = `${server.url}/api/v1/auth/sso/${await samlProviderId()}/saml/acs`;
      await repost.page.setContent(saml.idp.loginPage(captured!, acs));
      await repost.page.waitForURL(/\/login\?sso_error=saml_(unsolicited|replayed)$/);
      await repost.page.getByTestId('sso-error').waitFor();
      expect(await sessionOf(repost.page)).not.toHaveProperty('user');
    },
  );

  async function samlProviderId() {
    const list = await apiRequest<{ items: { id: string; kind: string }[] }>(
      server,
      admin,
      'GET',
      '/api/v1/admin/identity-providers',
    );
    return list.items.find((p) => p.kind === 'saml')!.id;
  }
});
