import { describe, expect, it } from 'vitest';
import { courseRef, issuedPolicy, personRef, roleRef, some, withPeople } from '../fixtures.ts';
import type { ConformitySnapshot } from '../types.ts';
import { RULES } from './index.ts';
import { gapHrefs as gaps, readable } from './people-testing.ts';

const run = (id: string, s: ConformitySnapshot) => RULES[id]!(s);
const policy = { documents: { ...withPeople().documents, policy: issuedPolicy } };
const roles = (over: Partial<ConformitySnapshot['people']['roles']> = {}) => ({
  ...withPeople().people.roles,
  active: 4,
  ...over,
});
const unacked = {
  userId: 'u-9',
  name: '佐藤',
  roleId: 'r-1',
  roleName: '事務局',
  roleNameEn: 'ISMS office',
};

describe('5.1.c ISMS roles and responsibilities', () => {
  it('is not met without roles, or with roles nobody holds', () => {
    const none = run('5.1.c', withPeople());
    expect(none).toMatchObject({ status: 'not_met', links: [{ href: '/people/roles' }] });
    const unheld = run('5.1.c', withPeople({ roles: roles({ unheld: some(roleRef('r-1')) }) }));
    expect(unheld.status).toBe('not_met');
    expect(unheld.explanation.en).toContain('4 ISMS roles are defined, but nobody holds');
    readable(unheld);
  });

  it('is met when every role states its duties, is held, deputized and acknowledged, and the policy is issued', () => {
    const e = run('5.1.c', withPeople({ roles: roles(), assignments: 6 }, {}, policy));
    expect(e.status).toBe('met');
    expect(gaps(e)).toEqual([]);
    expect(e.data).toMatchObject({ activeRoles: 4, currentAssignments: 6, policyIssued: true });
    readable(e);
  });

  it('names each role at fault and each person who has not acknowledged', () => {
    const e = run(
      '5.1.c',
      withPeople({
        roles: roles({
          withoutResponsibilities: some(roleRef('r-1')),
          unheld: some(roleRef('r-2')),
          withoutDeputy: { count: 7, refs: [roleRef('r-3')] },
        }),
        assignments: 3,
        unacknowledged: some(unacked),
      }),
    );
    expect(e.status).toBe('partly_met');
    expect(gaps(e)).toEqual([
      '/people/roles?role=r-1',
      '/people/roles?role=r-2',
      '/people/roles?role=r-3',
      '/people/u-9',
      '/documents',
    ]);
    expect(e.links.find((l) => l.href === '/people/u-9')!.label).toEqual({
      ja: '佐藤（事務局）',
      en: '佐藤 (ISMS office)',
    });
    expect(e.explanation.en).toContain('7 roles that need a deputy have none');
    expect(e.explanation.en).toContain('1 role assignment is not acknowledged');
    expect(e.explanation.en).toContain('No ISMS policy is issued');
    expect(e.explanation.ja).toContain('1件の役割を現在だれも担っていません');
    readable(e);
  });

  it('falls back to the Japanese role name when no English one is given', () => {
    const e = run(
      '5.1.c',
      withPeople({
        roles: roles({ unheld: some(roleRef('r-1', '推進委員', '')) }),
        assignments: 1,
      }),
    );
    expect(e.links.find((l) => l.href.endsWith('r-1'))!.label).toEqual({
      ja: '推進委員',
      en: '推進委員',
    });
  });
});

describe('5.1.d communicating the importance of the ISMS', () => {
  const awareness = { awareness: some(courseRef('c-1')), awarenessRequired: 10 };
  const policyFacts = (recipients: number, outstanding = 0) => ({
    documentId: 'd-1',
    recipients,
    acknowledged: recipients - outstanding,
    outstanding: {
      count: outstanding,
      refs: Array.from({ length: Math.min(outstanding, 5) }, (_, i) => personRef(`u-${i}`)),
    },
  });

  it('is not met with neither a policy nor an awareness course', () => {
    const e = run('5.1.d', withPeople());
    expect(e.status).toBe('not_met');
    expect(gaps(e)).toEqual(['/documents', '/training']);
    readable(e);
  });

  it('is met when everyone acknowledged the policy and completed awareness in time', () => {
    const e = run(
      '5.1.d',
      withPeople({ policy: policyFacts(10) }, { ...awareness, awarenessCompleted: 10 }, policy),
    );
    expect(e.status).toBe('met');
    expect(e.links.map((l) => [l.kind, l.href])).toEqual([
      ['evidence', '/documents/d-1'],
      ['evidence', '/training/courses/c-1'],
    ]);
    expect(e.explanation.en).toBe(
      '10 of 10 recipients acknowledged the ISMS policy in force; 10 of 10 awareness completions for everyone are current.',
    );
  });

  it('links the people behind on the policy or on awareness, and the course without an interval', () => {
    const e = run(
      '5.1.d',
      withPeople(
        { policy: policyFacts(10, 2), unacknowledged: some(unacked) },
        {
          ...awareness,
          awarenessCompleted: 7,
          awarenessWithoutInterval: some(courseRef('c-1')),
          awarenessNotCompleted: some(personRef('u-0'), personRef('u-7')),
        },
        policy,
      ),
    );
    expect(e.status).toBe('partly_met');
    expect(gaps(e)).toEqual([
      '/people/u-0',
      '/people/u-1',
      '/training/courses/c-1',
      '/people/u-7',
      '/people/u-9',
    ]);
    expect(e.explanation.en).toContain('2 people have not acknowledged the ISMS policy');
    expect(e.explanation.en).toContain('2 people have not completed awareness training in time');
    expect(e.explanation.ja).toContain('1件の意識向上教育に受け直しの間隔がありません');
    readable(e);
  });

  it('is partly met with an issued policy nobody was asked to acknowledge and no awareness course', () => {
    const e = run('5.1.d', withPeople({ policy: policyFacts(0) }, {}, policy));
    expect(e.status).toBe('partly_met');
    expect(gaps(e)).toEqual(['/documents/d-1', '/training']);
    expect(e.explanation.en).toContain('given to nobody to acknowledge');
  });
});
