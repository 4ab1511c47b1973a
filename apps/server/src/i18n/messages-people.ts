/**
 * Problem texts of the people area (spread into messages.ts), one block per part
 * of the area; both locales hold the same keys (a test checks).
 */
export const peopleMessages = {
  en: {
    // people: ISMS roles, assignments, acknowledgement
    isms_role_code_taken: 'An ISMS role with this code exists already.',
    isms_role_app_role_unknown: 'Choose one of the app’s roles, or none.',
    isms_role_per_unit_assigned:
      'The role has assignments already, so whether it is held per unit can no longer change; create a new role instead.',
    isms_roles_exist:
      'The organization has ISMS roles already; the shipped defaults are loaded only into an empty register.',
    isms_role_inactive:
      'This ISMS role is retired: it takes no new assignments or acknowledgements.',
    role_assignment_user_inactive: 'This user is deactivated and cannot be given a role.',
    role_assignment_end_before_start: 'The end date cannot be before the start date.',
    role_assignment_unit_required: 'This role is held per unit: choose the unit.',
    role_assignment_unit_not_per_unit:
      'This role is held for the whole organization: leave the unit empty.',
    role_assignment_duplicate:
      'This person already holds or deputizes for this role (for this unit) in an assignment that has not ended.',
    role_acknowledge_not_assignee: 'Only the person assigned to the role can acknowledge it.',
    role_assignment_not_current:
      'Only an assignment that runs today can be acknowledged (it has ended or not started yet).',
    // people: committee
    committee_member_duplicate: 'This person is a member of the committee already.',
    committee_left_before_joined: 'The day the member left cannot be before the day they joined.',
    committee_meeting_held_future: 'A meeting held cannot have a date later than today.',
    // people: jobs, competence requirements, profiles, competences, agreements
    requirement_target_one: 'A requirement belongs to exactly one ISMS role or one job.',
    requirement_course_for_training:
      'A training requirement names the course that meets it; other kinds name no course.',
    requirement_course_inactive:
      'Choose an active training course of your organization for this requirement.',
    competence_expiry_before_obtained: 'The expiry date cannot be before the date obtained.',
    competence_requirement_training:
      'A training requirement is met by completing its course, not by recording a competence; choose a skill or qualification requirement.',
    person_records_limit: 'A person can hold at most {limit} of these records.',
    agreement_signed_future: 'The signing date cannot be later than today.',
    agreement_expiry_before_signed: 'The expiry date cannot be before the signing date.',
  } as Record<string, string>,
  ja: {
    // people: ISMS roles, assignments, acknowledgement
    isms_role_code_taken: '同じコードのISMS役割がすでにあります。',
    isms_role_app_role_unknown: 'アプリのロールから選ぶか、空欄にしてください。',
    isms_role_per_unit_assigned:
      'この役割にはすでに割り当てがあるため、部門ごとに置くかどうかは変更できません。新しい役割を作成してください。',
    isms_roles_exist:
      'この組織にはすでにISMS役割があります。標準の役割は、役割が一つもないときだけ読み込めます。',
    isms_role_inactive: 'このISMS役割は廃止されているため、新しい割り当てや確認はできません。',
    role_assignment_user_inactive: 'このユーザーは無効化されているため、役割を割り当てられません。',
    role_assignment_end_before_start: '終了日は開始日より前にできません。',
    role_assignment_unit_required: 'この役割は部門ごとに置く役割です。部門を選んでください。',
    role_assignment_unit_not_per_unit:
      'この役割は組織全体で置く役割です。部門は空欄にしてください。',
    role_assignment_duplicate:
      'この人はすでに、終了していない割り当てでこの役割(この部門)の担当者または代理者になっています。',
    role_acknowledge_not_assignee: '役割の確認ができるのは、割り当てられた本人だけです。',
    role_assignment_not_current:
      '確認できるのは、今日が期間内の割り当てだけです(終了済みか、まだ始まっていません)。',
    // people: committee
    committee_member_duplicate: 'この人はすでに委員会のメンバーです。',
    committee_left_before_joined: '退任日を就任日より前にはできません。',
    committee_meeting_held_future: '開催済みの会議の日付に、今日より後の日は指定できません。',
    // people: jobs, competence requirements, profiles, competences, agreements
    requirement_target_one: '要求事項は、ISMS上の役割か職務のどちらか一つに設定してください。',
    requirement_course_for_training:
      '研修の要求事項には、それを満たす研修コースを指定します。ほかの種類ではコースを指定しません。',
    requirement_course_inactive: 'この要求事項には、組織で有効な研修コースを選んでください。',
    competence_expiry_before_obtained: '有効期限を取得日より前にすることはできません。',
    competence_requirement_training:
      '研修の要求事項は、コースの修了によって満たされます。力量の記録では満たせないため、技能または資格の要求事項を選んでください。',
    person_records_limit: '一人あたりの記録は {limit} 件までです。',
    agreement_signed_future: '署名日を今日より後にすることはできません。',
    agreement_expiry_before_signed: '有効期限を署名日より前にすることはできません。',
  } as Record<string, string>,
};
