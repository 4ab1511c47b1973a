/**
 * Problem texts of the people area (spread into messages.ts), one block per part
 * of the area; both locales hold the same keys (a test checks).
 */
export const peopleMessages = {
  en: {
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
