import { expect, it } from 'vitest';
import { REVIEW_INPUT_SECTIONS } from '@mamoru/contracts';
import { schema } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import { insertUser } from '@mamoru/db/repositories/users';
import * as repo from '@mamoru/db/repositories/reviews-minutes';
import { getReviewRow, nextReviewNumber } from '@mamoru/db/repositories/reviews-rows';
import { getImprovementView } from '@mamoru/db/repositories/improvement-register';
import { actorForUser } from '../identity/sessions.ts';
import { minuteDemoReview } from './reviews-minutes.ts';

describeEachDatabase('demo management review minutes', (ctx) => {
  it('holds, minutes, decides, approves and distributes last year’s review; one decision done, one open', async () => {
    const db = ctx.database.db;
    const org = await insertOrganization(db, { name: 'Demo review org', defaultLocale: 'ja' });
    const person = async (key: string, roles: string[]) => {
      const user = await insertUser(db, {
        organizationId: org.id,
        email: `${key}-${org.id}@demo.example`,
        displayName: key,
        passwordHash: 'not-used',
        roles,
      });
      return { actor: actorForUser(user), requestId: null };
    };
    const president = await person('president', ['top_management']);
    const manager = await person('manager', ['isms_manager']);
    const itHead = await person('it-head', ['owner']);
    const lastYear = `${new Date().getUTCFullYear() - 1}-11-20`;
    const review = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(schema.managementReviews)
        .values({
          organizationId: org.id,
          number: await nextReviewNumber(tx, org.id),
          title: '前年度マネジメントレビュー',
          plannedOn: lastYear,
          status: 'inputs_prepared',
          inputsPreparedAt: new Date(),
        })
        .returning();
      await tx.insert(schema.managementReviewAttendees).values([
        {
          organizationId: org.id,
          reviewId: row!.id,
          userId: president.actor.userId,
          role: 'top_management',
        },
        {
          organizationId: org.id,
          reviewId: row!.id,
          userId: manager.actor.userId,
          role: 'isms_manager',
          position: 1,
        },
      ]);
      await tx.insert(schema.managementReviewInputs).values(
        REVIEW_INPUT_SECTIONS.map((section) => ({
          organizationId: org.id,
          reviewId: row!.id,
          section,
        })),
      );
      return row!;
    });

    await minuteDemoReview(db, { manager, president, itHead }, review.id);

    const row = (await getReviewRow(db, org.id, review.id))!;
    expect(row).toMatchObject({ status: 'approved', heldOn: lastYear });
    expect(row.approvedBy).toBe(president.actor.userId);
    expect(row.distributedAt).not.toBeNull();
    const decisions = await repo.listDecisions(db, org.id, review.id, { limit: 10 });
    expect(decisions.items.map((d) => [d.output, d.improvementStatus])).toEqual([
      ['procedure', 'implemented'],
      ['resources', 'accepted'],
    ]);
    const open = (await getImprovementView(db, org.id, decisions.items[1]!.improvementId!))!;
    expect(open).toMatchObject({ source: 'management_review', ownerId: itHead.actor.userId });
    const discussed = await repo.inputDiscussions(db, org.id, review.id);
    expect(
      discussed
        .filter((i) => i.discussion !== '')
        .map((i) => i.section)
        .sort(),
    ).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });
});
