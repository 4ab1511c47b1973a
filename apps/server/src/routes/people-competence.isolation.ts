import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The competence part's lines of tenant-isolation.test.ts (jobs, requirements,
 * profiles, competences, agreements, gaps): what organization B keeps, and one
 * probe per route that takes an id.
 */
export interface PeopleOfB {
  /** B's ISMS manager, whose own profile, competence and agreement these are. */
  userId: string;
  jobId: string;
  requirementId: string;
  competenceId: string;
  agreementId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

/** Made by B's ISMS manager (people:manage over everyone of B) for themself. */
export async function createPeopleOfB(managerB: Client): Promise<PeopleOfB> {
  const created = async (url: string, body: unknown) => {
    const res = await managerB.post(url, body);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const userId = managerB.user.id;
  const jobId = await created('/api/v1/job-definitions', { code: 'B-JOB', name: 'Job of B' });
  const requirementId = await created('/api/v1/competence-requirements', {
    jobId,
    kind: 'qualification',
    name: 'Requirement of B',
  });
  // B's manager holds the job without the qualification: a gap only B may see.
  const profile = await managerB.patch(
    `/api/v1/people/${userId}`,
    { jobId, education: 'Education of B' },
    { headers: { 'if-match': '"0"' } },
  );
  expect(profile.statusCode, profile.body).toBe(200);
  const competenceId = await created(`/api/v1/people/${userId}/competences`, {
    kind: 'certificate',
    name: 'Certificate of B',
  });
  const agreementId = await created(`/api/v1/people/${userId}/agreements`, {
    kind: 'confidentiality',
    signedOn: '2024-04-01',
    note: 'Agreement of B',
  });
  return {
    userId,
    jobId,
    requirementId,
    competenceId,
    agreementId,
    values: [
      jobId,
      'B-JOB',
      'Job of B',
      requirementId,
      'Requirement of B',
      'Education of B',
      competenceId,
      'Certificate of B',
      agreementId,
      'Agreement of B',
    ],
  };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'managerB'; status: number };
}

/** Reads first, then the writes in the order their ETags follow; removals last. */
export function peopleCompetenceProbes<B extends { people: PeopleOfB }>(): Probe<B>[] {
  const as = (status: number) => ({ as: 'managerB' as const, status });
  const ifMatch = (v: number) => () => ({ 'if-match': `"${v}"` });
  const job = (b: B) => `/api/v1/job-definitions/${b.people.jobId}`;
  const requirement = (b: B) => `/api/v1/competence-requirements/${b.people.requirementId}`;
  const person = (b: B) => `/api/v1/people/${b.people.userId}`;
  const competence = (b: B) => `/api/v1/person-competences/${b.people.competenceId}`;
  const agreement = (b: B) => `/api/v1/person-agreements/${b.people.agreementId}`;
  return [
    { route: 'GET /api/v1/job-definitions/:id', url: job, control: as(200) },
    { route: 'GET /api/v1/competence-requirements/:id', url: requirement, control: as(200) },
    { route: 'GET /api/v1/people/:userId', url: person, control: as(200) },
    {
      route: 'PATCH /api/v1/job-definitions/:id',
      url: job,
      body: () => ({ name: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    {
      route: 'PATCH /api/v1/competence-requirements/:id',
      url: requirement,
      body: () => ({ note: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    {
      route: 'PATCH /api/v1/people/:userId',
      url: person,
      body: () => ({ notes: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    {
      route: 'POST /api/v1/people/:userId/competences',
      url: (b) => `${person(b)}/competences`,
      body: () => ({ kind: 'skill', name: 'Added across tenants' }),
      control: as(201),
    },
    {
      route: 'POST /api/v1/people/:userId/agreements',
      url: (b) => `${person(b)}/agreements`,
      body: () => ({ kind: 'acceptable_use', signedOn: '2024-04-01' }),
      control: as(201),
    },
    {
      route: 'PATCH /api/v1/person-competences/:id',
      url: competence,
      body: () => ({ issuer: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    {
      route: 'PATCH /api/v1/person-agreements/:id',
      url: agreement,
      body: () => ({ note: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    {
      route: 'DELETE /api/v1/person-competences/:id',
      url: competence,
      headers: ifMatch(2),
      control: as(204),
    },
    {
      route: 'DELETE /api/v1/person-agreements/:id',
      url: agreement,
      headers: ifMatch(2),
      control: as(204),
    },
    {
      route: 'DELETE /api/v1/competence-requirements/:id',
      url: requirement,
      headers: ifMatch(2),
      control: as(204),
    },
  ];
}

/** Lists that must never show B's rows to A. */
export const PEOPLE_COMPETENCE_LISTS = [
  '/api/v1/job-definitions',
  '/api/v1/competence-requirements',
  '/api/v1/people?limit=200',
  '/api/v1/people?q=b&limit=200',
  '/api/v1/people?gaps=true&limit=200',
  '/api/v1/competence-gaps?limit=200',
];
