import { SamlStatusError, type Profile } from '@node-saml/node-saml';
import type { Db } from '@mamoru/db';
import * as samlRepo from '@mamoru/db/repositories/saml';
import { DomainError } from '../errors.ts';
import {
  SamlRequestStore,
  samlClient,
  samlSettingsOf,
  samlUrls,
  type SamlProvider,
} from './saml.ts';

/**
 * Checks what the IdP posted to our ACS URL before anyone is signed in: a
 * signed assertion (the signature over the assertion itself, by one of the
 * configured certificates), from the configured issuer, for our audience and
 * ACS URL, within its validity (plus the allowed clock skew), answering a
 * request we sent and have not seen answered, and never seen before.
 */

/** Why a SAML response was refused; the log-in page shows `sso_error=<code>`. */
export const SAML_REFUSALS = [
  /** Not a SAML response, or no assertion in it. */
  'saml_failed',
  /** The assertion carries no signature (a signed Response around it is not enough). */
  'saml_unsigned',
  /** The signature does not hold: another key, or the content changed after signing. */
  'saml_signature',
  /** Answers no request we sent (unsolicited, unknown, expired or already answered). */
  'saml_unsolicited',
  /** Outside its validity period, even with the allowed clock skew. */
  'saml_expired',
  /** Issued for another service provider (AudienceRestriction). */
  'saml_audience',
  /** Issued by another IdP than the provider's idpIssuer. */
  'saml_issuer',
  /** Meant for another ACS URL (SubjectConfirmationData Recipient). */
  'saml_recipient',
  /** This assertion was accepted before. */
  'saml_replayed',
  /** The IdP answered with an error status (the user cancelled, no access, …). */
  'saml_idp_refused',
  /** No NameID to identify the user by. */
  'saml_subject_missing',
] as const;
export type SamlRefusalCode = (typeof SAML_REFUSALS)[number];

export const samlRefusal = (code: SamlRefusalCode) => new DomainError('unauthenticated', code);

/** What the assertion says about the user, as signInWithIdentity takes it. */
export interface SamlClaims {
  subject: string;
  email: string | null;
  name?: string;
  groups: string[];
  mfa: boolean;
}

/** Whether the posted XML's assertion holds a Signature element at all. */
function assertionSigned(samlResponse: string) {
  const xml = Buffer.from(samlResponse, 'base64').toString('utf8');
  const assertion = /<(?:\w+:)?Assertion[\s>][\s\S]*<\/(?:\w+:)?Assertion>/.exec(xml)?.[0] ?? '';
  return /<(?:\w+:)?Signature[\s>]/.test(assertion.slice(1));
}

/** node-saml says why in its messages only; they are stable within a major version. */
function refusalFor(err: unknown, samlResponse: string): DomainError {
  if (err instanceof SamlStatusError) return samlRefusal('saml_idp_refused');
  const message = err instanceof Error ? err.message : String(err);
  if (/InResponseTo/i.test(message)) return samlRefusal('saml_unsolicited');
  if (/signature|signed data/i.test(message)) {
    return samlRefusal(assertionSigned(samlResponse) ? 'saml_signature' : 'saml_unsigned');
  }
  if (/expired|not yet valid|subject confirmation/i.test(message)) {
    return samlRefusal('saml_expired');
  }
  if (/audience/i.test(message)) return samlRefusal('saml_audience');
  return samlRefusal('saml_failed');
}

type Node = Record<string, unknown> & { $?: Record<string, string>; _?: string };

/** xml2js children of a node by local name (node-saml strips prefixes). */
const children = (node: unknown, name: string): Node[] => {
  const value = (node as Record<string, unknown> | undefined)?.[name];
  return Array.isArray(value) ? (value as Node[]) : [];
};

/** An attribute's values as strings: one value or several, text only. */
function stringsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((v) => (typeof v === 'string' ? v : (v as Node | null)?._))
    .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
    .map((v) => v.trim());
}

/** Authentication contexts and method references that name more than a password. */
const MFA_CONTEXTS = [
  'https://refeds.org/profile/mfa',
  'http://schemas.microsoft.com/claims/multipleauthn',
  'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract',
  'urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorUnregistered',
  'urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken',
  'urn:oasis:names:tc:SAML:2.0:ac:classes:Smartcard',
  'urn:oasis:names:tc:SAML:2.0:ac:classes:SmartcardPKI',
];
const AMR_ATTRIBUTE = 'http://schemas.microsoft.com/claims/authnmethodsreferences';

function claimsOf(provider: SamlProvider, profile: Profile, assertion: Node): SamlClaims {
  const settings = samlSettingsOf(provider);
  const attributes = (profile.attributes ?? {}) as Record<string, unknown>;
  const subject = profile.nameID?.trim();
  if (!subject) throw samlRefusal('saml_subject_missing');
  const emailFormat = profile.nameIDFormat?.endsWith(':emailAddress') ?? false;
  // No email is fine for a user linked already; sign-in refuses it for anyone else.
  const email =
    stringsOf(attributes[settings.emailAttribute])[0] ??
    stringsOf(profile.email)[0] ??
    (emailFormat ? subject : null);
  const name = stringsOf(attributes[settings.nameAttribute])[0];
  const contexts = children(assertion, 'AuthnStatement')
    .flatMap((s) => children(s, 'AuthnContext'))
    .flatMap((c) => stringsOf(children(c, 'AuthnContextClassRef')));
  const methods = [...contexts, ...stringsOf(attributes[AMR_ATTRIBUTE])];
  return {
    subject,
    email: email?.toLowerCase() ?? null,
    ...(name ? { name } : {}),
    groups: stringsOf(attributes[settings.groupsAttribute]),
    mfa: methods.some((m) => MFA_CONTEXTS.includes(m)),
  };
}

/** The latest moment the assertion could still be accepted, for the replay table. */
function acceptableUntil(assertion: Node, skewSeconds: number): Date {
  const dates = [
    ...children(assertion, 'Conditions').map((c) => c.$?.NotOnOrAfter),
    ...children(assertion, 'Subject')
      .flatMap((s) => children(s, 'SubjectConfirmation'))
      .flatMap((c) => children(c, 'SubjectConfirmationData'))
      .map((d) => d.$?.NotOnOrAfter),
  ]
    .map((d) => (d ? Date.parse(d) : NaN))
    .filter((d) => !Number.isNaN(d));
  // Without dates the assertion is kept a day: node-saml accepts undated ones.
  const until = dates.length ? Math.max(...dates) : Date.now() + 86_400_000;
  return new Date(until + (skewSeconds + 60) * 1000);
}

export interface ValidatedSamlResponse {
  claims: SamlClaims;
  returnTo: string | null;
}

/**
 * Validates a POSTed SAMLResponse for this provider and returns the user's
 * claims, or throws a DomainError whose code is one of SAML_REFUSALS. The request it answers is used up either way.
 */
export async function validateSamlResponse(
  db: Db,
  provider: SamlProvider,
  samlResponse: unknown,
  baseUrl: string,
): Promise<ValidatedSamlResponse> {
  if (typeof samlResponse !== 'string' || samlResponse.length === 0) {
    throw samlRefusal('saml_failed');
  }
  const settings = samlSettingsOf(provider);
  const store = new SamlRequestStore(db, provider);
  let profile: Profile | null;
  try {
    ({ profile } = await samlClient(provider, baseUrl, store).validatePostResponseAsync({
      SAMLResponse: samlResponse,
    }));
  } catch (err) {
    throw refusalFor(err, samlResponse);
  }
  if (!profile) throw samlRefusal('saml_failed');
  // Another copy of this response got to the request first.
  if (!store.consumed) throw samlRefusal('saml_unsolicited');
  if (profile.issuer !== settings.idpIssuer) throw samlRefusal('saml_issuer');
  const assertion = (profile.getAssertion?.() as { Assertion?: Node } | undefined)?.Assertion;
  const assertionId = assertion?.$?.ID;
  if (!assertion || !assertionId) throw samlRefusal('saml_failed');
  const { acsUrl } = samlUrls(baseUrl, provider);
  const recipients = children(assertion, 'Subject')
    .flatMap((s) => children(s, 'SubjectConfirmation'))
    .flatMap((c) => children(c, 'SubjectConfirmationData'))
    .map((d) => d.$?.Recipient)
    .filter((r): r is string => Boolean(r));
  if (recipients.some((r) => r !== acsUrl)) throw samlRefusal('saml_recipient');
  const claims = claimsOf(provider, profile, assertion);
  const fresh = await samlRepo.rememberAssertion(
    db,
    provider.id,
    assertionId,
    acceptableUntil(assertion, settings.clockSkewSeconds),
  );
  if (!fresh) throw samlRefusal('saml_replayed');
  return { claims, returnTo: store.returnTo };
}
