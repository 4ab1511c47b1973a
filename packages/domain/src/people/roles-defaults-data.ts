import type { Role } from '../identity/permissions.ts';

/**
 * The ISMS roles Mamoru ships (5.1.c; annex 4.1): a starting point the
 * organization edits. Texts are our own plain wording of what each role does
 * day to day, in Japanese and English.
 */
export interface DefaultRole {
  code: string;
  name: string;
  nameEn: string;
  responsibilities: string;
  responsibilitiesEn: string;
  appRole: Role | null;
  requiresDeputy: boolean;
  perUnit: boolean;
  sortOrder: number;
}

const lines = (...items: string[]) => items.map((item) => `- ${item}`).join('\n');

export const DEFAULT_ROLES: readonly DefaultRole[] = [
  {
    code: 'CISO',
    name: '最高責任者',
    nameEn: 'Chief information security officer',
    responsibilities: lines(
      '情報セキュリティの方針を承認し、全社に向けて自らの言葉で示す',
      'ISMSの運用に必要な人・予算・時間を確保する',
      'マネジメントレビューを主宰し、改善の指示を出す',
      '受け入れるリスクの水準を最終的に判断する',
    ),
    responsibilitiesEn: lines(
      'Approves the information security policy and presents it to the whole company in their own words',
      'Secures the people, budget and time the ISMS needs',
      'Chairs the management review and gives direction for improvement',
      'Makes the final call on how much risk the company accepts',
    ),
    appRole: 'top_management',
    requiresDeputy: false,
    perUnit: false,
    sortOrder: 10,
  },
  {
    code: 'ISMS_MGR',
    name: 'ISMS管理責任者',
    nameEn: 'ISMS manager',
    responsibilities: lines(
      'ISMSを計画どおりに動かし、その状況を最高責任者に定期的に報告する',
      'リスクアセスメントと対応計画の取りまとめを進める',
      '規程・手順書の整備と見直しを指揮する',
      '是正処置と改善の進み具合を追いかける',
    ),
    responsibilitiesEn: lines(
      'Keeps the ISMS running to plan and reports on it regularly to the chief information security officer',
      'Drives the risk assessment and brings the treatment plan together',
      'Leads the writing and review of policies and procedures',
      'Follows corrective actions and improvements through to the end',
    ),
    appRole: 'isms_manager',
    requiresDeputy: true,
    perUnit: false,
    sortOrder: 20,
  },
  {
    code: 'SECRETARIAT',
    name: 'ISMS事務局',
    nameEn: 'ISMS secretariat',
    responsibilities: lines(
      'ISMS委員会の日程調整、議事録の作成と保管を行う',
      '教育・訓練の計画を立て、受講の記録を管理する',
      '文書と記録の版を管理し、必要な人に配付する',
    ),
    responsibilitiesEn: lines(
      'Schedules the ISMS committee, writes its minutes and keeps them',
      'Plans training and awareness, and keeps the attendance records',
      'Controls versions of documents and records and gets them to the people who need them',
    ),
    appRole: null,
    requiresDeputy: false,
    perUnit: false,
    sortOrder: 30,
  },
  {
    code: 'PROMOTER',
    name: '推進委員',
    nameEn: 'Unit ISMS promoter',
    responsibilities: lines(
      '自部門でISMSのルールが守られるよう、日々声をかけ相談に乗る',
      '自部門の情報資産の洗い出しと見直しを手伝う',
      '事務局と自部門の間で連絡役を務め、委員会に出席する',
    ),
    responsibilitiesEn: lines(
      'Helps colleagues in the unit follow the ISMS rules and answers their questions',
      'Helps list and review the information assets of the unit',
      'Links the unit with the secretariat and sits on the committee',
    ),
    appRole: null,
    requiresDeputy: false,
    perUnit: true,
    sortOrder: 40,
  },
  {
    code: 'AUDIT_LEAD',
    name: '内部監査責任者',
    nameEn: 'Internal audit lead',
    responsibilities: lines(
      '内部監査の年間計画を立て、監査員を選ぶ(自部門を監査しないよう配慮する)',
      '監査の結果を取りまとめ、最高責任者に報告する',
      '指摘事項への対応が終わったことを確かめる',
    ),
    responsibilitiesEn: lines(
      'Plans the year’s internal audits and picks auditors who do not audit their own work',
      'Brings audit results together and reports them to the chief information security officer',
      'Checks that findings have been dealt with',
    ),
    appRole: 'internal_auditor',
    requiresDeputy: true,
    perUnit: false,
    sortOrder: 50,
  },
  {
    code: 'ASSET_OWNER',
    name: '情報資産の責任者',
    nameEn: 'Information asset owner',
    responsibilities: lines(
      '自部門の情報資産を台帳に載せ、分類と重要度を決める',
      'アクセスできる人を決め、定期的に見直す',
      '資産に関わるリスクへの対策が実施されているか確かめる',
    ),
    responsibilitiesEn: lines(
      'Puts the unit’s information assets on the register and sets their class and value',
      'Decides who may access them and reviews that list regularly',
      'Makes sure the agreed measures for the assets’ risks are in place',
    ),
    appRole: 'owner',
    requiresDeputy: false,
    perUnit: true,
    sortOrder: 60,
  },
  {
    code: 'INCIDENT_LEAD',
    name: 'インシデント対応責任者',
    nameEn: 'Incident response lead',
    responsibilities: lines(
      '事故や弱点の報告を受け付ける窓口を用意し、周知する',
      '事故が起きたときは影響を見極め、対応と連絡の指揮をとる',
      '対応の記録を残し、再発防止を事務局とともに進める',
    ),
    responsibilitiesEn: lines(
      'Sets up and makes known the point of contact for reporting incidents and weaknesses',
      'When something happens, judges its impact and directs the response and communication',
      'Keeps a record of the response and works on prevention with the secretariat',
    ),
    appRole: null,
    requiresDeputy: true,
    perUnit: false,
    sortOrder: 70,
  },
];
