import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import selfsigned from 'selfsigned';
import { SignedXml } from 'xml-crypto';

/**
 * A SAML 2.0 identity provider for tests: its own RSA key and self-signed
 * certificate, and Responses built and signed here with xml-crypto, well
 * formed or broken on purpose (unsigned, tampered, expired, for another
 * audience, a replayed assertion ID). The API tests post them to the ACS URL;
 * the browser tests use `serveTestSamlIdp` (an HTTP server that posts to the ACS).
 */

export interface SamlTestUser {
  /** The NameID. */
  subject: string;
  email?: string;
  name?: string;
  groups?: string[];
}

export interface SamlResponseOptions {
  /** The AuthnRequest ID answered; omit for an unsolicited response. */
  inResponseTo?: string;
  /** Our ACS URL: Destination and SubjectConfirmationData Recipient. */
  acsUrl: string;
  /** Our entity ID (the AudienceRestriction). */
  audience: string;
  user: SamlTestUser;
  /** What is signed: the assertion (the default), the whole response, both, or nothing. */
  sign?: 'assertion' | 'response' | 'both' | 'none';
  /** Changes the email after signing, so the signature no longer holds. */
  tamper?: boolean;
  /** Dates the assertion as issued this many seconds ago (validity 5 minutes from then). */
  ageSeconds?: number;
  /** Reuse an ID (a replayed assertion); a fresh one otherwise. */
  assertionId?: string;
  /** Another issuer than the IdP's own. */
  issuer?: string;
  /** AuthnContextClassRef; PasswordProtectedTransport by default. */
  authnContext?: string;
  /** A SAML status other than Success (then no assertion is sent). */
  status?: string;
}

export interface TestSamlIdp {
  issuer: string;
  entryPoint: string;
  /** PEM of the signing certificate, as the admin pastes it. */
  certificate: string;
  privateKey: string;
  /** Settings for a provider of kind saml using this IdP (contracts SamlSettings). */
  settings(overrides?: Record<string, unknown>): Record<string, unknown>;
  /** Builds a Response, base64 as the browser posts it in SAMLResponse. */
  response(options: SamlResponseOptions): string;
  /** The AuthnRequest carried by a redirect to the IdP (HTTP-Redirect binding). */
  readRequest(redirectUrl: string): SamlRequestSeen;
  /** An HTML page that posts a response (from `response`) to the ACS at once, as an IdP does. */
  loginPage(samlResponse: string, acsUrl: string, relayState?: string): string;
}

export interface SamlRequestSeen {
  id: string;
  issuer: string;
  acsUrl: string | null;
  relayState: string | null;
}

const NS_P = 'urn:oasis:names:tc:SAML:2.0:protocol';
const NS_A = 'urn:oasis:names:tc:SAML:2.0:assertion';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';

const newId = () => `_${randomBytes(16).toString('hex')}`;
const escapeXml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
const instant = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function attribute(name: string, values: string[]) {
  const inner = values
    .map((v) => `<saml:AttributeValue>${escapeXml(v)}</saml:AttributeValue>`)
    .join('');
  return `<saml:Attribute Name="${escapeXml(name)}">${inner}</saml:Attribute>`;
}

function sign(xml: string, privateKey: string, certificate: string, element: string) {
  const signer = new SignedXml({
    privateKey,
    publicCert: certificate,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: EXC_C14N,
  });
  const target =
    element === 'Response'
      ? "/*[local-name(.)='Response']"
      : "/*[local-name(.)='Response']/*[local-name(.)='Assertion']";
  signer.addReference({
    xpath: target,
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', EXC_C14N],
  });
  // The signature goes right after the element's Issuer, where the schema puts it.
  signer.computeSignature(xml, {
    location: { reference: `${target}/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return signer.getSignedXml();
}

/** A new test IdP with its own key pair (RSA 2048, self-signed, valid for a year). */
export async function createTestSamlIdp({
  issuer = 'https://idp.example.test/saml/metadata',
  entryPoint = 'https://idp.example.test/saml/sso',
} = {}): Promise<TestSamlIdp> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'Mamoru test IdP' }], {
    keySize: 2048,
    algorithm: 'sha256',
  });
  const certificate = pems.cert;
  const privateKey = pems.private;

  function responseXml(o: SamlResponseOptions) {
    const issued = Date.now() - (o.ageSeconds ?? 0) * 1000;
    const until = issued + 5 * 60_000;
    const from = o.issuer ?? issuer;
    const inResponseTo = o.inResponseTo ? ` InResponseTo="${escapeXml(o.inResponseTo)}"` : '';
    const status = o.status ?? 'urn:oasis:names:tc:SAML:2.0:status:Success';
    const attributes = [
      o.user.email ? attribute('email', [o.user.email]) : '',
      o.user.name ? attribute('displayName', [o.user.name]) : '',
      o.user.groups?.length ? attribute('groups', o.user.groups) : '',
    ].join('');
    const assertion =
      o.status !== undefined
        ? ''
        : `<saml:Assertion xmlns:saml="${NS_A}" ID="${o.assertionId ?? newId()}" Version="2.0" IssueInstant="${instant(issued)}">` +
          `<saml:Issuer>${escapeXml(from)}</saml:Issuer>` +
          `<saml:Subject><saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified">${escapeXml(o.user.subject)}</saml:NameID>` +
          `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
          `<saml:SubjectConfirmationData${inResponseTo} NotOnOrAfter="${instant(until)}" Recipient="${escapeXml(o.acsUrl)}"/>` +
          `</saml:SubjectConfirmation></saml:Subject>` +
          `<saml:Conditions NotBefore="${instant(issued - 30_000)}" NotOnOrAfter="${instant(until)}">` +
          `<saml:AudienceRestriction><saml:Audience>${escapeXml(o.audience)}</saml:Audience></saml:AudienceRestriction>` +
          `</saml:Conditions>` +
          `<saml:AuthnStatement AuthnInstant="${instant(issued)}" SessionIndex="${newId()}">` +
          `<saml:AuthnContext><saml:AuthnContextClassRef>${escapeXml(o.authnContext ?? 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport')}</saml:AuthnContextClassRef></saml:AuthnContext>` +
          `</saml:AuthnStatement>` +
          (attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : '') +
          `</saml:Assertion>`;
    return (
      `<samlp:Response xmlns:samlp="${NS_P}" xmlns:saml="${NS_A}" ID="${newId()}" Version="2.0" IssueInstant="${instant(issued)}" Destination="${escapeXml(o.acsUrl)}"${inResponseTo}>` +
      `<saml:Issuer>${escapeXml(from)}</saml:Issuer>` +
      `<samlp:Status><samlp:StatusCode Value="${escapeXml(status)}"/></samlp:Status>` +
      assertion +
      `</samlp:Response>`
    );
  }

  function response(o: SamlResponseOptions) {
    let xml = responseXml(o);
    const how = o.sign ?? 'assertion';
    if (o.status === undefined && (how === 'assertion' || how === 'both')) {
      xml = sign(xml, privateKey, certificate, 'Assertion');
    }
    if (how === 'response' || how === 'both') xml = sign(xml, privateKey, certificate, 'Response');
    if (o.tamper) {
      const email = o.user.email ?? '';
      xml = xml.replace(`>${escapeXml(email)}<`, `>${escapeXml(`intruder-${email}`)}<`);
    }
    return Buffer.from(xml, 'utf8').toString('base64');
  }

  return {
    issuer,
    entryPoint,
    certificate,
    privateKey,
    settings: (overrides = {}) => ({
      entryPoint,
      idpIssuer: issuer,
      idpCertificates: [certificate],
      ...overrides,
    }),
    response,
    readRequest(redirectUrl) {
      const url = new URL(redirectUrl);
      const encoded = url.searchParams.get('SAMLRequest');
      if (!encoded) throw new Error(`no SAMLRequest in ${redirectUrl}`);
      const xml = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
      const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(xml)?.[1] ?? null;
      return {
        id: attr('ID') ?? '',
        acsUrl: attr('AssertionConsumerServiceURL'),
        issuer: /<saml:Issuer[^>]*>([^<]*)</.exec(xml)?.[1] ?? '',
        relayState: url.searchParams.get('RelayState'),
      };
    },
    loginPage(samlResponse, acsUrl, relayState) {
      const relay = relayState
        ? `<input type="hidden" name="RelayState" value="${escapeXml(relayState)}">`
        : '';
      return (
        `<!doctype html><html><body onload="document.forms[0].submit()">` +
        `<form method="post" action="${escapeXml(acsUrl)}">` +
        `<input type="hidden" name="SAMLResponse" value="${samlResponse}">${relay}` +
        `<noscript><button type="submit">Continue</button></noscript></form></body></html>`
      );
    },
  };
}

/** What the served IdP answers the next AuthnRequest with. */
export type SamlNextLogin = Omit<SamlResponseOptions, 'acsUrl' | 'audience' | 'inResponseTo'> &
  Partial<Pick<SamlResponseOptions, 'acsUrl' | 'audience' | 'inResponseTo'>>;

export interface ServedSamlIdp {
  idp: TestSamlIdp;
  /** The user (and variant) the IdP signs in at the next request; it stays until changed. */
  setNextLogin(login: SamlNextLogin): void;
  /** The last SAMLResponse it sent (base64), to post again as a replay. */
  lastResponse(): string | null;
  close(): Promise<void>;
}

/**
 * The test IdP behind a real HTTP server on 127.0.0.1 (a random port), for
 * browser tests: its SSO URL reads the AuthnRequest and answers with a page
 * that posts the response to the ACS URL the request named at once.
 */
export async function serveTestSamlIdp(options: { issuer?: string } = {}): Promise<ServedSamlIdp> {
  const { createServer } = await import('node:http');
  let next: SamlNextLogin | null = null;
  let last: string | null = null;
  let idp: TestSamlIdp | null = null;
  const server = createServer((req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!idp || url.pathname !== '/sso' || !next) {
        res.writeHead(404).end('no such page, or no login set');
        return;
      }
      const request = idp.readRequest(url.href);
      const answer: SamlResponseOptions = {
        inResponseTo: request.id,
        acsUrl: request.acsUrl ?? '',
        audience: request.issuer,
        ...next,
      };
      last = idp.response(answer);
      const page = idp.loginPage(last, answer.acsUrl, request.relayState ?? undefined);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    } catch (err) {
      res.writeHead(400).end(String(err));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  idp = await createTestSamlIdp({
    issuer: options.issuer ?? `http://127.0.0.1:${port}/metadata`,
    entryPoint: `http://127.0.0.1:${port}/sso`,
  });
  return {
    idp,
    setNextLogin: (login) => {
      next = login;
    },
    lastResponse: () => last,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
