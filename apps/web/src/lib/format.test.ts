import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate } from './format';

describe('formatDate', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    // Assigning undefined would store the string "undefined" for the files after this one.
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('shows a calendar date as written, whatever the local time zone', () => {
    for (const tz of ['America/New_York', 'Asia/Tokyo', 'UTC']) {
      process.env.TZ = tz;
      expect(formatDate('2026-04-15', 'en'), tz).toBe('15 Apr 2026');
      expect(formatDate('2026-04-15', 'ja'), tz).toBe('2026年4月15日');
    }
  });

  it('shows an instant on its local calendar day', async () => {
    process.env.TZ = 'Asia/Tokyo';
    // A fresh module: formatters are cached with the zone in force when first made,
    // and files sharing this worker may have made them in another zone.
    vi.resetModules();
    const fresh = await import('./format');
    expect(fresh.formatDate('2026-04-14T20:00:00Z', 'en')).toBe('15 Apr 2026');
    expect(fresh.formatDate(null, 'en')).toBe('');
  });
});
