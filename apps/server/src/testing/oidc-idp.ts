import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse as Response } from 'fastify';
import Provider from 'oidc-provider';
import type { App } from './app.ts';

/**
 * An OpenID Connect provider for tests, in this process on a random port
 * (`oidc-provider`): test accounts, a client per test, no consent screen.
 * Sign-in is either programmatic (`authorize()` follows the redirects as a
 * browser would and returns the URL the IdP sends the browser back to) or,
 * for browser tests, `loginAs()` followed by a real navigation: the next
 * interaction completes as that account at once. Without either, the
 * interaction page lists the accounts as buttons.
 */

export interface IdpAccount {
  sub: string;
  email: string;
  name?: string;
  groups?: string[];
  /** false: the IdP marks the address unverified. Default true. */
  emailVerified?: boolean;
  /** The sign-in reports a second factor (amr pwd + otp). */
  mfa?: boolean;
}

export interface IdpClient {
  clientId: string;
  /** Omit for a public client (PKCE only, no secret). */
  clientSecret?: string;
  redirectUris: string[];
}

export interface OidcIdp {
  issuer: string;
  /** Adds or replaces a test account. */
  addAccount(account: IdpAccount): void;
  /** The next interaction signs in as this account (browser tests). */
  loginAs(sub: string): void;
  /** Runs an authorization request as `sub`; returns where the IdP redirects the browser. */
  authorize(authorizationUrl: string, sub: string): Promise<URL>;
  close(): Promise<void>;
}

const html = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>Test IdP</title></head><body>${body}</body></html>`;
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req: IncomingMessage) {
  let body = '';
  for await (const chunk of req) body += String(chunk);
  return new URLSearchParams(body);
}

export async function startOidcIdp(options: {
  clients: IdpClient[];
  accounts?: IdpAccount[];
}): Promise<OidcIdp> {
  const accounts = new Map((options.accounts ?? []).map((a) => [a.sub, a]));
  let nextLogin: string | null = null;
  // Both exist once the server listens (the issuer names its port).
  const live = {} as {
    provider: Provider;
    handler: (req: IncomingMessage, res: ServerResponse) => void;
  };

  async function finish(req: IncomingMessage, res: ServerResponse, sub: string) {
    const account = accounts.get(sub);
    if (!account) {
      res.writeHead(400).end(`unknown account ${sub}`);
      return;
    }
    await live.provider.interactionFinished(
      req,
      res,
      { login: { accountId: sub, amr: account.mfa ? ['pwd', 'otp'] : ['pwd'] } },
      { mergeWithLastSubmission: false },
    );
  }

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const details = await live.provider.interactionDetails(req, res);
    if (req.method === 'POST') {
      const sub = (await readForm(req)).get('account') ?? '';
      return finish(req, res, sub);
    }
    if (nextLogin) {
      const sub = nextLogin;
      nextLogin = null;
      return finish(req, res, sub);
    }
    const buttons = [...accounts.values()]
      .map(
        (a) =>
          `<button name="account" value="${escape(a.sub)}">${escape(a.name ?? a.email)}</button>`,
      )
      .join('');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html(`<form method="post" action="/interaction/${details.uid}">${buttons}</form>`));
  }

  const server = createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch((err: unknown) => {
        res.writeHead(500).end(String(err));
      });
      return;
    }
    live.handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });
  live.provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      ...(c.clientSecret
        ? { client_secret: c.clientSecret, token_endpoint_auth_method: 'client_secret_post' }
        : { token_endpoint_auth_method: 'none' }),
      redirect_uris: c.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    jwks: { keys: [{ ...key, kid: 'test', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    // Claims in the ID token itself (as Entra ID and Google send them), groups with profile.
    conformIdTokenClaims: false,
    claims: {
      // amr says how the user signed in (pwd, or pwd + otp): with openid, as Entra ID sends it.
      openid: ['sub', 'amr', 'acr'],
      email: ['email', 'email_verified'],
      profile: ['name', 'groups'],
    },
    features: { devInteractions: { enabled: false } },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    pkce: { required: () => true },
    interactions: { url: (_ctx: unknown, i: { uid: string }) => `/interaction/${i.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            email: account.email,
            email_verified: account.emailVerified ?? true,
            ...(account.name ? { name: account.name } : {}),
            groups: account.groups ?? [],
          };
        },
      };
    },
    // No consent screen: the test client gets every scope it asks for.
    async loadExistingGrant(ctx: {
      oidc: { client: { clientId: string }; session: { accountId: string } };
    }) {
      const grant = new live.provider.Grant({
        clientId: ctx.oidc.client.clientId,
        accountId: ctx.oidc.session.accountId,
      });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'groups']);
      await grant.save();
      return grant;
    },
  });
  live.handler = live.provider.callback();

  async function authorize(authorizationUrl: string, sub: string): Promise<URL> {
    const jar = new Map<string, string>();
    nextLogin = sub;
    let url = new URL(authorizationUrl);
    for (let hop = 0; hop < 10; hop += 1) {
      if (url.origin !== issuer) return url;
      const res = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair!.indexOf('=');
        jar.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
      }
      const location = res.headers.get('location');
      if (!location)
        throw new Error(`IdP answered ${res.status} without a redirect: ${await res.text()}`);
      url = new URL(location, url);
    }
    throw new Error('too many redirects at the IdP');
  }

  return {
    issuer,
    addAccount: (a) => void accounts.set(a.sub, a),
    loginAs: (sub) => {
      nextLogin = sub;
    },
    authorize,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export interface SsoRoundTrip {
  /** The start route's answer (302 to the IdP, with the flow cookie). */
  start: Response;
  /** Where the IdP sent the browser back (our callback with code and state). */
  callbackUrl: URL;
  /** The flow cookie the start set, as a Cookie header. */
  flowCookie: string;
  /** The callback's answer: 302 to returnTo, /login?mfa=1 or /login?sso_error=… */
  callback: Response;
  /** The new session cookie, when one was set. */
  sessionCookie: string | null;
}

/**
 * A whole OIDC sign-in through the API as a browser makes it: start, the
 * IdP's redirects (signed in as `sub`), the callback with the flow cookie.
 * `tamper` may change the callback URL or cookie before it is sent.
 */
export async function signInThroughIdp(
  app: App,
  idp: OidcIdp,
  providerId: string,
  sub: string,
  options: { returnTo?: string; tamper?: (url: URL, cookie: string) => string } = {},
): Promise<SsoRoundTrip> {
  const query = options.returnTo ? `?returnTo=${encodeURIComponent(options.returnTo)}` : '';
  const start = await app.inject({
    method: 'GET',
    url: `/api/v1/auth/sso/${providerId}/start${query}`,
  });
  if (start.statusCode !== 302) throw new Error(`start: ${start.statusCode} ${start.body}`);
  const flow = start.cookies.find((c) => c.name === 'mamoru_sso');
  let flowCookie = flow ? `mamoru_sso=${flow.value}` : '';
  const callbackUrl = await idp.authorize(String(start.headers.location), sub);
  if (options.tamper) flowCookie = options.tamper(callbackUrl, flowCookie);
  const callback = await app.inject({
    method: 'GET',
    url: callbackUrl.pathname + callbackUrl.search,
    headers: flowCookie ? { cookie: flowCookie } : {},
  });
  const session = callback.cookies.find((c) => c.name === 'mamoru_session' && c.value);
  return {
    start,
    callbackUrl,
    flowCookie,
    callback,
    sessionCookie: session ? `mamoru_session=${session.value}` : null,
  };
}
