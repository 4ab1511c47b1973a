import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryRows } from '@mamoru/db';
import { describeEachDatabase } from '@mamoru/db/testing';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import { pruneSignInState } from './prune.ts';

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

describeEachDatabase('pruning lapsed sign-in state', (ctx) => {
  it('removes expired sessions, flows and old failures, and keeps the live ones', async () => {
    const { db } = ctx.database;
    const org = await insertOrganization(db, { name: 'Prune Co', defaultLocale: 'en' });
    const [user] = await queryRows<{ id: string }>(
      db,
      sql`insert into users (organization_id, email, display_name, password_hash)
        values (${org.id}, ${`prune-${org.id}@example.com`}, 'P', '!') returning id`,
    );
    const session = (id: string, expires: string) =>
      db.execute(sql`insert into sessions (id, organization_id, user_id, csrf_token, expires_at)
        values (${id + org.id}, ${org.id}, ${user!.id}, 'c', now() + ${expires}::interval)`);
    await session('lapsed', '-1 minute');
    await session('live', '1 hour');
    const flow = (id: string, expires: string) =>
      db.execute(sql`insert into auth_flows (id, organization_id, kind, data, expires_at)
        values (${id + org.id}, ${org.id}, 'oidc', '{}'::jsonb, now() + ${expires}::interval)`);
    await flow('lapsed', '-1 second');
    await flow('live', '5 minutes');
    const failure = (key: string, ago: string) =>
      db.execute(sql`insert into login_failures (key, at)
        values (${key + org.id}, now() - ${ago}::interval)`);
    await failure('old', '8 days');
    await failure('recent', '1 hour');

    await pruneSignInState.run({ db, now: new Date(), log: quiet });

    const left = await queryRows<{ id: string }>(
      db,
      sql`select id from sessions where organization_id = ${org.id}
        union all select id from auth_flows where organization_id = ${org.id}
        union all select key from login_failures where key like ${'%' + org.id}
        order by 1`,
    );
    expect(left.map((r) => r.id.replace(org.id, ''))).toEqual(['live', 'live', 'recent']);
  });
});
