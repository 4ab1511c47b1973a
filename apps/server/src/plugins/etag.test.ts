import type { FastifyReply, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@mamoru/domain';
import { requireIfMatch, setEtag } from './etag.ts';

const requestWith = (ifMatch?: string) =>
  ({ headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } }) as unknown as FastifyRequest;

function domainErrorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('setEtag', () => {
  it('sends the version as a strong ETag', () => {
    const headers: Record<string, string> = {};
    const reply = {
      header(name: string, value: string) {
        headers[name] = value;
        return reply;
      },
    } as unknown as FastifyReply;
    setEtag(reply, 7);
    expect(headers).toEqual({ etag: '"7"' });
  });
});

describe('requireIfMatch', () => {
  it('reads the version from a strong or weak ETag', () => {
    expect(requireIfMatch(requestWith('"3"'))).toBe(3);
    expect(requireIfMatch(requestWith('W/"3"'))).toBe(3);
    expect(requireIfMatch(requestWith('  "12"  '))).toBe(12);
    expect(requireIfMatch(requestWith('"0"'))).toBe(0);
  });

  it('round-trips what setEtag sends', () => {
    let sent = '';
    const reply = { header: (_: string, v: string) => void (sent = v) } as unknown as FastifyReply;
    setEtag(reply, 41);
    expect(requireIfMatch(requestWith(sent))).toBe(41);
  });

  it('demands the header when it is missing or empty (428)', () => {
    for (const header of [undefined, '']) {
      const error = domainErrorOf(() => requireIfMatch(requestWith(header)));
      expect(error).toMatchObject({ kind: 'precondition_required', code: 'if_match_required' });
    }
  });

  it('refuses a malformed or foreign ETag as a failed precondition (412)', () => {
    for (const header of [
      '3',
      '"abc"',
      '"3',
      '*',
      '"3", "4"',
      'w/"3"',
      '"-1"',
      '"1.5"',
      '"99999999999999999999"',
    ]) {
      const error = domainErrorOf(() => requireIfMatch(requestWith(header)));
      expect(error, header).toMatchObject({ kind: 'precondition_failed', code: 'stale_version' });
    }
  });
});
