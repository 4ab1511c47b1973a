import type { Db } from '@mamoru/db';
import { activeRoles } from '@mamoru/db/repositories/people-jobs';
import type { CompetenceKind } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { createAgreement } from '../people/agreements.ts';
import { createCompetence } from '../people/competences.ts';
import { createJobDefinition } from '../people/jobs.ts';
import { updateProfile } from '../people/profiles.ts';
import { createRequirement } from '../people/requirements.ts';

/**
 * The sample company's jobs, the competence its ISMS roles and jobs need, the
 * profiles of the sample people, their certificates (one expiring within the
 * warning days, so the gap view has something to show) and confidentiality
 * agreements, recorded by the ISMS manager through the same services a person uses.
 */

const daysFromNow = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

interface DemoJob {
  key: string;
  code: string;
  name: string;
  nameEn: string;
  duties: string;
  dutiesEn: string;
  /** A competence the job needs. */
  needs: {
    kind: Exclude<CompetenceKind, 'training'>;
    name: string;
    nameEn: string;
    renewalMonths: number | null;
  };
}

const JOBS: readonly DemoJob[] = [
  {
    key: 'exec',
    code: 'EXEC',
    name: '経営者',
    nameEn: 'Executive',
    duties: '情報セキュリティに必要な資源を確保し、方針と目標の達成に責任を持つ。',
    dutiesEn:
      'Provides the resources security needs and answers for the policy and its objectives.',
    needs: {
      kind: 'skill',
      name: '情報セキュリティ方針の理解',
      nameEn: 'Understanding of the security policy',
      renewalMonths: null,
    },
  },
  {
    key: 'isms',
    code: 'ISMS-OFFICE',
    name: 'ISMS推進担当',
    nameEn: 'ISMS coordinator',
    duties: 'リスク評価、文書管理、内部監査と教育の計画を取りまとめる。',
    dutiesEn: 'Coordinates risk assessment, document control, internal audits and training plans.',
    needs: {
      kind: 'qualification',
      name: 'ISMS審査員補 以上',
      nameEn: 'ISMS provisional auditor or above',
      renewalMonths: 36,
    },
  },
  {
    key: 'it',
    code: 'IT-ADMIN',
    name: 'システム管理者',
    nameEn: 'System administrator',
    duties: '特権IDとアクセス権を管理し、ログを定期的に確認する。変更は承認を得てから行う。',
    dutiesEn:
      'Manages privileged accounts and access rights, reviews logs regularly, changes systems only once approved.',
    needs: {
      kind: 'qualification',
      name: '情報処理安全確保支援士',
      nameEn: 'Registered information security specialist',
      renewalMonths: 36,
    },
  },
];

/** What each sample person does, studied and holds. */
const PEOPLE: Record<
  string,
  { job: string; education: string; experience: string; joinedOn: string }
> = {
  yamada: {
    job: 'exec',
    education: '経済学部 卒業',
    experience: '営業部長、取締役を経て代表取締役',
    joinedOn: '1998-04-01',
  },
  sato: {
    job: 'isms',
    education: '法学部 卒業',
    experience: '総務部で規程管理 8年、ISMS事務局 4年',
    joinedOn: '2010-04-01',
  },
  suzuki: {
    job: 'it',
    education: '情報工学科 卒業',
    experience: 'インフラ運用 12年、情報システム部長 3年',
    joinedOn: '2008-10-01',
  },
};

/** Competences the ISMS roles need, by the app role each role goes with. */
const ROLE_NEEDS: Record<
  string,
  { kind: 'skill' | 'qualification'; name: string; nameEn: string }
> = {
  isms_manager: {
    kind: 'qualification',
    name: 'ISMS審査員補 以上',
    nameEn: 'ISMS provisional auditor or above',
  },
  internal_auditor: {
    kind: 'qualification',
    name: '内部監査員養成研修 修了',
    nameEn: 'Internal auditor course completed',
  },
  top_management: {
    kind: 'skill',
    name: 'ISMSの責任と方針の理解',
    nameEn: 'Understanding of ISMS accountability and policy',
  },
};

export interface DemoCompetenceSummary {
  jobs: number;
  requirements: number;
  competences: number;
  agreements: number;
}

export async function seedDemoCompetence(
  db: Db,
  manager: RequestContext,
  people: ReadonlyMap<string, RequestContext>,
  code: (c: string) => string,
): Promise<DemoCompetenceSummary> {
  const summary: DemoCompetenceSummary = {
    jobs: 0,
    requirements: 0,
    competences: 0,
    agreements: 0,
  };
  const jobIds = new Map<string, string>();
  const requirementIds = new Map<string, string>();
  for (const j of JOBS) {
    const job = await createJobDefinition(db, manager, {
      code: code(j.code),
      name: j.name,
      nameEn: j.nameEn,
      securityResponsibilities: j.duties,
      securityResponsibilitiesEn: j.dutiesEn,
    });
    jobIds.set(j.key, job.id);
    const need = await createRequirement(db, manager, {
      roleId: null,
      jobId: job.id,
      courseId: null,
      note: '',
      ...j.needs,
    });
    requirementIds.set(j.key, need.id);
    summary.jobs += 1;
    summary.requirements += 1;
  }
  // The roles come from the organization's own register (the shipped defaults it edited).
  const roleNeedIds = new Map<string, string>();
  for (const role of await activeRoles(db, manager.actor.organizationId)) {
    const need = role.app_role ? ROLE_NEEDS[role.app_role] : undefined;
    if (!need) continue;
    const row = await createRequirement(db, manager, {
      roleId: role.id,
      jobId: null,
      courseId: null,
      renewalMonths: null,
      note: '',
      ...need,
    });
    roleNeedIds.set(role.app_role!, row.id);
    summary.requirements += 1;
  }

  for (const [key, p] of Object.entries(PEOPLE)) {
    const userId = people.get(key)?.actor.userId;
    if (!userId) continue;
    await updateProfile(db, manager, userId, 0, {
      jobId: jobIds.get(p.job)!,
      education: p.education,
      experience: p.experience,
      joinedOn: p.joinedOn,
    });
    await createAgreement(db, manager, userId, {
      kind: 'confidentiality',
      signedOn: p.joinedOn,
      expiresOn: null,
      note: '入社時に締結',
    });
    summary.agreements += 1;
  }

  // The IT manager's certificate lapses within 90 days; the ISMS manager's is valid.
  const certificates = [
    {
      key: 'suzuki',
      job: 'it',
      name: '情報処理安全確保支援士',
      issuer: 'IPA',
      obtained: -1030,
      expires: 45,
    },
    {
      key: 'sato',
      job: 'isms',
      name: 'ISMS審査員補',
      issuer: 'JRCA',
      obtained: -400,
      expires: 695,
    },
  ];
  for (const c of certificates) {
    const userId = people.get(c.key)?.actor.userId;
    if (!userId) continue;
    await createCompetence(db, manager, userId, {
      kind: 'certificate',
      name: c.name,
      issuer: c.issuer,
      requirementId: requirementIds.get(c.job)!,
      obtainedOn: daysFromNow(c.obtained),
      expiresOn: daysFromNow(c.expires),
      note: '',
    });
    summary.competences += 1;
  }
  // The president's job asks for an understanding of the policy, shown in the management review.
  const president = people.get('yamada')?.actor.userId;
  if (president) {
    await createCompetence(db, manager, president, {
      kind: 'skill',
      name: JOBS[0]!.needs.name,
      issuer: '',
      requirementId: requirementIds.get('exec')!,
      obtainedOn: daysFromNow(-300),
      expiresOn: null,
      note: 'マネジメントレビューで方針を確認',
    });
    summary.competences += 1;
  }
  // The president and the ISMS manager meet what their ISMS roles ask; the auditors' stays open.
  const roleSkills = [
    { key: 'yamada', appRole: 'top_management', note: '経営会議でISMS方針を説明' },
    { key: 'sato', appRole: 'isms_manager', note: 'ISMS審査員補の資格で充足' },
  ];
  for (const r of roleSkills) {
    const userId = people.get(r.key)?.actor.userId;
    const requirementId = roleNeedIds.get(r.appRole);
    if (!userId || !requirementId) continue;
    const need = ROLE_NEEDS[r.appRole]!;
    await createCompetence(db, manager, userId, {
      kind: need.kind,
      name: need.name,
      issuer: '',
      requirementId,
      obtainedOn: daysFromNow(-200),
      expiresOn: null,
      note: r.note,
    });
    summary.competences += 1;
  }
  return summary;
}
