import { describe, expect, it } from 'vitest';
import { personRef, roleRef, sessionRef, some, withPeople } from '../fixtures.ts';
import type { ConformitySnapshot } from '../types.ts';
import { RULES } from './index.ts';
import { gapHrefs, readable } from './people-testing.ts';

const run = (id: string, s: ConformitySnapshot) => RULES[id]!(s);
const roles = (over: Partial<ConformitySnapshot['people']['roles']> = {}) => ({
  ...withPeople().people.roles,
  active: 3,
  ...over,
});
const noGaps = withPeople().people.gaps;

describe('5.2.2.a competence required of roles and jobs', () => {
  it('is not met without roles, then without any requirement', () => {
    expect(run('5.2.2.a', withPeople()).status).toBe('not_met');
    const e = run('5.2.2.a', withPeople({ roles: roles() }));
    expect(e.status).toBe('not_met');
    expect(gapHrefs(e)).toEqual(['/people/jobs']);
  });

  it('is met when every active role and job states its competence', () => {
    const e = run(
      '5.2.2.a',
      withPeople({
        roles: roles(),
        jobs: { active: 2, withoutRequirements: some() },
        requirements: 9,
      }),
    );
    expect(e.status).toBe('met');
    expect(e.explanation.en).toBe('9 competence requirements are set for 3 roles and 2 jobs.');
    readable(e);
  });

  it('links each role and job that states none', () => {
    const e = run(
      '5.2.2.a',
      withPeople({
        roles: roles({ withoutRequirements: some(roleRef('r-1'), roleRef('r-2')) }),
        jobs: {
          active: 2,
          withoutRequirements: some({ id: 'j-1', code: 'OPS', name: '運用', nameEn: 'Operations' }),
        },
        requirements: 4,
      }),
    );
    expect(e.status).toBe('partly_met');
    expect(gapHrefs(e)).toEqual([
      '/people/roles?role=r-1',
      '/people/roles?role=r-2',
      '/people/jobs?job=j-1',
    ]);
    expect(e.explanation.en).toContain('2 roles state no required competence.');
    expect(e.explanation.en).toContain('1 job states no required competence.');
    readable(e);
  });
});

describe('5.2.2.b people competent for their roles and jobs', () => {
  it('is not met while no competence is required', () => {
    const e = run('5.2.2.b', withPeople());
    expect(e.status).toBe('not_met');
    expect(e.explanation.en).toContain('No competence requirement is set');
  });

  it('is met without gaps, and an expiring competence only warns', () => {
    const ok = run('5.2.2.b', withPeople({ requirements: 5 }));
    expect(ok.status).toBe('met');
    expect(gapHrefs(ok)).toEqual([]);
    const expiring = run(
      '5.2.2.b',
      withPeople({ requirements: 5, gaps: { ...noGaps, expiring: 2 } }),
    );
    expect(expiring.status).toBe('met');
    expect(expiring.explanation.en).toContain('2 competences expire within 90 days.');
    expect(expiring.links).toContainEqual(
      expect.objectContaining({ kind: 'evidence', href: '/people/gaps?status=expiring' }),
    );
    expect(gapHrefs(expiring)).toEqual([]);
    readable(expiring);
  });

  it('counts missing, expired and failed competences and links the gap view and the people', () => {
    const e = run(
      '5.2.2.b',
      withPeople({
        requirements: 5,
        gaps: {
          missing: 3,
          expired: 1,
          expiring: 0,
          failed: 0,
          people: 2,
          userIds: ['u-1', 'u-2'],
        },
        gapPeople: [personRef('u-1', '青木'), personRef('u-2', '伴')],
      }),
    );
    expect(e.status).toBe('partly_met');
    expect(e.explanation.en).toBe('2 people lack a required competence (3 missing, 1 expired).');
    expect(e.explanation.ja).toBe('2名に必要な力量の不足があります（未取得3件、期限切れ1件）。');
    expect(gapHrefs(e)).toEqual([
      '/people/gaps?status=missing',
      '/people/gaps?status=expired',
      '/people/u-1',
      '/people/u-2',
    ]);
    readable(e);
  });

  it('counts a failed required course as a gap', () => {
    const e = run(
      '5.2.2.b',
      withPeople({
        requirements: 1,
        gaps: { ...noGaps, failed: 1, people: 1, userIds: ['u-3'] },
        gapPeople: [personRef('u-3')],
      }),
    );
    expect(e.status).toBe('partly_met');
    expect(gapHrefs(e)).toEqual(['/people/gaps?status=failed', '/people/u-3']);
  });
});

describe('5.2.2.d records of education, competence and training', () => {
  const records = (over: Partial<ConformitySnapshot['people']['records']> = {}) => ({
    ...withPeople().people.records,
    holders: 4,
    competences: 6,
    ...over,
  });

  it('is not met with no record at all', () => {
    const e = run('5.2.2.d', withPeople());
    expect(e.status).toBe('not_met');
    expect(gapHrefs(e)).toEqual(['/people', '/training/sessions']);
  });

  it('is met when profiles, evidence and attendance are all recorded', () => {
    const e = run(
      '5.2.2.d',
      withPeople({ records: records() }, { attendance: 40, heldSessions: 3 }),
    );
    expect(e.status).toBe('met');
    expect(e.explanation.en).toBe(
      'Records cover 4 role holders, 6 competences and 40 attendance records.',
    );
    readable(e);
  });

  it('links the holders without a profile, competences without evidence and sessions without attendance', () => {
    const e = run(
      '5.2.2.d',
      withPeople(
        {
          records: records({
            holdersWithoutProfile: some(personRef('u-1')),
            competencesWithoutEvidence: { count: 3, refs: [personRef('u-2')] },
          }),
        },
        { attendance: 0, heldSessions: 1, sessionsWithoutAttendance: some(sessionRef('s-1')) },
      ),
    );
    expect(e.status).toBe('partly_met');
    expect(gapHrefs(e)).toEqual([
      '/people/u-1',
      '/people/u-2',
      '/training/sessions/s-1',
      '/training/sessions',
    ]);
    expect(e.explanation.en).toContain('1 role holder has no education or experience recorded.');
    expect(e.explanation.en).toContain('3 competence records have no evidence file.');
    expect(e.explanation.en).toContain('1 held session records no attendance.');
    expect(e.explanation.en).toContain('No training attendance is recorded.');
    readable(e);
  });
});
