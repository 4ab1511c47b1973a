import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  CompetenceGap,
  CompetenceRequirement,
  GapStatus,
  JobDefinition,
  PersonAgreement,
  PersonCompetence,
  PersonProfile,
  PersonProfileUpdate,
  TrainingCourse,
} from '@mamoru/contracts';
import { api } from './client';
import {
  edit,
  key,
  useWrite,
  type AgreementInput,
  type CompetenceInput,
  type JobCreate,
  type JobUpdate,
  type RequirementCreate,
  type RequirementUpdate,
} from './people';
import { queryString, type ListPage } from './types';

/** Jobs, competence requirements, profiles with competences and agreements, and the gap view. */
const V1 = '/api/v1';

// ---- jobs and competence requirements ---------------------------------------------------

export function useJobs() {
  return useQuery({
    queryKey: key('jobs'),
    queryFn: async ({ signal }) =>
      (await api.get<{ items: JobDefinition[] }>(`${V1}/job-definitions`, { signal })).items,
  });
}

export const useCreateJob = () =>
  useWrite((body: JobCreate) => api.post<JobDefinition>(`${V1}/job-definitions`, body));

export const useUpdateJob = () =>
  useWrite(({ job, body }: { job: JobDefinition; body: JobUpdate }) =>
    api.patch<JobDefinition>(`${V1}/job-definitions/${job.id}`, body, edit(job.version)),
  );

export function useRequirements(target: { roleId?: string; jobId?: string }) {
  return useQuery({
    queryKey: key('requirements', target.roleId ?? '', target.jobId ?? ''),
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: CompetenceRequirement[] }>(
          `${V1}/competence-requirements${queryString(target)}`,
          { signal },
        )
      ).items,
  });
}

export const useCreateRequirement = () =>
  useWrite((body: RequirementCreate) =>
    api.post<CompetenceRequirement>(`${V1}/competence-requirements`, body),
  );

export const useUpdateRequirement = () =>
  useWrite(
    ({ requirement, body }: { requirement: CompetenceRequirement; body: RequirementUpdate }) =>
      api.patch<CompetenceRequirement>(
        `${V1}/competence-requirements/${requirement.id}`,
        body,
        edit(requirement.version),
      ),
  );

export const useDeleteRequirement = () =>
  useWrite((requirement: CompetenceRequirement) =>
    api.delete(`${V1}/competence-requirements/${requirement.id}`, edit(requirement.version)),
  );

/** Active courses a training requirement may name (from the training area). */
export function useActiveCourses(enabled: boolean) {
  return useQuery({
    queryKey: key('courses'),
    queryFn: async ({ signal }) =>
      (
        await api.get<ListPage<TrainingCourse>>(
          `${V1}/training-courses${queryString({ active: 'true', limit: 200 })}`,
          { signal },
        )
      ).items,
    enabled,
    staleTime: 60_000,
  });
}

export function usePerson(userId: string) {
  return useQuery({
    queryKey: key('person', userId),
    queryFn: ({ signal }) => api.get<PersonProfile>(`${V1}/people/${userId}`, { signal }),
  });
}

export const useUpdateProfile = () =>
  useWrite(({ profile, body }: { profile: PersonProfile; body: PersonProfileUpdate }) =>
    api.patch<PersonProfile>(`${V1}/people/${profile.user.id}`, body, edit(profile.version)),
  );

export const useAddCompetence = (userId: string) =>
  useWrite((body: CompetenceInput) =>
    api.post<PersonCompetence>(`${V1}/people/${userId}/competences`, body),
  );

export const useUpdateCompetence = () =>
  useWrite(({ item, body }: { item: PersonCompetence; body: Partial<CompetenceInput> }) =>
    api.patch<PersonCompetence>(`${V1}/person-competences/${item.id}`, body, edit(item.version)),
  );

export const useDeleteCompetence = () =>
  useWrite((item: PersonCompetence) =>
    api.delete(`${V1}/person-competences/${item.id}`, edit(item.version)),
  );

export const useAddAgreement = (userId: string) =>
  useWrite((body: AgreementInput) =>
    api.post<PersonAgreement>(`${V1}/people/${userId}/agreements`, body),
  );

export const useUpdateAgreement = () =>
  useWrite(({ item, body }: { item: PersonAgreement; body: Partial<AgreementInput> }) =>
    api.patch<PersonAgreement>(`${V1}/person-agreements/${item.id}`, body, edit(item.version)),
  );

export const useDeleteAgreement = () =>
  useWrite((item: PersonAgreement) =>
    api.delete(`${V1}/person-agreements/${item.id}`, edit(item.version)),
  );

// ---- gaps -------------------------------------------------------------------------------

export interface GapFilter {
  status?: GapStatus | null;
  unitId?: string | null;
  userId?: string | null;
}

export function useGaps(filter: GapFilter) {
  return useInfiniteQuery({
    queryKey: key('gaps', filter),
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<CompetenceGap>>(
        `${V1}/competence-gaps${queryString({ ...filter, limit: 100, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
