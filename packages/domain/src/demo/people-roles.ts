import type { Db } from '@mamoru/db';
import type { IsmsRole } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { acknowledgeAssignment } from '../people/acknowledgement.ts';
import { createAssignment } from '../people/assignments.ts';
import { addCommitteeMember } from '../people/committee.ts';
import { createMeeting } from '../people/meetings.ts';
import { listRoles } from '../people/roles.ts';
import { loadDefaultRoles } from '../people/roles-defaults.ts';

/**
 * The sample company's ISMS roles (5.1.c) and committee (annex 4.1): the
 * shipped roles held by its people with deputies where the role asks for one,
 * the promoters and asset owners of two units, a committee of three and one
 * meeting held. Written through the services as the ISMS manager; most
 * holders acknowledged their role, the IT manager not yet all of his, so the
 * acknowledgement view has something to show.
 */

const daysAgo = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
};

type Person = 'yamada' | 'sato' | 'suzuki';

interface DemoAssignment {
  role: string;
  person: Person;
  kind: 'holder' | 'deputy';
  /** Unit code, for roles held per unit. */
  unit?: string;
  acknowledged: boolean;
}

export const DEMO_ASSIGNMENTS: readonly DemoAssignment[] = [
  { role: 'CISO', person: 'yamada', kind: 'holder', acknowledged: true },
  { role: 'ISMS_MGR', person: 'sato', kind: 'holder', acknowledged: true },
  { role: 'ISMS_MGR', person: 'suzuki', kind: 'deputy', acknowledged: true },
  { role: 'SECRETARIAT', person: 'sato', kind: 'holder', acknowledged: true },
  { role: 'PROMOTER', person: 'sato', kind: 'holder', unit: 'MGT', acknowledged: true },
  { role: 'PROMOTER', person: 'suzuki', kind: 'holder', unit: 'IT', acknowledged: true },
  { role: 'AUDIT_LEAD', person: 'yamada', kind: 'holder', acknowledged: true },
  { role: 'AUDIT_LEAD', person: 'sato', kind: 'deputy', acknowledged: true },
  { role: 'ASSET_OWNER', person: 'suzuki', kind: 'holder', unit: 'IT', acknowledged: false },
  { role: 'INCIDENT_LEAD', person: 'suzuki', kind: 'holder', acknowledged: false },
  { role: 'INCIDENT_LEAD', person: 'sato', kind: 'deputy', acknowledged: true },
];

export interface DemoRolesSummary {
  roleAssignments: number;
  committeeMembers: number;
  committeeMeetings: number;
}

export async function seedDemoRoles(
  db: Db,
  _ctx: RequestContext,
  demo: { users: Map<string, RequestContext>; units: Map<string, string> },
): Promise<DemoRolesSummary> {
  const person = (key: Person) => {
    const ctx = demo.users.get(key);
    if (!ctx) throw new Error(`demo person ${key} is missing`);
    return ctx;
  };
  const manager = person('sato');
  let roles: IsmsRole[] = await listRoles(db, manager, 'all');
  if (roles.length === 0) roles = await loadDefaultRoles(db, manager);
  const byCode = new Map(roles.filter((r) => r.active).map((r) => [r.code, r]));

  let roleAssignments = 0;
  for (const a of DEMO_ASSIGNMENTS) {
    const role = byCode.get(a.role);
    // The organization may have renamed or retired a shipped role: leave it alone.
    if (!role || role.perUnit !== (a.unit !== undefined)) continue;
    const holder = person(a.person);
    const created = await createAssignment(db, manager, role.id, {
      userId: holder.actor.userId!,
      kind: a.kind,
      orgUnitId: a.unit ? (demo.units.get(a.unit) ?? null) : null,
      startsOn: daysAgo(365),
      endsOn: null,
      note: '',
    });
    roleAssignments += 1;
    if (a.acknowledged) await acknowledgeAssignment(db, holder, created.id);
  }

  const members: [Person, 'chair' | 'secretary' | 'member'][] = [
    ['yamada', 'chair'],
    ['sato', 'secretary'],
    ['suzuki', 'member'],
  ];
  for (const [key, position] of members) {
    await addCommitteeMember(db, manager, {
      userId: person(key).actor.userId!,
      position,
      joinedOn: daysAgo(365),
    });
  }
  await createMeeting(db, manager, {
    title: 'ISMS委員会(定例)',
    heldOn: daysAgo(60),
    status: 'held',
    agenda: [
      '1. 前回の指摘事項への対応状況',
      '2. リスク対応計画の進み具合',
      '3. 情報セキュリティ教育の受講状況',
    ].join('\n'),
    minutes: [
      '・指摘事項は2件とも対応済みであることを確認した。',
      '・バックアップの復元テストを次の四半期に実施することを決めた。',
      '・教育の未受講者には推進委員から声をかける。',
    ].join('\n'),
    attendeeUserIds: members.map(([key]) => person(key).actor.userId!),
  });
  return { roleAssignments, committeeMembers: members.length, committeeMeetings: 1 };
}
