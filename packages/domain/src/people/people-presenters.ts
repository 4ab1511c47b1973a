import type {
  CompetenceGap,
  CompetenceRequirement,
  JobDefinition,
  PersonAgreement,
  PersonCompetence,
  PersonProfile,
  PersonSummary,
} from '@mamoru/contracts';
import type { JobView, RequirementView } from '@mamoru/db/repositories/people-jobs';
import type {
  AgreementView,
  CompetenceView,
  GapListRow,
} from '@mamoru/db/repositories/people-competences';
import type {
  PersonHeader,
  PersonRoleRow,
  PersonRow,
} from '@mamoru/db/repositories/people-profiles';

/** Job definitions, requirements, people, profiles and gaps as the API shows them. */

/** The date `days` after an ISO date (UTC calendar arithmetic). */
export function addDays(isoDate: string, days: number) {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Where a competence stands: expired, expiring within the warning days, valid, or open-ended. */
export function expiryOf(expiresOn: string | null, today: string, warningDays: number) {
  if (!expiresOn) return 'none' as const;
  if (expiresOn < today) return 'expired' as const;
  if (expiresOn <= addDays(today, warningDays)) return 'expiring' as const;
  return 'valid' as const;
}

export const courseCode = (n: number) => `TC-${String(n).padStart(4, '0')}`;

const iso = (v: Date | string | null) =>
  v === null ? null : (v instanceof Date ? v : new Date(v)).toISOString();

export function presentJob(j: JobView): JobDefinition {
  return {
    id: j.id,
    code: j.code,
    name: j.name,
    nameEn: j.nameEn,
    securityResponsibilities: j.securityResponsibilities,
    securityResponsibilitiesEn: j.securityResponsibilitiesEn,
    active: j.active,
    peopleCount: Number(j.peopleCount),
    requirementCount: Number(j.requirementCount),
    version: j.version,
  };
}

export function presentRequirement(q: RequirementView): CompetenceRequirement {
  return {
    id: q.id,
    role: q.roleId ? { id: q.roleId, code: q.roleCode ?? '', name: q.roleName ?? '' } : null,
    job: q.jobId ? { id: q.jobId, code: q.jobCode ?? '', name: q.jobName ?? '' } : null,
    kind: q.kind as CompetenceRequirement['kind'],
    name: q.name,
    nameEn: q.nameEn,
    course: q.courseId
      ? {
          id: q.courseId,
          code: q.courseNumber === null ? '' : courseCode(q.courseNumber),
          title: q.courseTitle ?? '',
        }
      : null,
    renewalMonths: q.renewalMonths,
    note: q.note,
    version: q.version,
  };
}

/** Today and the organization's warning days, which the expiry of competences depends on. */
export interface ExpiryClock {
  today: string;
  warningDays: number;
}

export function presentCompetence(c: CompetenceView, clock: ExpiryClock): PersonCompetence {
  return {
    id: c.id,
    userId: c.userId,
    kind: c.kind as PersonCompetence['kind'],
    name: c.name,
    issuer: c.issuer,
    requirement: c.requirementId ? { id: c.requirementId, name: c.requirementName ?? '' } : null,
    obtainedOn: c.obtainedOn,
    expiresOn: c.expiresOn,
    expiry: expiryOf(c.expiresOn, clock.today, clock.warningDays),
    note: c.note,
    fileCount: Number(c.fileCount),
    version: c.version,
  };
}

export function presentAgreement(a: AgreementView): PersonAgreement {
  return {
    id: a.id,
    userId: a.userId,
    kind: a.kind as PersonAgreement['kind'],
    signedOn: a.signedOn,
    expiresOn: a.expiresOn,
    note: a.note,
    fileCount: Number(a.fileCount),
    version: a.version,
  };
}

const unitOf = (r: {
  unit_id: string | null;
  unit_code: string | null;
  unit_name: string | null;
}) => (r.unit_id ? { id: r.unit_id, code: r.unit_code ?? '', name: r.unit_name ?? '' } : null);
const jobOf = (r: PersonRow) =>
  r.job_id ? { id: r.job_id, code: r.job_code ?? '', name: r.job_name ?? '' } : null;

export function presentPersonSummary(
  r: PersonRow,
  counts: { gaps: number; expiring: number } | undefined,
): PersonSummary {
  return {
    user: { id: r.user_id, name: r.display_name },
    email: r.email,
    unit: unitOf(r),
    job: jobOf(r),
    roleCodes: r.role_codes ?? [],
    gapCount: counts?.gaps ?? 0,
    expiringCount: counts?.expiring ?? 0,
    confidentialitySigned: Boolean(r.confidentiality_signed),
  };
}

function presentPersonRole(r: PersonRoleRow, userId: string, name: string) {
  return {
    id: r.id,
    roleId: r.role_id,
    roleCode: r.role_code,
    roleName: r.role_name,
    user: { id: userId, name },
    kind: r.kind,
    unit: unitOf(r),
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    note: r.note,
    acknowledgedAt: iso(r.acknowledged_at),
    acknowledgementStale: Boolean(r.acknowledgement_stale),
    current: Boolean(r.current),
    version: r.version,
  };
}

export interface ProfileView {
  person: PersonHeader;
  roles: PersonRoleRow[];
  competences: CompetenceView[];
  agreements: AgreementView[];
  editable: boolean;
  clock: ExpiryClock;
}

export function presentProfile(v: ProfileView): PersonProfile {
  const p = v.person;
  return {
    user: { id: p.user_id, name: p.display_name },
    email: p.email,
    unit: unitOf(p),
    job: jobOf(p),
    education: p.education,
    experience: p.experience,
    joinedOn: p.joined_on,
    notes: p.notes,
    roles: v.roles.map((r) => presentPersonRole(r, p.user_id, p.display_name)),
    competences: v.competences.map((c) => presentCompetence(c, v.clock)),
    agreements: v.agreements.map(presentAgreement),
    editable: v.editable,
    version: Number(p.version),
  };
}

export function presentGap(g: GapListRow): CompetenceGap {
  return {
    user: { id: g.user_id, name: g.display_name },
    unit: unitOf(g),
    requirement: {
      id: g.requirement_id,
      kind: g.kind,
      name: g.requirement_name,
      nameEn: g.requirement_name_en,
    },
    source: { kind: g.source_kind, code: g.source_code, name: g.source_name },
    status: g.status,
    dueOn: g.due_on,
  };
}
