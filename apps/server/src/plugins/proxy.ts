import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import proxyAddr from '@fastify/proxy-addr';

/** false: no proxy; a number: that many proxy hops; a list: the proxies' addresses or ranges. */
export type TrustProxy = false | number | string[];

/**
 * Parses MAMORU_TRUST_PROXY: a hop count (`1`) or a comma-separated list of
 * addresses, CIDR ranges or the names `loopback`, `linklocal`, `uniquelocal`.
 * "Trust every hop" (`true`) is refused: any client could then claim any
 * address (defeating the log-in throttle) or https (the secure cookie).
 */
export function parseTrustProxy(value: string | undefined): TrustProxy | { error: string } {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true') {
    return { error: 'give the number of proxy hops (e.g. 1) or the proxies’ addresses, not true' };
  }
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  try {
    proxyAddr.compile(list);
  } catch (error) {
    return { error: `not an address, range or hop count: ${(error as Error).message}` };
  }
  return list;
}

/** Fastify's trustProxy option; its types take a hop count only as this function. */
export function fastifyTrustProxy(trust: TrustProxy) {
  return typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;
}

/** Whether the peer that connected to us is one of the trusted proxies. */
export function trustsPeer(trust: TrustProxy): (address: string | undefined) => boolean {
  if (trust === false) return () => false;
  if (typeof trust === 'number') return () => trust > 0;
  const compiled = proxyAddr.compile(trust);
  return (address) => Boolean(address && compiled(address, 0));
}

// Ids a proxy may hand on: short, and no characters that could forge log lines.
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * The request id: the one X-Request-Id carries when a trusted proxy sent the
 * request (so one id follows it end to end), else a new one; from anyone else
 * the header is ignored, as a client could use it to blur the logs.
 */
export function requestIdGenerator(trust: TrustProxy) {
  const trusted = trustsPeer(trust);
  return (request: IncomingMessage): string => {
    const given = request.headers['x-request-id'];
    if (
      typeof given === 'string' &&
      REQUEST_ID.test(given) &&
      trusted(request.socket.remoteAddress)
    ) {
      return given;
    }
    return randomUUID();
  };
}
