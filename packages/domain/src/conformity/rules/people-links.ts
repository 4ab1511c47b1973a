import type {
  AssignmentRef,
  Counted,
  CourseRef,
  PersonCourseRef,
  PersonRef,
  RoleRef,
  SessionRef,
} from '@mamoru/db/repositories/conformity-people';
import { evidence, gap, type Fault } from '../text.ts';
import type { ConformityLink, LocalizedText } from '../types.ts';

/**
 * Links of the people and training rules: each names one object at fault (a
 * role, a person, a course, a session) on the page that fixes it.
 */

export const ROLES = '/people/roles';
export const GAPS = '/people/gaps';
export const JOBS = '/people/jobs';
/** A course's page (the courses are listed on the training page). */
export const COURSE_PAGE = (id: string) => `/training/courses/${id}`;
export const SESSIONS = '/training/sessions';
export const TRAINING = '/training';

const en = (name: string, nameEn: string) => nameEn.trim() || name;

export const roleLink = (r: RoleRef): ConformityLink =>
  gap(`${ROLES}?role=${r.id}`, r.name, en(r.name, r.nameEn));

export const jobLink = (j: RoleRef): ConformityLink =>
  gap(`${JOBS}?job=${j.id}`, j.name, en(j.name, j.nameEn));

export const personLink = (p: PersonRef): ConformityLink =>
  gap(`/people/${p.userId}`, p.name, p.name);

/** The person who has not acknowledged a role, named with the role. */
export const assignmentLink = (a: AssignmentRef): ConformityLink =>
  gap(
    `/people/${a.userId}`,
    `${a.name}（${a.roleName}）`,
    `${a.name} (${en(a.roleName, a.roleNameEn)})`,
  );

const courseLabel = (c: CourseRef) => [
  `${c.code} ${c.title}`,
  `${c.code} ${en(c.title, c.titleEn)}`,
];
export const courseLink = (c: CourseRef): ConformityLink =>
  gap(COURSE_PAGE(c.id), ...(courseLabel(c) as [string, string]));
export const courseEvidence = (c: CourseRef): ConformityLink =>
  evidence(COURSE_PAGE(c.id), ...(courseLabel(c) as [string, string]));

export const sessionLink = (s: SessionRef): ConformityLink =>
  gap(
    `${SESSIONS}/${s.id}`,
    `${s.code}（${s.heldOn}）${s.courseTitle}`,
    `${s.code} (${s.heldOn}) ${en(s.courseTitle, s.courseTitleEn)}`,
  );

/** A person with a course they failed, linked to the person. */
export const failedLink = (f: PersonCourseRef): ConformityLink =>
  gap(
    `/people/${f.userId}`,
    `${f.name}（${f.courseCode} ${f.courseTitle}）`,
    `${f.name} (${f.courseCode} ${en(f.courseTitle, f.courseTitleEn)})`,
  );

/** The links of a counted fault, one per listed object. */
export const linksOf = <T>(c: Counted<T>, link: (ref: T) => ConformityLink) => c.refs.map(link);

/** A fault counted by objects, its text written once the count is known. */
export const counted = <T>(c: Counted<T>, text: (n: number) => LocalizedText): Fault => [
  c.count,
  text(c.count),
];

/** A fault that is there or not. */
export const flag = (on: boolean, text: LocalizedText): Fault => [on ? 1 : 0, text];

/** One link per page; a gap wins over evidence of the same page. */
export function uniqueLinks(links: ConformityLink[]): ConformityLink[] {
  const gaps = new Set(links.filter((l) => l.kind === 'gap').map((l) => l.href));
  const seen = new Set<string>();
  return links.filter(
    (l) => !(l.kind === 'evidence' && gaps.has(l.href)) && !seen.has(l.href) && seen.add(l.href),
  );
}
