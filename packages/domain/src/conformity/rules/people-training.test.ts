import { describe, expect, it } from 'vitest';
import { courseRef, roleRef, sessionRef, some, withPeople } from '../fixtures.ts';
import type { ConformitySnapshot } from '../types.ts';
import { RULES } from './index.ts';
import { gapHrefs, readable } from './people-testing.ts';

const run = (id: string, s: ConformitySnapshot) => RULES[id]!(s);
const roles = (over: Partial<ConformitySnapshot['people']['roles']>) => ({
  ...withPeople().people.roles,
  active: 3,
  ...over,
});
const delivered = { sessions: 2, attendances: 30, attempts: 12 };

describe('4.2.2.d training and awareness programmes', () => {
  it('is not met without an awareness course or a role course', () => {
    const e = run('4.2.2.d', withPeople());
    expect(e.status).toBe('not_met');
    expect(gapHrefs(e)).toEqual(['/training']);
    readable(e);
  });

  it('is met with awareness for everyone and role courses delivered within the year', () => {
    const e = run(
      '4.2.2.d',
      withPeople({}, { awareness: some(courseRef('c-1')), roleCourses: 2, delivered }),
    );
    expect(e.status).toBe('met');
    expect(e.links).toEqual([
      expect.objectContaining({ kind: 'evidence', href: '/training/courses/c-1' }),
    ]);
    expect(e.explanation.en).toContain(
      'The last 12 months record 2 sessions held, 30 attendances and 12 quiz attempts.',
    );
    readable(e);
  });

  it('names the missing awareness course, roles without a course and courses not delivered', () => {
    const e = run(
      '4.2.2.d',
      withPeople(
        { roles: roles({ trainingWithoutCourse: some(roleRef('r-1')) }) },
        { roleCourses: 1, undelivered: some(courseRef('c-2', 2)) },
      ),
    );
    expect(e.status).toBe('partly_met');
    expect(gapHrefs(e)).toEqual(['/training', '/people/roles?role=r-1', '/training/courses/c-2']);
    expect(e.explanation.en).toContain('No awareness course is set for everyone.');
    expect(e.explanation.en).toContain('1 role that requires training has no active course.');
    expect(e.explanation.en).toContain(
      '1 course was neither held nor taken in the last 12 months.',
    );
    expect(e.links.at(-1)!.label).toEqual({ ja: 'TC-0002 コース2', en: 'TC-0002 Course 2' });
    readable(e);
  });
});

describe('5.2.2.c evaluating the effectiveness of training', () => {
  const evaluated = { courses: 3, evaluationResults: 8 };

  it('is not met without any course', () => {
    expect(run('5.2.2.c', withPeople()).status).toBe('not_met');
  });

  it('is met when every course is evaluated, sessions are evaluated and failures retaken', () => {
    const e = run('5.2.2.c', withPeople({}, evaluated));
    expect(e.status).toBe('met');
    expect(gapHrefs(e)).toEqual([]);
    expect(e.explanation.en).toContain('3 of 3 active courses check effectiveness');
    readable(e);
  });

  it('is only partly met while a course evaluates nothing', () => {
    const e = run(
      '5.2.2.c',
      withPeople({}, { ...evaluated, withoutEvaluation: some(courseRef('c-3', 3)) }),
    );
    expect(e.status).toBe('partly_met');
    expect(gapHrefs(e)).toEqual(['/training/courses/c-3']);
    expect(e.explanation.en).toContain('2 of 3 active courses');
    expect(e.explanation.en).toContain('1 course evaluates no effectiveness.');
  });

  it('links quizzes without questions, sessions to evaluate and people who failed', () => {
    const e = run(
      '5.2.2.c',
      withPeople(
        {},
        {
          courses: 2,
          evaluationResults: 0,
          quizWithoutQuestions: some(courseRef('c-1')),
          sessionsToEvaluate: some(sessionRef('s-1')),
          failed: some({
            userId: 'u-1',
            name: '田中',
            courseId: 'c-2',
            courseCode: 'TC-0002',
            courseTitle: '監査員研修',
            courseTitleEn: 'Auditor training',
          }),
        },
      ),
    );
    expect(e.status).toBe('partly_met');
    expect(gapHrefs(e)).toEqual(['/training/courses/c-1', '/training/sessions/s-1', '/people/u-1']);
    expect(e.links.find((l) => l.href === '/people/u-1')!.label.en).toBe(
      '田中 (TC-0002 Auditor training)',
    );
    expect(e.links.find((l) => l.href === '/training/sessions/s-1')!.label.ja).toBe(
      'TS-0001（2026-10-01）コース1',
    );
    expect(e.explanation.en).toContain('No quiz was passed and no supervisor evaluated');
    expect(e.explanation.en).toContain('1 held session has attendees not evaluated yet.');
    expect(e.explanation.en).toContain('1 failed or ineffective training has not been completed');
    readable(e);
  });
});
