import * as OTPAuth from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCreateUser,
  apiRequest,
  apiSetup,
  expectAccessible,
  launchBrowser,
  newPage,
  startServer,
  type ApiSession,
  type Credentials,
  type RunningServer,
  type TrackedPage,
  unexpectedErrors,
} from '../support/index.ts';

/**
 * The code an authenticator app shows for `secret` at `at`, `ahead` steps later. The
 * server takes ±1 step but never the same step twice: enrolment uses the current step,
 * the sign-ins after it the next one.
 */
function totpCode(secret: string, { at = Date.now(), ahead = 1 } = {}) {
  const totp = new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  });
  return totp.generate({ timestamp: at + ahead * 30_000 });
}

/**
 * Errors other than the refusals this file provokes: wrong codes (422) and the
 * step-up the server asks for (403), which the browser logs as failed loads.
 */
function problems(tracked: TrackedPage) {
  return unexpectedErrors(tracked.errors).filter((error) => !/status of (403|422) \(/.test(error));
}

/** The step-up window of the policy set below, in milliseconds. */
const STEP_UP_MS = 60_000;

describe('second factors in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  let tina: Credentials;
  let pat: Credentials;
  let tinaSecret = '';
  let tinaCodes: string[] = [];
  /** When Tina last fully signed in: her step-up window runs from there. */
  let tinaSignedInAt = 0;
  let tinaPage: TrackedPage;
  const pages: TrackedPage[] = [];

  // WebAuthn refuses an IP address as the relying party: the browser uses localhost.
  async function open() {
    const tracked = await newPage(browser, {
      baseURL: `http://localhost:${server.port}`,
      locale: 'en-US',
    });
    pages.push(tracked);
    return tracked;
  }

  async function signInWithPassword(page: Page, credentials: Credentials) {
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email address').fill(credentials.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(credentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function signOut(page: Page, name: string) {
    await page.getByRole('button', { name: `Account menu for ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  }

  /** Picks an option of a segmented control by its visible label (the radio itself is hidden). */
  async function segment(page: Page, name: string) {
    await page
      .locator('label')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .click();
    expect(await page.getByRole('radio', { name }).isChecked()).toBe(true);
  }

  async function keepRecoveryCodes(page: Page) {
    const list = page.getByTestId('recovery-codes');
    await list.waitFor();
    const codes = (await list.getByRole('listitem').allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    await page.getByRole('checkbox', { name: 'I have saved these codes somewhere safe' }).check();
    return codes;
  }

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    admin = await apiSetup(server, { email: 'aiko@example.com' });
    // Made before the policy binds them, so their first password change goes through the API.
    tina = await apiCreateUser(server, admin, {
      email: 'tina@example.com',
      displayName: 'Tina Totp',
      roles: ['staff'],
    });
    pat = await apiCreateUser(server, admin, {
      email: 'pat@example.com',
      displayName: 'Pat Passkey',
      roles: ['staff'],
    });
    const policy = await apiRequest<{ version: number }>(
      server,
      admin,
      'GET',
      '/api/v1/admin/auth-policy',
    );
    const response = await fetch(`${server.url}/api/v1/admin/auth-policy`, {
      method: 'PUT',
      headers: {
        cookie: `mamoru_session=${admin.cookie}`,
        'x-csrf-token': admin.csrfToken,
        'content-type': 'application/json',
        'if-match': `"${policy.version}"`,
      },
      body: JSON.stringify({ mfaRequired: 'all', mfaRoles: [], stepUpMinutes: 1 }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
  });

  afterAll(async () => {
    for (const tracked of pages) await tracked.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('sets up an authenticator app when the policy requires it, then signs in with its codes and a recovery code', async () => {
    tinaPage = await open();
    const { page } = tinaPage;
    await signInWithPassword(page, tina);

    // No factor yet: the app stays closed until one is set up.
    await page.getByRole('heading', { level: 1, name: 'Set up two-step verification' }).waitFor();
    await page.getByRole('img', { name: /QR code/ }).waitFor();
    tinaSecret = (await page.getByTestId('totp-secret').getAttribute('data-secret')) ?? '';
    expect(tinaSecret).toMatch(/^[A-Z2-7]+=*$/);
    await expectAccessible(page, 'the enrolment page');
    await page.getByRole('textbox', { name: 'Name' }).fill('Work phone');
    await page.getByLabel('Code from your authenticator app').fill(totpCode(tinaSecret, { at: 0 }));
    // A code long gone is refused; the one the app shows now is taken. The refusal is
    // awaited itself: under load, a second submit while the first is in flight was lost.
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/api/v1/me/factors/totp/confirm') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Confirm and add' }).click();
    expect((await refused).status()).toBe(422);
    await page.getByRole('alert').filter({ hasText: /./ }).first().waitFor();
    await page
      .getByLabel('Code from your authenticator app')
      .fill(totpCode(tinaSecret, { ahead: 0 }));
    await page.getByRole('button', { name: 'Confirm and add' }).click();
    tinaCodes = await keepRecoveryCodes(page);
    await page.getByRole('button', { name: 'Continue to Mamoru' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    // Next sign-in: password, then the code.
    await signOut(page, 'Tina Totp');
    await signInWithPassword(page, tina);
    await page.getByRole('heading', { level: 1, name: 'Two-step verification' }).waitFor();
    await expectAccessible(page, 'the second sign-in step');
    await page.getByLabel('Code from your authenticator app').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByTestId('mfa-error').waitFor();
    await page.getByLabel('Code from your authenticator app').fill(totpCode(tinaSecret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    // A recovery code works once.
    await signOut(page, 'Tina Totp');
    await signInWithPassword(page, tina);
    await segment(page, 'Recovery code');
    await page.getByRole('textbox', { name: 'Recovery code' }).fill(tinaCodes[0]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    tinaSignedInAt = Date.now();

    await page.goto('/profile');
    const card = page.getByRole('region', { name: 'Sign-in security' });
    await card.getByRole('cell', { name: 'Work phone', exact: true }).waitFor();
    await card.getByText('9 recovery codes left').waitFor();
    expect(problems(tinaPage)).toEqual([]);
  });

  it('sets up a passkey and signs in with it (Chromium’s virtual authenticator)', async () => {
    const tracked = await open();
    const { page } = tracked;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    await signInWithPassword(page, pat);
    await page.getByRole('heading', { level: 1, name: 'Set up two-step verification' }).waitFor();
    await segment(page, 'Passkey');
    await page.getByRole('textbox', { name: 'Name' }).fill('This laptop');
    await page.getByRole('button', { name: 'Create passkey' }).click();
    await keepRecoveryCodes(page);
    await page.getByRole('button', { name: 'Continue to Mamoru' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    // The browser's authenticator holds the new passkey, as a discoverable credential.
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials.map((credential) => credential.isResidentCredential)).toEqual([true]);

    await signOut(page, 'Pat Passkey');
    await signInWithPassword(page, pat);
    await page.getByRole('heading', { level: 1, name: 'Two-step verification' }).waitFor();
    await segment(page, 'Passkey');
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    await page.goto('/profile');
    const card = page.getByRole('region', { name: 'Sign-in security' });
    await card.getByRole('cell', { name: 'This laptop', exact: true }).waitFor();
    expect(problems(tracked)).toEqual([]);
  });

  it('asks for a fresh confirmation before creating an API token once the window has passed', async () => {
    const { page } = tinaPage;
    // The policy's window is one minute; wait out what is left of it.
    const left = tinaSignedInAt + STEP_UP_MS + 2_000 - Date.now();
    if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));

    await page.goto('/profile');
    await page.getByRole('button', { name: 'New token' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API token' });
    await dialog.getByLabel('Name').fill('Nightly export');
    await dialog.getByRole('checkbox', { name: /View the control catalog/ }).check();
    await dialog.getByRole('button', { name: 'Create token' }).click();

    const stepUp = page.getByRole('dialog', { name: 'Confirm it is you' });
    await stepUp.getByLabel('Code from your authenticator app').fill(totpCode(tinaSecret));
    await stepUp.getByRole('button', { name: 'Confirm' }).click();
    // The refused request is sent again and the token's secret shown.
    expect(await page.getByTestId('token-secret').textContent()).toMatch(/^mamoru_pat_/);
    await stepUp.waitFor({ state: 'detached' });
    expect(problems(tinaPage)).toEqual([]);
  }, 120_000);
});
