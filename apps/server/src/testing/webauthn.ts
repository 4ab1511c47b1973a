import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import type { Client } from './identity.ts';

/**
 * A software authenticator for API tests (and browser-free e2e set-up): one
 * ES256 credential per instance, 'none' attestation, built byte by byte as a
 * platform authenticator would. It answers the JSON options the server sends
 * with the JSON a browser's @simplewebauthn/browser would post back.
 */

interface CreationOptions {
  challenge: string;
  rp: { id?: string; name: string };
  user: { id: string; name: string; displayName: string };
}

interface RequestOptions {
  challenge: string;
  rpId?: string;
  allowCredentials?: { id: string }[];
}

export interface AuthenticatorOptions {
  /** The page's origin the browser would report (clientDataJSON.origin). */
  origin?: string;
  /** The rp ID the authenticator hashes into authenticatorData; defaults to the options' rp. */
  rpId?: string;
  /** Whether the authenticator claims user verification (PIN, biometrics). */
  userVerified?: boolean;
}

type Cbor = Parameters<typeof isoCBOR.encode>[0];

const b64url = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export class SoftwareAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly cosePublicKey: Uint8Array;
  /** The signature counter; tests may set it back to simulate a cloned key. */
  counter = 0;
  /** The user handle the credential was created for (passkeys return it). */
  userHandle: string | null = null;
  origin: string;

  constructor(private readonly options: AuthenticatorOptions = {}) {
    this.origin = options.origin ?? 'http://localhost';
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    this.cosePublicKey = isoCBOR.encode(
      new Map<number, Cbor>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
  }

  get id() {
    return b64url(this.credentialId);
  }

  private flags(extra = 0) {
    return FLAG_UP | (this.options.userVerified === false ? 0 : FLAG_UV) | extra;
  }

  private authData(rpId: string, flags: number, attested?: Uint8Array) {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    return Buffer.concat([
      sha256(rpId),
      Buffer.from([flags]),
      counter,
      attested ?? Buffer.alloc(0),
    ]);
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin?: string) {
    const json = { type, challenge, origin: origin ?? this.origin, crossOrigin: false };
    return Buffer.from(JSON.stringify(json));
  }

  /** navigator.credentials.create() for these options: a registration response. */
  register(options: CreationOptions, override: { origin?: string; challenge?: string } = {}) {
    const rpId = this.options.rpId ?? options.rp.id ?? 'localhost';
    this.userHandle = options.user.id;
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const attested = Buffer.concat([
      Buffer.alloc(16), // AAGUID: none for a software authenticator
      idLength,
      this.credentialId,
      this.cosePublicKey,
    ]);
    const authData = this.authData(rpId, this.flags(FLAG_AT), attested);
    const attestationObject = isoCBOR.encode(
      new Map<string, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    const clientDataJSON = this.clientData(
      'webauthn.create',
      override.challenge ?? options.challenge,
      override.origin,
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
    };
  }

  /** navigator.credentials.get() for these options: an assertion, the counter moved on. */
  authenticate(options: RequestOptions, override: { origin?: string; challenge?: string } = {}) {
    const rpId = this.options.rpId ?? options.rpId ?? 'localhost';
    this.counter += 1;
    const authData = this.authData(rpId, this.flags());
    const clientDataJSON = this.clientData(
      'webauthn.get',
      override.challenge ?? options.challenge,
      override.origin,
    );
    const signature = sign(
      'sha256',
      Buffer.concat([authData, sha256(clientDataJSON)]),
      this.privateKey,
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key' as const,
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(this.userHandle ? { userHandle: this.userHandle } : {}),
      },
    };
  }
}

/** What the server's options routes answer, as far as the tests read it. */
export interface Ceremony {
  flowId: string;
  options: CreationOptions &
    RequestOptions & {
      excludeCredentials?: { id: string }[];
      authenticatorSelection?: Record<string, unknown>;
    };
}

function expectOk(response: { statusCode: number; body: string }, what: string) {
  if (response.statusCode !== 200) {
    throw new Error(`${what}: expected 200, got ${response.statusCode}: ${response.body}`);
  }
}

/**
 * Adds a passkey to the client's account through both steps of the ceremony;
 * the second answer is returned as it came (201, or a refusal to test).
 */
export async function registerPasskey(
  client: Client,
  authenticator = new SoftwareAuthenticator(),
  label = 'Laptop',
) {
  const start = await client.post('/api/v1/me/factors/webauthn/options');
  expectOk(start, 'POST /me/factors/webauthn/options');
  const { flowId, options } = start.json<Ceremony>();
  const res = await client.post('/api/v1/me/factors/webauthn', {
    flowId,
    response: authenticator.register(options),
    label,
  });
  return { res, authenticator, options };
}

/** Options to answer with a passkey: the second step of a sign-in, or a step-up. */
export async function passkeyOptions(client: Client, purpose: 'mfa' | 'step-up' = 'mfa') {
  const url = `/api/v1/auth/${purpose}/webauthn/options`;
  const res = await client.post(url);
  expectOk(res, `POST ${url}`);
  return res.json<Ceremony>();
}
