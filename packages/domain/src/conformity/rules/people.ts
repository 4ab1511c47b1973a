import { evidence, gap, judge, notMet, plural, tx, type Fault } from '../text.ts';
import type { ConformitySnapshot, Rule } from '../types.ts';
import {
  TRAINING,
  ROLES,
  assignmentLink,
  counted,
  courseEvidence,
  courseLink,
  flag,
  linksOf,
  personLink,
  roleLink,
  uniqueLinks,
} from './people-links.ts';

/**
 * ISMS roles and the communication of the ISMS (5.1.c, 5.1.d): roles defined
 * with their responsibilities, held now, deputized where required,
 * acknowledged by the people who hold them, written down in the issued ISMS
 * policy, the policy acknowledged, and awareness training completed in time.
 */

const POLICY_MISSING = tx('発行済みのISMS基本方針がありません。', 'No ISMS policy is issued.');
const policyGap = () => gap('/documents', 'ISMS基本方針', 'ISMS policy');

/** People who hold or deputize a role and have not acknowledged it as it stands now. */
const unacknowledgedFault = (s: ConformitySnapshot): Fault =>
  counted(s.people.unacknowledged, (n) =>
    tx(
      `${n}件の役割の割当てで、本人が現在の責任をまだ確認していません。`,
      `${plural(n, 'role assignment is', 'role assignments are')} not acknowledged by the person against the role's current responsibilities.`,
    ),
  );

/** 5.1.c: roles and responsibilities defined, assigned, deputized and acknowledged. */
export const rolesRule: Rule = (s) => {
  const p = s.people;
  const r = p.roles;
  const data = {
    activeRoles: r.active,
    currentAssignments: p.assignments,
    rolesWithoutResponsibilities: r.withoutResponsibilities.count,
    rolesNotHeld: r.unheld.count,
    rolesWithoutDeputy: r.withoutDeputy.count,
    assignmentsNotAcknowledged: p.unacknowledged.count,
    policyIssued: s.documents.policy !== null,
  };
  if (r.active === 0) {
    return notMet(
      tx('ISMSの役割が定められていません。', 'No ISMS roles are defined.'),
      [gap(ROLES, 'ISMSの役割', 'ISMS roles')],
      data,
    );
  }
  if (p.assignments === 0) {
    return notMet(
      tx(
        `ISMSの役割が${r.active}件定められていますが、現在だれも割り当てられていません。`,
        `${plural(r.active, 'ISMS role is', 'ISMS roles are')} defined, but nobody holds any of them now.`,
      ),
      [gap(ROLES, 'ISMSの役割', 'ISMS roles')],
      data,
    );
  }
  const base = tx(
    `ISMSの役割が${r.active}件定められ、現在${p.assignments}件の割当て（正・副）があります。`,
    `${plural(r.active, 'ISMS role is', 'ISMS roles are')} defined with ${plural(p.assignments, 'current assignment', 'current assignments')} (holders and deputies).`,
  );
  const faults: Fault[] = [
    counted(r.withoutResponsibilities, (n) =>
      tx(
        `${n}件の役割に責任の記載がありません。`,
        `${plural(n, 'role states', 'roles state')} no responsibilities.`,
      ),
    ),
    counted(r.unheld, (n) =>
      tx(
        `${n}件の役割を現在だれも担っていません。`,
        `${plural(n, 'role has', 'roles have')} no holder now.`,
      ),
    ),
    counted(r.withoutDeputy, (n) =>
      tx(
        `代理者が必要な${n}件の役割に代理者がいません。`,
        `${plural(n, 'role that needs', 'roles that need')} a deputy ${n === 1 ? 'has' : 'have'} none.`,
      ),
    ),
    unacknowledgedFault(s),
    flag(s.documents.policy === null, POLICY_MISSING),
  ];
  const links = uniqueLinks([
    evidence(ROLES, 'ISMSの役割', 'ISMS roles'),
    ...linksOf(r.withoutResponsibilities, roleLink),
    ...linksOf(r.unheld, roleLink),
    ...linksOf(r.withoutDeputy, roleLink),
    ...linksOf(p.unacknowledged, assignmentLink),
    ...(s.documents.policy ? [] : [policyGap()]),
  ]);
  return judge(base, faults, links, data);
};

/** 5.1.d: the ISMS policy and each person's part in it reach everyone, and they confirm it. */
export const communicationRule: Rule = (s) => {
  const p = s.people;
  const t = p.training;
  const policy = p.policy;
  const data = {
    policyIssued: s.documents.policy !== null,
    policyRecipients: policy?.recipients ?? 0,
    policyAcknowledged: policy?.acknowledged ?? 0,
    awarenessCourses: t.awareness.count,
    awarenessRequired: t.awarenessRequired,
    awarenessCompleted: t.awarenessCompleted,
    peopleBehindOnAwareness: t.awarenessNotCompleted.count,
    assignmentsNotAcknowledged: p.unacknowledged.count,
  };
  if (!policy && t.awareness.count === 0) {
    return notMet(
      tx(
        '発行済みのISMS基本方針も、全員向けの意識向上教育もなく、ISMSの重要性を伝えた記録がありません。',
        'Nothing shows the importance of the ISMS being communicated: no ISMS policy is issued and no awareness course is set for everyone.',
      ),
      [policyGap(), gap(TRAINING, '教育コース', 'Training courses')],
      data,
    );
  }
  const base = tx(
    `ISMS基本方針は${policy ? `${policy.recipients}名中${policy.acknowledged}名が確認済み` : '未発行'}で、全員向けの意識向上教育は${t.awarenessRequired}件中${t.awarenessCompleted}件が期限内に修了しています。`,
    `${policy ? `${policy.acknowledged} of ${policy.recipients} recipients acknowledged the ISMS policy in force` : 'No ISMS policy is issued'}; ${t.awarenessCompleted} of ${t.awarenessRequired} awareness completions for everyone are current.`,
  );
  const faults: Fault[] = [
    flag(
      !!policy && policy.recipients === 0,
      tx(
        '現行のISMS基本方針を確認の対象として配付した相手がいません。',
        'The ISMS policy in force was given to nobody to acknowledge.',
      ),
    ),
    counted(policy?.outstanding ?? { count: 0, refs: [] }, (n) =>
      tx(
        `${n}名がISMS基本方針をまだ確認していません。`,
        `${plural(n, 'person has', 'people have')} not acknowledged the ISMS policy yet.`,
      ),
    ),
    flag(
      t.awareness.count === 0,
      tx(
        '全員が受ける意識向上教育のコースがありません。',
        'No awareness course is set for everyone.',
      ),
    ),
    counted(t.awarenessWithoutInterval, (n) =>
      tx(
        `${n}件の意識向上教育に受け直しの間隔がありません。`,
        `${plural(n, 'awareness course sets', 'awareness courses set')} no interval for taking it again.`,
      ),
    ),
    counted(t.awarenessNotCompleted, (n) =>
      tx(
        `${n}名が意識向上教育を期限内に修了していません。`,
        `${plural(n, 'person has', 'people have')} not completed awareness training in time.`,
      ),
    ),
    unacknowledgedFault(s),
  ];
  const links = uniqueLinks([
    ...(policy
      ? [evidence(`/documents/${policy.documentId}`, 'ISMS基本方針', 'ISMS policy')]
      : [policyGap()]),
    ...(policy && policy.recipients === 0
      ? [
          gap(
            `/documents/${policy.documentId}`,
            'ISMS基本方針の配付',
            'Distribution of the ISMS policy',
          ),
        ]
      : []),
    ...linksOf(policy?.outstanding ?? { count: 0, refs: [] }, personLink),
    ...(t.awareness.count === 0 ? [gap(TRAINING, '教育コース', 'Training courses')] : []),
    ...linksOf(t.awarenessWithoutInterval, courseLink),
    ...t.awareness.refs.map(courseEvidence),
    ...linksOf(t.awarenessNotCompleted, personLink),
    ...linksOf(p.unacknowledged, assignmentLink),
  ]);
  return judge(base, faults, links, data);
};

export const PEOPLE_RULES: Record<string, Rule> = {
  '5.1.c': rolesRule,
  '5.1.d': communicationRule,
};
