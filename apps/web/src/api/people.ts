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
export const key = (...parts: unknown[]) => [...peopleKey, ...parts] as const;

/** A write whose answer changes what several views show (register, profile, gaps, chart). */
export function useWrite<I, R>(call: (input: I) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => client.invalidateQueries({ queryKey: peopleKey }),
  });
}

export const edit = (version: number) => ({ headers: ifMatch(version) });

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
