import { beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import { notifyDueItems } from '../notifications/scheduled.ts';
import { organizationDueItems } from './reminders.ts';

const t = schema;
// 12:00 in Japan on 2026-06-15.
const NOW = new Date('2026-06-15T03:00:00Z');

/** The daily reminder job over the calendar's real items (the wiring of issue 22). */
describeEachDatabase('reminders from the calendar', (ctx) => {
  const db = () => ctx.database.db;
  let org: string;
  let alice: string;

  beforeAll(async () => {
    org = (await insertOrganization(db(), { name: 'Reminder Co', defaultLocale: 'ja' })).id;
    const [person] = await db()
      .insert(t.users)
      .values({
        organizationId: org,
        email: 'alice@reminder.example',
        displayName: 'Alice',
        passwordHash: 'x',
        roles: ['staff'],
      })
      .returning({ id: t.users.id });
    alice = person!.id;
    const doc = (code: string, nextReviewDate: string, ownerUserId: string | null) => ({
      organizationId: org,
      code,
      title: code.toLowerCase(),
      type: 'procedure',
      status: 'issued',
      nextReviewDate,
      ownerUserId,
    });
    await db()
      .insert(t.documents)
      .values([
        doc('SOON', '2026-06-18', alice),
        doc('LATE', '2026-06-01', alice),
        doc('FAR', '2026-08-01', alice),
        doc('NOBODY', '2026-06-16', null),
      ]);
  });

  it('gives the job every open item up to a week ahead, overdue ones included', async () => {
    const items = await organizationDueItems(db(), org, '2026-06-15');
    const titles = items.filter((i) => i.kind === 'document_review').map((i) => i.title);
    expect(titles.sort()).toEqual(['LATE late', 'NOBODY nobody', 'SOON soon']);
  });

  it('reminds the responsible person once: due soon and overdue', async () => {
    expect(await notifyDueItems(db(), organizationDueItems, NOW)).toBe(2);
    const rows = await db()
      .select({ kind: t.notifications.kind, title: t.notifications.title })
      .from(t.notifications)
      .where(eq(t.notifications.recipientId, alice));
    expect(rows.map((r) => `${r.kind} ${r.title}`).sort()).toEqual([
      'due_soon SOON soon',
      'overdue LATE late',
    ]);
    // The next run finds the same items and creates nothing new.
    expect(await notifyDueItems(db(), organizationDueItems, NOW)).toBe(0);
  });
});
