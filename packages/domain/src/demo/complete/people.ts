import { Readable } from 'node:stream';
import type { Db } from '@mamoru/db';
import type { RequestContext } from '../../audit/trail.ts';
import { uploadFile } from '../../files/service.ts';
import { acknowledgeAssignment, myRoles } from '../../people/acknowledgement.ts';
import { createCompetence, updateCompetence } from '../../people/competences.ts';
import { listCompetenceGaps } from '../../people/gaps.ts';
import { getProfile } from '../../people/profiles.ts';
import { createRequirement } from '../../people/requirements.ts';
import { listRoles } from '../../people/roles.ts';
import { listCourses } from '../../training/courses.ts';
import { submitAttempt } from '../../training/quiz.ts';
import { DEMO_AWARENESS_ANSWERS } from '../training.ts';
import { everyone, type DemoCast } from './cast.ts';

/** Every role states what it needs; everyone acknowledges their roles and passes awareness. */
async function rolesAndAwareness(db: Db, cast: DemoCast, people: RequestContext[]) {
  const roles = await listRoles(db, cast.manager, 'true');
  for (const role of roles) {
    await createRequirement(db, cast.manager, {
      roleId: role.id,
      jobId: null,
      kind: 'skill',
      name: `${role.name}の職務に必要なISMSの知識`,
      nameEn: `ISMS knowledge the ${role.nameEn || role.name} role needs`,
      courseId: null,
      renewalMonths: null,
      note: '',
    }).catch((error: { code?: string }) => {
      if (error.code !== 'requirement_exists') throw error;
    });
  }
  const courses = await listCourses(db, cast.manager, {
    kind: 'awareness',
    active: 'true',
    limit: 10,
  });
  for (const person of people) {
    for (const mine of await myRoles(db, person)) {
      if (!mine.assignment.acknowledgedAt)
        await acknowledgeAssignment(db, person, mine.assignment.id);
    }
    for (const course of courses.items)
      await submitAttempt(db, person, course.id, { answers: DEMO_AWARENESS_ANSWERS });
  }
}

/** A scanned certificate: the evidence file of a competence record. */
async function evidenceFile(db: Db, ctx: RequestContext, competenceId: string, name: string) {
  await uploadFile(db, ctx, {
    owner: { type: 'person_competence', id: competenceId },
    originalName: `${name}.pdf`,
    content: Readable.from([Buffer.from(`%PDF-1.4\n% ${name}\n%%EOF\n`)]),
    maxBytes: 1_000_000,
  });
}

/** Nobody lacks what their roles and job need, and every competence has its evidence. */
async function closeGaps(db: Db, cast: DemoCast, people: RequestContext[]) {
  const gaps = await listCompetenceGaps(db, cast.manager, { limit: 200 });
  const inAYear = new Date(Date.now() + 3 * 365 * 86_400_000).toISOString().slice(0, 10);
  const today = new Date().toISOString().slice(0, 10);
  for (const gap of gaps.items) {
    await createCompetence(db, cast.manager, gap.user_id, {
      kind: gap.kind === 'skill' ? 'skill' : 'qualification',
      name: gap.requirement_name,
      issuer: '社内評価',
      requirementId: gap.requirement_id,
      obtainedOn: today,
      expiresOn: gap.status === 'missing' ? null : inAYear,
      note: '',
    });
  }
  const soon = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
  for (const person of people) {
    const profile = await getProfile(db, cast.manager, person.actor.userId!);
    for (const c of profile.competences) {
      if (c.fileCount === 0) await evidenceFile(db, cast.manager, c.id, c.name);
      // Certificates about to expire are renewed for three more years.
      if (c.expiresOn && c.expiresOn < soon)
        await updateCompetence(db, cast.manager, c.id, c.version, { expiresOn: inAYear });
    }
  }
}

export async function completePeople(db: Db, cast: DemoCast) {
  const people = await everyone(db, cast);
  await rolesAndAwareness(db, cast, people);
  await closeGaps(db, cast, people);
}
