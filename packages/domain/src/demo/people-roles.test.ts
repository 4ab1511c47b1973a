import { expect, it } from 'vitest';
import { describeEachDatabase } from '@mamoru/db/testing';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import { insertUser } from '@mamoru/db/repositories/users';
import { actorForUser } from '../identity/sessions.ts';
import { insertOrgUnit } from '@mamoru/db/repositories/scope';
import { listRoles } from '../people/roles.ts';
import { listCommitteeMembers } from '../people/committee.ts';
import { listMeetings } from '../people/meetings.ts';
import { myRoles } from '../people/acknowledgement.ts';
import { DEMO_ASSIGNMENTS, seedDemoRoles } from './people-roles.ts';

describeEachDatabase('demo ISMS roles and committee', (ctx) => {
  it('loads the roles into an empty register, assigns the sample people and holds one meeting', async () => {
    const db = ctx.database.db;
    const org = await insertOrganization(db, { name: 'Demo roles org', defaultLocale: 'ja' });
    const users = new Map<string, { actor: ReturnType<typeof actorForUser>; requestId: null }>();
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
      users.set(key, { actor: actorForUser(user), requestId: null });
    }
    const units = new Map<string, string>();
    for (const code of ['MGT', 'IT']) {
      const unit = await insertOrgUnit(db, { organizationId: org.id, code, name: code });
      units.set(code, unit.id);
    }
    const manager = users.get('sato')!;
    const summary = await seedDemoRoles(db, manager, { users, units });
    expect(summary).toEqual({
      roleAssignments: DEMO_ASSIGNMENTS.length,
      committeeMembers: 3,
      committeeMeetings: 1,
    });
    const roles = await listRoles(db, manager, 'true');
    const ismsManager = roles.find((r) => r.code === 'ISMS_MGR')!;
    expect(ismsManager.assignments.map((a) => [a.kind, a.user.name])).toEqual([
      ['holder', 'sato'],
      ['deputy', 'suzuki'],
    ]);
    const promoter = roles.find((r) => r.code === 'PROMOTER')!;
    expect(promoter.assignments.map((a) => a.unit?.code).sort()).toEqual(['IT', 'MGT']);
    const suzuki = await myRoles(db, users.get('suzuki')!);
    expect(suzuki.filter((m) => m.assignment.acknowledgedAt === null)).toHaveLength(2);
    const members = await listCommitteeMembers(db, manager);
    expect(members.map((m) => m.position)).toEqual(['chair', 'secretary', 'member']);
    const meetings = await listMeetings(db, manager, { limit: 10 });
    expect(meetings.items).toHaveLength(1);
    expect(meetings.items[0]).toMatchObject({ code: 'CM-0001', status: 'held' });
    expect(meetings.items[0]!.attendees).toHaveLength(3);
  });
});
