import { expect, it } from 'vitest';
import { schema } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import { insertUser } from '@mamoru/db/repositories/users';
import { gapSql, type GapRow } from '@mamoru/db/repositories/people-gaps';
import { queryRows } from '@mamoru/db';
import { actorForUser } from '../identity/sessions.ts';
import type { RequestContext } from '../audit/trail.ts';
import { listPeople } from '../people/profiles.ts';
import { seedDemoCompetence } from './people-competence.ts';

describeEachDatabase('demo competence', (ctx) => {
  it('gives the sample people jobs, profiles, agreements and one certificate about to lapse', async () => {
    const db = ctx.database.db;
    const org = await insertOrganization(db, { name: 'Demo competence', defaultLocale: 'ja' });
    const people = new Map<string, RequestContext>();
    for (const [key, roles] of [
      ['yamada', ['top_management']],
      ['sato', ['isms_manager']],
      ['suzuki', ['owner']],
    ] as const) {
      const user = await insertUser(db, {
        organizationId: org.id,
        email: `${key}-${org.id}@demo.example`,
        displayName: key,
        passwordHash: 'not-used',
        roles: [...roles],
      });
      people.set(key, { actor: actorForUser(user), requestId: null });
    }
    // Two of the organization's ISMS roles, held by the president and the ISMS manager.
    const roles = await db
      .insert(schema.ismsRoles)
      .values([
        { organizationId: org.id, code: 'TOP', name: '最高責任者', appRole: 'top_management' },
        { organizationId: org.id, code: 'MGR', name: 'ISMS管理責任者', appRole: 'isms_manager' },
      ])
      .returning();
    await db.insert(schema.ismsRoleAssignments).values(
      (['yamada', 'sato'] as const).map((key, i) => ({
        organizationId: org.id,
        roleId: roles[i]!.id,
        userId: people.get(key)!.actor.userId!,
        startsOn: '2020-01-01',
      })),
    );

    const summary = await seedDemoCompetence(db, people.get('sato')!, people, (c) => c);
    expect(summary).toEqual({ jobs: 3, requirements: 5, competences: 5, agreements: 3 });

    const today = new Date().toISOString().slice(0, 10);
    const gaps = await queryRows<GapRow>(db, gapSql(org.id, today, 90));
    // Only the IT manager's certificate needs attention: it lapses within 90 days.
    expect(gaps.map((g) => [g.user_id, g.status])).toEqual([
      [people.get('suzuki')!.actor.userId, 'expiring'],
    ]);
    const list = await listPeople(db, people.get('sato')!, { limit: 10 });
    expect(list.items.map((p) => [p.display_name, p.job_code, p.confidentiality_signed])).toEqual([
      ['sato', 'ISMS-OFFICE', true],
      ['suzuki', 'IT-ADMIN', true],
      ['yamada', 'EXEC', true],
    ]);
  });
});
