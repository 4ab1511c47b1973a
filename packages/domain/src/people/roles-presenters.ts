import type {
  CommitteeMeeting,
  CommitteeMember,
  IsmsRole,
  MyRole,
  PeopleSettings,
  RoleAssignment,
} from '@mamoru/contracts';
import type { MeetingView, MemberView } from '@mamoru/db/repositories/people-committee';
import type { AssignmentView, RoleRow } from '@mamoru/db/repositories/people-roles';
import type { SettingsView } from '@mamoru/db/repositories/people-settings';

/** Turns the people area's roles, committee and settings rows into their API shapes. */

const iso = (value: Date | string) => new Date(value).toISOString();

export function presentAssignment(row: AssignmentView): RoleAssignment {
  const acknowledgedAt = row.acknowledgedAt ? iso(row.acknowledgedAt) : null;
  return {
    id: row.id,
    roleId: row.roleId,
    user: { id: row.userId, name: row.userName },
    kind: row.kind as RoleAssignment['kind'],
    unit:
      row.unitId && row.unitCode !== null
        ? { id: row.unitId, code: row.unitCode, name: row.unitName ?? '' }
        : null,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    note: row.note,
    acknowledgedAt,
    // Read an earlier wording: the role changed after the acknowledgement.
    acknowledgementStale:
      acknowledgedAt !== null && row.acknowledgedRoleVersion !== Number(row.roleVersion),
    current: Boolean(row.current),
    version: row.version,
  };
}

export function presentRole(
  row: RoleRow & { requirementCount: number },
  assignments: AssignmentView[],
): IsmsRole {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    responsibilities: row.responsibilities,
    responsibilitiesEn: row.responsibilitiesEn,
    appRole: row.appRole,
    requiresDeputy: row.requiresDeputy,
    perUnit: row.perUnit,
    sortOrder: row.sortOrder,
    active: row.active,
    assignments: assignments.filter((a) => a.roleId === row.id).map(presentAssignment),
    requirementCount: Number(row.requirementCount),
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentMyRole(assignment: AssignmentView, role: RoleRow): MyRole {
  return {
    assignment: presentAssignment(assignment),
    role: {
      id: role.id,
      code: role.code,
      name: role.name,
      nameEn: role.nameEn,
      responsibilities: role.responsibilities,
      responsibilitiesEn: role.responsibilitiesEn,
      version: role.version,
    },
  };
}

export function presentMember(row: MemberView): CommitteeMember {
  return {
    id: row.id,
    user: { id: row.userId, name: row.userName },
    position: row.position as CommitteeMember['position'],
    joinedOn: row.joinedOn,
    leftOn: row.leftOn,
    version: row.version,
  };
}

/** CM-0001: the meeting's number within the organization. */
export const meetingCode = (n: number) => `CM-${String(n).padStart(4, '0')}`;

export function presentMeeting(row: MeetingView): CommitteeMeeting {
  return {
    id: row.id,
    number: row.number,
    code: meetingCode(row.number),
    title: row.title,
    heldOn: row.heldOn,
    status: row.status as CommitteeMeeting['status'],
    agenda: row.agenda,
    minutes: row.minutes,
    attendees: row.attendees,
    fileCount: Number(row.fileCount),
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

export function presentSettings(row: SettingsView): PeopleSettings {
  return {
    disciplinaryDocument:
      row.disciplinaryDocumentId && row.documentCode !== null
        ? { id: row.disciplinaryDocumentId, code: row.documentCode, title: row.documentTitle ?? '' }
        : null,
    expiryWarningDays: row.expiryWarningDays,
    version: row.version,
  };
}
