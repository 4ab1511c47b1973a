import {
  evidence,
  gap,
  joinTexts,
  judge,
  met,
  notMet,
  partlyMet,
  plural,
  tx,
  type Fault,
} from '../text.ts';
import type { ConformityLink, Rule } from '../types.ts';
import {
  GAPS,
  JOBS,
  ROLES,
  SESSIONS,
  counted,
  flag,
  jobLink,
  linksOf,
  personLink,
  roleLink,
  sessionLink,
  uniqueLinks,
} from './people-links.ts';

/**
 * Competence (5.2.2.a, b, d): what each role and job needs, nobody lacking
 * it (the shared gap query decides), and the records that prove it.
 */

/** 5.2.2.a: every active ISMS role and job states the competence it needs. */
const requirementsRule: Rule = (s) => {
  const p = s.people;
  const data = {
    activeRoles: p.roles.active,
    rolesWithoutRequirements: p.roles.withoutRequirements.count,
    activeJobs: p.jobs.active,
    jobsWithoutRequirements: p.jobs.withoutRequirements.count,
    requirements: p.requirements,
  };
  if (p.roles.active === 0) {
    return notMet(
      tx(
        '力量を定める対象のISMSの役割がありません。',
        'No ISMS roles are defined to state the competence they need.',
      ),
      [gap(ROLES, 'ISMSの役割', 'ISMS roles')],
      data,
    );
  }
  if (p.requirements === 0) {
    return notMet(
      tx(
        'どの役割にも職務にも必要な力量が定められていません。',
        'No role or job states the competence it needs.',
      ),
      [gap(JOBS, '職務と必要な力量', 'Jobs and required competence')],
      data,
    );
  }
  const base = tx(
    `役割${p.roles.active}件と職務${p.jobs.active}件に対し、必要な力量が${p.requirements}件定められています。`,
    `${plural(p.requirements, 'competence requirement is', 'competence requirements are')} set for ${plural(p.roles.active, 'role', 'roles')} and ${plural(p.jobs.active, 'job', 'jobs')}.`,
  );
  const faults: Fault[] = [
    counted(p.roles.withoutRequirements, (n) =>
      tx(
        `${n}件の役割に必要な力量が定められていません。`,
        `${plural(n, 'role states', 'roles state')} no required competence.`,
      ),
    ),
    counted(p.jobs.withoutRequirements, (n) =>
      tx(
        `${n}件の職務に必要な力量が定められていません。`,
        `${plural(n, 'job states', 'jobs state')} no required competence.`,
      ),
    ),
  ];
  const links = uniqueLinks([
    evidence(JOBS, '職務と必要な力量', 'Jobs and required competence'),
    ...linksOf(p.roles.withoutRequirements, roleLink),
    ...linksOf(p.jobs.withoutRequirements, jobLink),
  ]);
  return judge(base, faults, links, data);
};

/** 5.2.2.b: nobody lacks a required competence; expiring ones only warn. */
const competentRule: Rule = (s) => {
  const p = s.people;
  const g = p.gaps;
  const data = {
    requirements: p.requirements,
    missing: g.missing,
    expired: g.expired,
    failed: g.failed,
    expiring: g.expiring,
    peopleWithGaps: g.people,
    warningDays: p.warningDays,
  };
  if (p.requirements === 0) {
    return notMet(
      tx(
        '必要な力量が定められていないため、力量を備えているかを示せません。',
        'No competence requirement is set, so nothing shows that people are competent.',
      ),
      [gap(JOBS, '職務と必要な力量', 'Jobs and required competence')],
      data,
    );
  }
  const gaps = g.missing + g.expired + g.failed;
  const parts = [
    [g.missing, '未取得', 'missing'],
    [g.expired, '期限切れ', 'expired'],
    [g.failed, '不合格', 'failed'],
  ] as const;
  const found = parts.filter(([n]) => n > 0);
  const base = gaps
    ? tx(
        `${g.people}名に必要な力量の不足があります（${found.map(([n, ja]) => `${ja}${n}件`).join('、')}）。`,
        `${plural(g.people, 'person lacks', 'people lack')} a required competence (${found.map(([n, , en]) => `${n} ${en}`).join(', ')}).`,
      )
    : tx(
        `必要な力量${p.requirements}件について、不足している人はいません。`,
        `Nobody lacks any of the ${plural(p.requirements, 'required competence', 'required competences')}.`,
      );
  // Expiring competences are still held: they warn without making the item partly met.
  const text = g.expiring
    ? joinTexts([
        base,
        tx(
          `${p.warningDays}日以内に期限が切れる力量が${g.expiring}件あります。`,
          `${plural(g.expiring, 'competence expires', 'competences expire')} within ${p.warningDays} days.`,
        ),
      ])
    : base;
  const statusLink = (n: number, status: string, ja: string, en: string): ConformityLink[] =>
    n > 0 ? [gap(`${GAPS}?status=${status}`, ja, en)] : [];
  const links = uniqueLinks([
    ...statusLink(g.missing, 'missing', '未取得の力量', 'Missing competences'),
    ...statusLink(g.expired, 'expired', '期限切れの力量', 'Expired competences'),
    ...statusLink(g.failed, 'failed', '不合格の教育', 'Failed training'),
    ...p.gapPeople.map(personLink),
    ...(g.expiring
      ? [evidence(`${GAPS}?status=expiring`, '期限が近い力量', 'Competences expiring soon')]
      : []),
    ...(gaps ? [] : [evidence(GAPS, '力量の不足', 'Competence gaps')]),
  ]);
  return (gaps ? partlyMet : met)(text, links, data);
};

/** 5.2.2.d: records of education, experience, competence and training are kept. */
const recordsRule: Rule = (s) => {
  const p = s.people;
  const r = p.records;
  const t = p.training;
  const data = {
    roleHolders: r.holders,
    holdersWithoutProfile: r.holdersWithoutProfile.count,
    competences: r.competences,
    competencesWithoutEvidence: r.competencesWithoutEvidence.count,
    heldSessions: t.heldSessions,
    sessionsWithoutAttendance: t.sessionsWithoutAttendance.count,
    attendanceRecords: t.attendance,
  };
  if (r.holders === 0 && r.competences === 0 && t.attendance === 0) {
    return notMet(
      tx(
        '学歴・経験、力量、教育の受講の記録がまだありません。',
        'No records of education, experience, competence or training are kept yet.',
      ),
      [gap('/people', '要員', 'People'), gap(SESSIONS, '教育の実施回', 'Training sessions')],
      data,
    );
  }
  const base = tx(
    `役割を担う${r.holders}名、力量の記録${r.competences}件、受講記録${t.attendance}件があります。`,
    `Records cover ${plural(r.holders, 'role holder', 'role holders')}, ${plural(r.competences, 'competence', 'competences')} and ${plural(t.attendance, 'attendance record', 'attendance records')}.`,
  );
  const faults: Fault[] = [
    counted(r.holdersWithoutProfile, (n) =>
      tx(
        `役割を担う${n}名の学歴・経験が記録されていません。`,
        `${plural(n, 'role holder has', 'role holders have')} no education or experience recorded.`,
      ),
    ),
    counted(r.competencesWithoutEvidence, (n) =>
      tx(
        `${n}件の力量の記録に証拠のファイルがありません。`,
        `${plural(n, 'competence record has', 'competence records have')} no evidence file.`,
      ),
    ),
    counted(t.sessionsWithoutAttendance, (n) =>
      tx(
        `実施済みの${n}回に受講の記録がありません。`,
        `${plural(n, 'held session records', 'held sessions record')} no attendance.`,
      ),
    ),
    flag(
      t.attendance === 0,
      tx('教育の受講記録がありません。', 'No training attendance is recorded.'),
    ),
  ];
  const links = uniqueLinks([
    evidence('/people', '要員', 'People'),
    ...linksOf(r.holdersWithoutProfile, personLink),
    ...linksOf(r.competencesWithoutEvidence, personLink),
    ...linksOf(t.sessionsWithoutAttendance, sessionLink),
    ...(t.attendance === 0 ? [gap(SESSIONS, '教育の実施回', 'Training sessions')] : []),
  ]);
  return judge(base, faults, links, data);
};

export const COMPETENCE_RULES: Record<string, Rule> = {
  '5.2.2.a': requirementsRule,
  '5.2.2.b': competentRule,
  '5.2.2.d': recordsRule,
};
