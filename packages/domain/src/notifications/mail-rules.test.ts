import { describe, expect, it } from 'vitest';
import { digestDue, latestDigestSlot, retryAfterSeconds } from './dispatch.ts';
import { mayMail } from './mailer.ts';

describe('mayMail', () => {
  const policy = {
    mailDomains: ['example.co.jp'],
    externalRecipients: ['auditor@partner.example'],
  };

  it("mails the organization's own domain and named external recipients only", () => {
    expect(mayMail('sato@example.co.jp', policy)).toBe(true);
    expect(mayMail('SATO@Example.CO.JP', policy)).toBe(true);
    expect(mayMail('Auditor@Partner.example', policy)).toBe(true);
    expect(mayMail('someone@partner.example', policy)).toBe(false);
    expect(mayMail('sato@gmail.com', policy)).toBe(false);
  });

  it('does not take a subdomain or a look-alike for the domain', () => {
    expect(mayMail('a@mail.example.co.jp', policy)).toBe(false);
    expect(mayMail('a@evilexample.co.jp', policy)).toBe(false);
    expect(mayMail('a@example.co.jp.evil.example', policy)).toBe(false);
  });

  it('mails nobody while no domain is set, and nothing that is not an address', () => {
    expect(mayMail('sato@example.co.jp', { mailDomains: [], externalRecipients: [] })).toBe(false);
    expect(mayMail('example.co.jp', policy)).toBe(false);
    expect(mayMail('@example.co.jp', policy)).toBe(false);
  });
});

describe('digest slots', () => {
  const tz = 'Asia/Tokyo';

  it('is the day at the hour in the time zone, or the day before when the hour is still ahead', () => {
    // 2026-12-07 10:00 in Tokyo is 01:00 UTC.
    expect(latestDigestSlot('daily', 8, new Date('2026-12-07T01:00:00Z'), tz).toISOString()).toBe(
      '2026-12-06T23:00:00.000Z',
    );
    // 07:00 in Tokyo: the 8 o'clock slot of the day before.
    expect(latestDigestSlot('daily', 8, new Date('2026-12-06T22:00:00Z'), tz).toISOString()).toBe(
      '2026-12-05T23:00:00.000Z',
    );
  });

  it('is Monday at the hour for a weekly digest', () => {
    // Thursday 2026-12-10 in Tokyo → Monday 2026-12-07 08:00 (Tokyo).
    expect(latestDigestSlot('weekly', 8, new Date('2026-12-10T03:00:00Z'), tz).toISOString()).toBe(
      '2026-12-06T23:00:00.000Z',
    );
    // Monday 07:00 in Tokyo: the Monday before.
    expect(latestDigestSlot('weekly', 8, new Date('2026-12-06T22:00:00Z'), tz).toISOString()).toBe(
      '2026-11-29T23:00:00.000Z',
    );
  });

  it('is due once per slot', () => {
    const now = new Date('2026-12-07T01:00:00Z');
    const base = { frequency: 'daily', digestHour: 8, timeZone: tz };
    expect(digestDue({ ...base, lastSentAt: null }, now)).toBe(true);
    expect(digestDue({ ...base, lastSentAt: new Date('2026-12-06T00:00:00Z') }, now)).toBe(true);
    expect(digestDue({ ...base, lastSentAt: new Date('2026-12-06T23:30:00Z') }, now)).toBe(false);
  });

  it('backs off doubling from a minute, at most six hours', () => {
    expect([0, 1, 2, 3].map(retryAfterSeconds)).toEqual([60, 120, 240, 480]);
    expect(retryAfterSeconds(20)).toBe(6 * 3600);
  });
});
