import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AgreementKind,
  AssignmentKind,
  CommitteePosition,
  CompetenceKind,
  committeeMeetingCreateSchema,
  committeeMemberCreateSchema,
  committeeMemberUpdateSchema,
  CommitteeMeeting,
  CommitteeMember,
  CompetenceGap,
  CompetenceRequirement,
  CompetenceRequirementCreate,
  competenceRequirementCreateSchema,
  competenceRequirementUpdateSchema,
  GapStatus,
  IsmsRole,
  IsmsRoleCreate,
  IsmsRoleUpdate,
  jobDefinitionCreateSchema,
  jobDefinitionUpdateSchema,
  JobDefinition,
  OrgChart,
  PeopleSettings,
  peopleSettingsUpdateSchema,
  PersonAgreement,
  personAgreementCreateSchema,
  PersonCompetence,
  personCompetenceCreateSchema,
  PersonProfile,
  PersonProfileUpdate,
  PersonSummary,
  RoleAssignment,
  RoleAssignmentCreate,
  RoleAssignmentUpdate,
  TrainingCourse,
} from '@mamoru/contracts';
import { api } from './client';
import { ifMatch, queryString, type ListPage } from './types';

export type {
  AgreementKind,
  AssignmentKind,
  CommitteePosition,
  CompetenceKind,
  CommitteeMeeting,
  CommitteeMember,
  CompetenceGap,
  CompetenceRequirement,
  GapStatus,
  IsmsRole,
  JobDefinition,
  OrgChart,
  PeopleSettings,
  PersonAgreement,
  PersonCompetence,
  PersonProfile,
  PersonSummary,
  RoleAssignment,
};
// Bodies as the client sends them (defaults filled by the server).
export type MemberCreate = z.input<typeof committeeMemberCreateSchema>;
export type MemberUpdate = z.input<typeof committeeMemberUpdateSchema>;
export type MeetingInput = z.input<typeof committeeMeetingCreateSchema>;
export type JobCreate = z.input<typeof jobDefinitionCreateSchema>;
export type JobUpdate = z.input<typeof jobDefinitionUpdateSchema>;
export type RequirementCreate = z.input<typeof competenceRequirementCreateSchema>;
export type RequirementUpdate = z.input<typeof competenceRequirementUpdateSchema>;
export type CompetenceInput = z.input<typeof personCompetenceCreateSchema>;
export type AgreementInput = z.input<typeof personAgreementCreateSchema>;
export type SettingsUpdate = z.input<typeof peopleSettingsUpdateSchema>;
export type { CompetenceRequirementCreate, IsmsRoleCreate, IsmsRoleUpdate, PersonProfileUpdate };

const V1 = '/api/v1';
/** Every query of the area sits under this key; a write reads the area again. */
export const peopleKey = ['people-area'] as const;
const key = (...parts: unknown[]) => [...peopleKey, ...parts] as const;

/** A write whose answer changes what several views show (register, profile, gaps, chart). */
function useWrite<I, R>(call: (input: I) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKey }),
  });
}

const edit = (version: number) => ({ headers: ifMatch(version) });

// ---- ISMS roles -------------------------------------------------------------------------

export function useIsmsRoles(active: 'true' | 'false' | 'all' = 'true', enabled = true) {
  return useQuery({
    queryKey: key('roles', active),
    queryFn: async ({ signal }) =>
      (
        await api.get<{ items: IsmsRole[] }>(`${V1}/isms-roles${queryString({ active })}`, {
          signal,
        })
      ).items,
    enabled,
  });
}

export const useCreateRole = () =>
  useWrite((body: Partial<IsmsRoleCreate> & { code: string; name: string }) =>
    api.post<IsmsRole>(`${V1}/isms-roles`, body),
  );

export const useUpdateRole = () =>
  useWrite(({ role, body }: { role: IsmsRole; body: IsmsRoleUpdate }) =>
    api.patch<IsmsRole>(`${V1}/isms-roles/${role.id}`, body, edit(role.version)),
  );

export const useLoadDefaultRoles = () =>
  useWrite((_: null) => api.post<{ items: IsmsRole[] }>(`${V1}/isms-roles/defaults`, {}));

export const useAssign = () =>
  useWrite(
    ({
      roleId,
      body,
    }: {
      roleId: string;
      body: Partial<RoleAssignmentCreate> & { userId: string };
    }) => api.post<RoleAssignment>(`${V1}/isms-roles/${roleId}/assignments`, body),
  );

export const useUpdateAssignment = () =>
  useWrite(({ assignment, body }: { assignment: RoleAssignment; body: RoleAssignmentUpdate }) =>
    api.patch<RoleAssignment>(
      `${V1}/isms-role-assignments/${assignment.id}`,
      body,
      edit(assignment.version),
    ),
  );

// ---- committee --------------------------------------------------------------------------

export function useCommitteeMembers() {
  return useQuery({
    queryKey: key('committee', 'members'),
    queryFn: async ({ signal }) =>
      (await api.get<{ items: CommitteeMember[] }>(`${V1}/committee/members`, { signal })).items,
  });
}

export const useAddMember = () =>
  useWrite((body: MemberCreate) => api.post<CommitteeMember>(`${V1}/committee/members`, body));

export const useUpdateMember = () =>
  useWrite(({ member, body }: { member: CommitteeMember; body: MemberUpdate }) =>
    api.patch<CommitteeMember>(`${V1}/committee/members/${member.id}`, body, edit(member.version)),
  );

export function useMeetings(year: number | null) {
  return useInfiniteQuery({
    queryKey: key('committee', 'meetings', year),
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<CommitteeMeeting>>(
        `${V1}/committee/meetings${queryString({ year, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const useCreateMeeting = () =>
  useWrite((body: MeetingInput) => api.post<CommitteeMeeting>(`${V1}/committee/meetings`, body));

export const useUpdateMeeting = () =>
  useWrite(({ meeting, body }: { meeting: CommitteeMeeting; body: Partial<MeetingInput> }) =>
    api.patch<CommitteeMeeting>(
      `${V1}/committee/meetings/${meeting.id}`,
      body,
      edit(meeting.version),
    ),
  );

// ---- organization chart and settings ----------------------------------------------------

export function useOrgChart() {
  return useQuery({
    queryKey: key('org-chart'),
    queryFn: ({ signal }) => api.get<OrgChart>(`${V1}/org-chart`, { signal }),
  });
}

export function usePeopleSettings() {
  return useQuery({
    queryKey: key('settings'),
    queryFn: ({ signal }) => api.get<PeopleSettings>(`${V1}/people-settings`, { signal }),
  });
}

export const useSavePeopleSettings = () =>
  useWrite(({ settings, body }: { settings: PeopleSettings; body: SettingsUpdate }) =>
    api.put<PeopleSettings>(`${V1}/people-settings`, body, edit(settings.version)),
  );

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

// ---- people, profiles, competences, agreements ------------------------------------------

export interface PeopleFilter {
  q?: string | null;
  unitId?: string | null;
  roleId?: string | null;
  gaps?: boolean;
}

export function usePeople(filter: PeopleFilter) {
  const params = {
    q: filter.q?.trim(),
    unitId: filter.unitId,
    roleId: filter.roleId,
    gaps: filter.gaps ? 'true' : null,
  };
  return useInfiniteQuery({
    queryKey: key('people', params),
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<PersonSummary>>(
        `${V1}/people${queryString({ ...params, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The people the caller reaches (up to 200), for choosing a role holder or member. */
export function usePeopleChoices(enabled = true) {
  return useQuery({
    queryKey: key('people', 'choices'),
    queryFn: async ({ signal }) =>
      (await api.get<ListPage<PersonSummary>>(`${V1}/people?limit=200`, { signal })).items,
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
