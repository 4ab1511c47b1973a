import type { Locale } from '@mamoru/contracts';
import { improvementMessages } from './messages-improvement.ts';
import { reviewsMessages } from './messages-reviews.ts';
import { peopleMessages } from './messages-people.ts';
import { trainingMessages } from './messages-training.ts';
import { incidentsMessages } from './messages-incidents.ts';
import { resourcesMessages } from './messages-resources.ts';
import { attestationsMessages } from './messages-attestations.ts';
import { objectivesMessages } from './messages-objectives.ts';
import { legalMessages } from './messages-legal.ts';
import { authenticationMessages } from './messages-authentication.ts';
import { ssoMessages } from './messages-sso.ts';
import { scimMessages } from './messages-scim.ts';
import { webauthnMessages } from './messages-webauthn.ts';
import { controlsMessages } from './messages-controls.ts';
import { calendarMessages } from './messages-calendar.ts';
import { catalogImportMessages } from './messages-catalog-import.ts';
import { soaMigrationMessages } from './messages-soa-migration.ts';
import { evidencePackMessages } from './messages-evidence-pack.ts';

type Catalog = Record<string, string>;

/**
 * Server-side texts of problem responses. Keys are the stable codes that the
 * domain raises; both locales must hold the same keys (a test checks).
 */
export const messages: Record<Locale, Catalog> = {
  en: {
    ...improvementMessages.en,
    ...reviewsMessages.en,
    ...peopleMessages.en,
    ...trainingMessages.en,
    ...incidentsMessages.en,
    ...resourcesMessages.en,
    ...attestationsMessages.en,
    ...objectivesMessages.en,
    ...legalMessages.en,
    ...authenticationMessages.en,
    ...ssoMessages.en,
    ...scimMessages.en,
    ...webauthnMessages.en,
    ...controlsMessages.en,
    ...calendarMessages.en,
    ...catalogImportMessages.en,
    ...soaMigrationMessages.en,
    ...evidencePackMessages.en,
    validation: 'The request is not valid.',
    malformed_json: 'The request body is not valid JSON.',
    text_nul_character: 'The text holds a NUL character (U+0000), which cannot be stored.',
    record_type_code_taken: 'A record type with the code {code} exists already.',
    record_disposed: 'The record has been disposed of and can no longer change.',
    record_disposal_pending: 'Disposal of the record is waiting for approval.',
    record_legal_hold:
      'The record is under legal hold ({reason}) and cannot be disposed of until the hold is lifted.',
    record_retention_not_ended:
      'The record must be kept until {retentionEnd}; it can be disposed of from the day after.',
    record_hold_reason_required: 'A legal hold needs a reason.',
    legal_hold:
      'The record is under legal hold ({reason}): its fields and files cannot change until the hold is lifted.',
    approval_policy_unchanged: 'The policy already has these values; there is nothing to approve.',
    file_integrity_failed:
      'The stored content of this file no longer matches its SHA-256 checksum; it is not served. The event is in the audit trail.',
    file_too_large: 'The file is larger than the limit of {limit} bytes; nothing was stored.',
    file_type_not_allowed: 'Files of this type ({type}) cannot be uploaded.',
    file_missing: 'The request has no file (multipart/form-data field "file").',
    file_empty: 'The file is empty.',
    file_owner_type_unknown: 'Files cannot be attached to "{ownerType}".',
    unsupported_media_type: 'Unsupported content type: {type}.',
    body_too_large: 'The request body is larger than the limit of {limit} bytes.',
    route_not_found: 'No such route: {method} {url}.',
    not_found: 'The {entity} does not exist or is not visible to you.',
    unauthenticated: 'You are not signed in.',
    forbidden: 'You do not have permission for this action.',
    conflict: 'The request conflicts with the current state.',
    stale_version:
      'Someone else changed this object after you loaded it. Reload it and apply your change again.',
    if_match_required: 'This update needs an If-Match header with the ETag you last read.',
    too_many_requests: 'Too many requests. Try again in {seconds} seconds.',
    internal: 'An unexpected error occurred. It has been logged with request id {requestId}.',
    field_required: 'Required.',
    approver_role_cannot_decide:
      'This role cannot decide approvals; choose a role that holds the approval permission.',
    access_expiry_past: 'The access expiry must be in the future.',
    login_failed: 'The email address or password is wrong, or the account is not active.',
    login_throttled: 'Too many failed sign-in attempts. Try again in {seconds} seconds.',
    csrf_failed: 'The request is missing its CSRF token. Reload the page and try again.',
    token_invalid: 'The API token is unknown, expired or revoked.',
    metrics_token_invalid: 'The metrics endpoint needs its bearer token (MAMORU_METRICS_TOKEN).',
    setup_done: 'Mamoru is already set up; sign in instead.',
    password_too_short: 'The password must have at least {min} characters.',
    password_weak:
      'This password is easy to guess (a common password, a word with digits added, or repetition). Use a longer passphrase of unrelated words.',
    password_personal:
      'The password must not contain your name, email address, the organization’s name or the product’s name.',
    password_unchanged: 'The new password must differ from the current one.',
    password_change_required: 'An administrator set your password: change it before you continue.',
    password_wrong: 'The current password is wrong.',
    email_taken: 'A user with this email address already exists.',
    external_auditor_alone: 'An external auditor cannot hold other roles.',
    external_auditor_expiry: 'An external auditor needs an access expiry date.',
    last_admin: 'The organization must keep at least one active administrator.',
    approval_pending: 'An approval request for this object is already pending.',
    approval_not_pending: 'This approval request has already been decided.',
    approval_not_assignee: 'This approval request is assigned to someone else.',
    approval_wrong_role: 'Only a user with the required role can decide this approval request.',
    approval_own_object:
      'You cannot approve your own work: segregation of duties requires another approver.',
    approval_not_requester: 'Only the person who requested the approval can withdraw it.',
    approval_type_unknown: 'Unknown approval type: {type}.',
    code_taken: 'This code is already used in your organization.',
    reference_not_found: 'This refers to something that does not exist in your organization.',
    document_control_unknown:
      'Annex control "{id}" is not in the annex of the certification criteria.',
    document_requirement_unknown: 'Requirement item "{id}" is not in the certification criteria.',
    risk_exists: 'This asset already has a risk for this threat and vulnerability.',
    risk_method_frozen:
      'Risk method version {number} is approved and can no longer change; create a new draft.',
    risk_method_in_review: 'The risk method is waiting for approval and cannot change now.',
    risk_not_evaluated: 'The risk has no value yet: approve a risk method first.',
    risk_above_acceptable_untreated:
      'The risk is above the acceptable level: choose a treatment option before marking it accepted.',
    risk_retention_not_approved:
      'Retaining a risk above the acceptable level needs the approval of top management first.',
    risk_not_retained:
      'Only a risk whose treatment option is "retain" can be sent for retention approval.',
    risk_residual_pending:
      'The residual risk is waiting for approval; the treatment cannot change now.',
    no_residual_risks: 'There are no treated risks waiting for residual risk acceptance.',
    risk_bulk_too_many:
      'The filter selects more than {max} risks; narrow it down and treat them in parts.',
    risk_bulk_empty: 'The filter selects no risks.',
    risk_selection_changed:
      'The risks of the filter changed after you looked at them (now {count}). Check the selection again.',
    action_proposal_unknown:
      'No treatment action is proposed for control {id}: no selected risk lacks one.',
    risk_control_unknown: '{id} is not a control of the certification criteria annex.',
    risk_control_duplicate: 'This control is listed more than once.',
    risk_controls_required: 'Applying controls needs at least one selected control.',
    scale_too_short: 'A scale needs at least two levels.',
    scale_duplicate_value: 'Each level of a scale needs its own value.',
    scale_not_ascending: 'The levels of a scale must go up in value.',
    scale_value_invalid: 'Scale values are whole numbers of 0 or more.',
    grid_shape: 'The grid needs one row per likelihood level and one column per impact level.',
    bands_empty: 'At least one risk level band is needed.',
    bands_not_ascending: 'Risk level bands must go up by their lower bound.',
    bands_gap_below:
      'The first band must start at or below the lowest risk value the method can produce.',
    acceptable_out_of_range:
      'The acceptable level must lie within the risk values the method can produce.',
    parent_cycle: 'The parent cannot be the item itself or one of the items below it.',
    forbidden_reach_all:
      'This needs write access to the whole ISMS; with your role you can change only what you own.',
    cia_out_of_range: 'Use a whole number from {min} to {max}.',
    cia_incomplete:
      'Confidentiality, integrity and availability go together: fill in all three or leave all three blank.',
    scope_exists: 'The scope already exists; edit it with the ETag of its latest version.',
    scope_approval_pending:
      'This scope version is waiting for approval; withdraw the request to edit it again.',
    document_isms_policy_type: 'Only a document of type policy can be the ISMS policy.',
    document_draft_exists:
      'Revision {revision} of this document is already being worked on; edit that draft instead.',
    document_version_not_draft:
      'Revision {revision} is no longer a draft: it is in review, approved or issued and cannot change.',
    document_version_issued: 'Revision {revision} is already issued.',
    document_not_approved:
      'Revision {revision} has not been approved; a document version can only be issued after approval.',
    document_not_issued: 'This document has no issued version.',
    document_not_distributed_to_you:
      'This document was not distributed to you, so there is nothing to acknowledge.',
    scope_version_frozen:
      'Scope version {number} is approved and can no longer change; edit the scope to start the next version.',
    exclusion_clause_not_excludable:
      '{id} is a requirement of clauses 第4–第7, which can never be excluded; only annex controls can.',
    exclusion_control_unknown: '{id} is not a control of the annex.',
    exclusion_duplicate: '{id} is excluded more than once.',
    exclusion_reason_required: 'An exclusion needs its justification.',
    exclusion_acceptance_required:
      'An exclusion needs the accountable person who accepted the related risk.',
    soa_exists: 'This scope version already has a Statement of Applicability.',
    soa_scope_required:
      'Define the ISMS scope first: a Statement of Applicability belongs to a scope.',
    soa_approval_pending:
      'This statement is waiting for approval; withdraw the request to edit it again.',
    soa_version_frozen:
      'Version {number} of the statement is approved and can no longer change; an edit starts the next version.',
    soa_blocked: 'The statement cannot be submitted yet: {count} item(s) block it.',
    soa_undecided: '{control}: decide whether the control applies.',
    soa_reason_missing: '{control}: give at least one reason for selecting the control.',
    soa_exclusion_reason_missing: '{control}: justify the exclusion.',
    soa_acceptance_missing:
      '{control}: name the accountable person who accepted the risk of the exclusion.',
    soa_control_unknown: 'This control has no entry in the statement.',
    dependency_self: 'An asset cannot depend on itself.',
    dependency_duplicate: 'This dependency is listed twice.',
    bulk_nothing_to_change: 'Choose an owner or a classification to set.',
    import_unreadable: 'The file cannot be read as CSV or XLSX: {reason}',
    import_invalid: 'The file has problems, so nothing was imported. See the report.',
    import_empty: 'The file has no header row.',
    job_failed: 'The job failed unexpectedly; the error has been logged.',
    job_interrupted: 'The job stopped without finishing (its server went away). Run it again.',
    jobs_busy:
      'Your organization is already running {limit} imports, exports or generations and more are waiting. Try again in {seconds} seconds.',
    server_busy: 'The server is busy. Try again in {seconds} seconds.',
    import_no_known_columns:
      'None of the header columns is a column of the template. Use the column names of the template.',
    import_limit_uncompressed:
      'The XLSX file unpacks to more than {limit} bytes (MAMORU_IMPORT_MAX_UNCOMPRESSED_BYTES).',
    import_limit_rows: 'The file has more than {limit} rows (MAMORU_IMPORT_MAX_ROWS).',
    import_limit_columns: 'Row {row} has more than {limit} columns (MAMORU_IMPORT_MAX_COLUMNS).',
    import_limit_cell:
      'Row {row} has a cell longer than {limit} characters (MAMORU_IMPORT_MAX_CELL_CHARS).',
    column_unknown: 'Unknown column. Use the column names of the template.',
    column_duplicate: 'This column appears more than once.',
    column_missing: 'This column is missing.',
    value_required: 'A value is required.',
    value_too_long: 'Longer than {max} characters.',
    value_invalid: '"{value}" is not one of the allowed values.',
    number_invalid: '"{value}" is not a number.',
    boolean_invalid: '"{value}" is neither true nor false.',
    entry_field_unknown: '"{value}" is not a field of this record type.',
    reference_unknown: 'Nothing in your organization has the email address or code "{value}".',
    date_invalid: '"{value}" is not a date (YYYY-MM-DD).',
    tags_invalid: 'At most {max} tags of at most {length} characters each.',
    code_duplicate_in_file: 'The same code is already on row {row}.',
    permission_unknown: 'Unknown permissions: {names}.',
    permission_not_held: 'You cannot grant permissions you do not hold: {names}.',
    tokens_user_only: 'API tokens can only be managed from a signed-in session.',
    saved_views_user_only: 'Saved views belong to a user; sign in to keep them.',
    view_name_taken: 'You already have a view with this name.',
    profile_user_only: 'Only a signed-in user can change their own profile.',
    forbidden_not_owner: 'You can change only objects that you own.',
    invalid_cursor: 'The page cursor is not valid.',
    catalog_invalid:
      'The catalog file is not valid: {count} problem(s), the first at {path}: {message}',
    catalog_issue: '{message}',
    catalog_id_shipped:
      'The catalog ID {libraryId} belongs to a catalog shipped with Mamoru. Import the file under another ID (libraryId).',
    catalog_id_taken:
      'Your organization already has a catalog with the ID {libraryId}. Import the file under another ID (libraryId).',
    catalog_too_large: 'The catalog has more than {max} nodes.',
    catalog_locale_unavailable:
      'The catalog has no texts in "{locale}"; its languages are: {languages}.',
    catalog_objective_unknown: 'The catalog has no objective {id}.',
    catalog_not_objective:
      '{id} is not an objective: own controls go under an objective (or a plain group).',
    catalog_node_id_taken: 'The catalog already has a group or control with the ID {id}.',
    catalog_overlay_library_mismatch:
      'The file is for the catalog {libraryId}, not for {expected}.',
    catalog_overlay_duplicate: 'The ID {id} occurs more than once.',
    catalog_overlay_unknown_ids: 'The catalog has no node with these IDs ({count}): {ids}.',
    catalog_overlay_unknown_id: 'The catalog has no {namespace} with the ID {id}.',
    // Internal audits: register, independence, lifecycle (aaudit).
    internal_auditor_exists: 'This user is already in the register of internal auditors.',
    auditor_not_registered: 'Only active auditors of the register can be on an audit team.',
    independence_conflict:
      'The assignment is refused: an auditor would audit their own work. No override exists.',
    independence_unit_member: '{user} belongs to the auditee unit {object} ({audit}).',
    independence_unit_head: '{user} heads the auditee unit {object} or a unit above it ({audit}).',
    independence_asset_owner: '{user} owns the asset {object} in the scope of {audit}.',
    independence_document_owner: '{user} owns the document {object} in the scope of {audit}.',
    independence_document_author: '{user} wrote the document {object} in the scope of {audit}.',
    independence_document_approver:
      '{user} approved the document {object} in the scope of {audit}.',
    audit_code_taken: 'Another audit took this number at the same moment. Try again.',
    audit_closed: 'The audit is closed and can no longer change.',
    audit_end_before_start: 'The end date is before the start date.',
    audit_status_transition:
      'An audit moves only one step at a time: planned, in progress, reported, follow-up, closed.',
    audit_lead_required: 'Assign a lead auditor before the audit starts.',
    audit_report_not_approved: 'The audit is reported only once its report is approved.',
    audit_findings_unresolved:
      '{count} findings are neither verified nor taken over; the audit cannot close yet.',
    forbidden_not_on_team: 'Only the audit team or the ISMS manager can do this.',
    audit_programme_exists:
      'The audit programme of fiscal year {fiscalYear} exists already; edit its latest version instead.',
    audit_programme_version_frozen:
      'Version {number} of the audit programme is approved or replaced and can no longer change; edit the latest version to start the next one.',
    audit_programme_approval_pending:
      'This audit programme version is waiting for approval; withdraw the request to edit it again.',
    period_end_before_start: 'The period cannot end before it starts.',
    // Internal audit checklists and findings (acheck).
    audit_not_on_team: 'Only a member of the audit team can do this.',
    audit_checklist_closed:
      'The checklist can change only while the audit is planned or in progress.',
    audit_not_in_progress: 'Results can be recorded only while the audit is in progress.',
    audit_line_has_finding:
      'This line raised a finding, so it stays in the checklist. Change its result first.',
    audit_checklist_order_incomplete: 'The new order must name every line of the checklist once.',
    audit_finding_progressed:
      'The finding has already been corrected, verified or taken over; its result can no longer change.',
    audit_finding_description_required:
      'A nonconformity, observation or opportunity for improvement needs a description (or notes).',
    audit_finding_unit_not_auditee:
      'The unit of a finding must be one of the audit’s auditee units.',
    audit_findings_closed: 'Findings can be followed up only until the audit is closed.',
    audit_not_auditee: 'Only someone of an auditee unit can record the correction.',
    audit_finding_not_corrected: 'Only a corrected finding can be verified.',
    audit_finding_verifier_is_corrector:
      'The person who made the correction cannot verify it; another auditor of the team must.',
    audit_checklist_import_unreadable: 'The file cannot be read as an XLSX workbook.',
    audit_checklist_import_header:
      'The first sheet is not a checklist exported by Mamoru (its columns are not the expected ones).',
    audit_checklist_line_unknown: 'The line ID is not a line of this audit’s checklist.',
    audit_checklist_line_twice: 'The same line appears more than once in the file.',
    audit_checklist_result_unknown: 'The result is not one of the listed values.',
    // Audit reports (6.4).
    audit_report_frozen: 'The audit report is approved and can no longer change.',
    audit_report_audit_closed: 'The audit is already reported; its report can no longer change.',
    audit_report_team_only: 'Only the audit team words the audit report.',
    audit_report_lead_only: 'Only the lead auditor approves the audit report.',
    audit_report_not_in_progress: 'The report is approved while the audit is in progress.',
    audit_report_unanswered:
      'Every checklist line needs a result before the report is approved ({count} without one).',
    audit_report_head_only: 'Only the head of an audited unit acknowledges the audit report.',
    audit_report_draft: 'The audit report is still a draft: it is not approved yet.',
    audit_report_acknowledged: 'The audit report is already acknowledged.',
    // Improvement register and preventive proposals (ireg).
    decision_reason_required: 'A decision needs its reason.',
    improvement_already_decided: 'The improvement has been decided already.',
    improvement_not_accepted: 'Only an accepted improvement can be recorded as implemented.',
    improvement_implemented: 'The improvement is implemented and can no longer change.',
    proposal_already_decided: 'The preventive proposal has been decided already.',
  },
  ja: {
    ...improvementMessages.ja,
    ...reviewsMessages.ja,
    ...peopleMessages.ja,
    ...trainingMessages.ja,
    ...incidentsMessages.ja,
    ...resourcesMessages.ja,
    ...attestationsMessages.ja,
    ...objectivesMessages.ja,
    ...legalMessages.ja,
    ...authenticationMessages.ja,
    ...ssoMessages.ja,
    ...scimMessages.ja,
    ...webauthnMessages.ja,
    ...controlsMessages.ja,
    ...calendarMessages.ja,
    ...catalogImportMessages.ja,
    ...soaMigrationMessages.ja,
    ...evidencePackMessages.ja,
    validation: 'リクエストの内容に誤りがあります。',
    malformed_json: 'リクエスト本文が正しい JSON ではありません。',
    text_nul_character: 'テキストに保存できない制御文字が含まれています。',
    record_type_code_taken: 'コード {code} の記録種別はすでに存在します。',
    record_disposed: 'この記録は廃棄済みのため変更できません。',
    record_disposal_pending: 'この記録の廃棄は承認待ちです。',
    record_legal_hold:
      'この記録はリーガルホールド中（{reason}）のため、解除するまで廃棄できません。',
    record_retention_not_ended:
      'この記録は {retentionEnd} まで保管が必要です。廃棄できるのはその翌日からです。',
    record_hold_reason_required: 'リーガルホールドには理由が必要です。',
    legal_hold:
      'この記録はリーガルホールド中（{reason}）のため、解除するまで項目とファイルを変更できません。',
    approval_policy_unchanged: '承認ポリシーはすでにこの内容です。承認を求める変更がありません。',
    file_integrity_failed:
      'このファイルの保存内容が SHA-256 チェックサムと一致しないため、提供できません。監査証跡に記録しました。',
    file_too_large: 'ファイルが上限の {limit} バイトを超えています。何も保存されていません。',
    file_type_not_allowed: 'この種類のファイル（{type}）はアップロードできません。',
    file_missing: 'リクエストにファイルがありません（multipart/form-data のフィールド "file"）。',
    file_empty: 'ファイルが空です。',
    file_owner_type_unknown: '「{ownerType}」にはファイルを添付できません。',
    unsupported_media_type: 'サポートされていないコンテンツ種別です: {type}',
    body_too_large: 'リクエスト本文が上限の {limit} バイトを超えています。',
    route_not_found: 'そのルートはありません: {method} {url}',
    not_found: '{entity} が存在しないか、参照する権限がありません。',
    unauthenticated: 'サインインしていません。',
    forbidden: 'この操作を行う権限がありません。',
    conflict: '現在の状態と矛盾する要求です。',
    stale_version:
      '読み込んだ後に他の人がこの対象を変更しました。再読み込みしてから変更をやり直してください。',
    if_match_required:
      'この更新には、最後に取得した ETag を If-Match ヘッダーで指定する必要があります。',
    too_many_requests: 'リクエストが多すぎます。{seconds} 秒後に再試行してください。',
    internal: '予期しないエラーが発生しました。リクエスト ID {requestId} で記録しました。',
    field_required: '必須項目です。',
    approver_role_cannot_decide:
      'この役割は承認を決裁できません。承認権限を持つ役割を選んでください。',
    access_expiry_past: 'アクセス期限には将来の日時を指定してください。',
    login_failed: 'メールアドレスまたはパスワードが正しくないか、アカウントが無効です。',
    login_throttled: 'サインインの失敗が多すぎます。{seconds} 秒後に再試行してください。',
    csrf_failed: 'CSRF トークンがありません。ページを再読み込みしてからやり直してください。',
    token_invalid: 'API トークンが不明、期限切れ、または失効しています。',
    metrics_token_invalid:
      'メトリクスの取得には、そのベアラートークン (MAMORU_METRICS_TOKEN) が必要です。',
    setup_done: 'Mamoru は初期設定済みです。サインインしてください。',
    password_too_short: 'パスワードは {min} 文字以上にしてください。',
    password_weak:
      '推測されやすいパスワードです（よく使われるパスワード、語に数字を付け足したもの、繰り返しなど）。関連のない語を並べた長めのパスフレーズにしてください。',
    password_personal: 'パスワードに氏名、メールアドレス、組織名、製品名を含めないでください。',
    password_unchanged: '新しいパスワードは現在のものと異なるものにしてください。',
    password_change_required: 'パスワードは管理者が設定したものです。続ける前に変更してください。',
    password_wrong: '現在のパスワードが正しくありません。',
    email_taken: 'このメールアドレスのユーザーは既に存在します。',
    external_auditor_alone: '外部監査員に他の役割を兼ねさせることはできません。',
    external_auditor_expiry: '外部監査員にはアクセス期限が必要です。',
    last_admin: '組織には有効なシステム管理者が少なくとも 1 人必要です。',
    approval_pending: 'この対象の承認依頼は既に処理待ちです。',
    approval_not_pending: 'この承認依頼は既に決裁済みです。',
    approval_not_assignee: 'この承認依頼は別の人に割り当てられています。',
    approval_wrong_role: '必要な役割を持つユーザーだけがこの承認依頼を決裁できます。',
    approval_own_object: '自分が作成したものは承認できません（職務の分離）。別の承認者が必要です。',
    approval_not_requester: '承認依頼を取り下げられるのは依頼者だけです。',
    approval_type_unknown: '不明な承認種別です: {type}',
    code_taken: 'このコードは組織内で既に使われています。',
    reference_not_found: '組織内に存在しない対象を参照しています。',
    document_control_unknown: '附属書の管理策「{id}」は認証基準の附属書にありません。',
    document_requirement_unknown: '要求事項「{id}」は認証基準にありません。',
    risk_exists: 'この資産には同じ脅威・脆弱性のリスクが既にあります。',
    risk_method_frozen:
      'リスクアセスメントの方法の第{number}版は承認済みのため変更できません。新しい版を作成してください。',
    risk_method_in_review: 'リスクアセスメントの方法は承認待ちのため、今は変更できません。',
    risk_not_evaluated:
      'リスク値がまだありません。先にリスクアセスメントの方法を承認してください。',
    risk_above_acceptable_untreated:
      '受容可能なレベルを超えるリスクです。受容済みにする前にリスク対応の選択肢を決めてください。',
    risk_retention_not_approved:
      '受容可能なレベルを超えるリスクの保有には、経営陣の承認が必要です。',
    risk_not_retained: 'リスク対応の選択肢が「保有」のリスクだけが保有の承認を申請できます。',
    risk_residual_pending: '残留リスクが承認待ちのため、リスク対応は今は変更できません。',
    no_residual_risks: '残留リスクの承認を申請できる対応済みのリスクがありません。',
    risk_bulk_too_many:
      'フィルターが {max} 件を超えるリスクを選択しています。条件を絞り込み、分けて対応してください。',
    risk_bulk_empty: 'フィルターに該当するリスクがありません。',
    risk_selection_changed:
      '確認した後にフィルターのリスクが変わりました（現在 {count} 件）。選択をもう一度確認してください。',
    action_proposal_unknown:
      '管理策 {id} の対応策は提案されていません。対応策のないリスクがありません。',
    risk_control_unknown: '{id} は認証基準の附属書の管理策ではありません。',
    risk_control_duplicate: 'この管理策が重複しています。',
    risk_controls_required: '管理策の適用には、少なくとも一つの管理策の選択が必要です。',
    scale_too_short: '尺度には二つ以上の段階が必要です。',
    scale_duplicate_value: '尺度の各段階には異なる値が必要です。',
    scale_not_ascending: '尺度の段階は値の小さい順に並べてください。',
    scale_value_invalid: '尺度の値は0以上の整数です。',
    grid_shape: 'マトリクスは発生可能性の段階ごとに行、影響度の段階ごとに列が必要です。',
    bands_empty: 'リスクレベルの区分が一つ以上必要です。',
    bands_not_ascending: 'リスクレベルの区分は下限の小さい順に並べてください。',
    bands_gap_below: '最初の区分は、手法が出すリスク値の最小値以下から始めてください。',
    acceptable_out_of_range: '受容可能なレベルは、手法が出すリスク値の範囲内にしてください。',
    parent_cycle: '親には、自分自身やその配下の項目を指定できません。',
    forbidden_reach_all:
      'ISMS 全体への書込み権限が必要です。あなたの役割で変更できるのは、自分が責任者である対象だけです。',
    cia_out_of_range: '{min} から {max} までの整数で指定してください。',
    cia_incomplete: '機密性・完全性・可用性は3つとも入力するか、3つとも空欄にしてください。',
    scope_exists: '適用範囲は既にあります。最新版の ETag を指定して編集してください。',
    scope_approval_pending:
      'この版の適用範囲は承認待ちです。再度編集するには承認依頼を取り下げてください。',
    document_isms_policy_type: 'ISMS 基本方針にできるのは、種別が方針の文書だけです。',
    document_draft_exists: 'この文書の第 {revision} 版を作成中です。その下書きを編集してください。',
    document_version_not_draft:
      '第 {revision} 版は下書きではありません（レビュー中、承認済み、または発行済み）。変更できません。',
    document_version_issued: '第 {revision} 版は既に発行されています。',
    document_not_approved:
      '第 {revision} 版は承認されていません。文書の版は承認を受けてからでなければ発行できません。',
    document_not_issued: 'この文書には発行済みの版がありません。',
    document_not_distributed_to_you:
      'この文書はあなたに配付されていないため、既読確認の対象ではありません。',
    scope_version_frozen:
      '適用範囲の第 {number} 版は承認済みのため変更できません。適用範囲を編集すると次の版が作成されます。',
    exclusion_clause_not_excludable:
      '{id} は第4〜第7の要求事項であり、除外できません。除外できるのは附属書の管理策だけです。',
    exclusion_control_unknown: '{id} は附属書の管理策ではありません。',
    exclusion_duplicate: '{id} が重複して除外されています。',
    exclusion_reason_required: '除外には正当な理由が必要です。',
    exclusion_acceptance_required: '除外には、関連するリスクを受容した責任者の指定が必要です。',
    soa_exists: 'この版の適用範囲には既に適用宣言書があります。',
    soa_scope_required: '先に ISMS の適用範囲を定めてください。適用宣言書は適用範囲に属します。',
    soa_approval_pending:
      'この適用宣言書は承認待ちです。再度編集するには承認依頼を取り下げてください。',
    soa_version_frozen:
      '適用宣言書の第 {number} 版は承認済みのため変更できません。編集すると次の版が作成されます。',
    soa_blocked: '適用宣言書はまだ提出できません。{count} 件の未解決事項があります。',
    soa_undecided: '{control}: 管理策を採用するかどうかを決めてください。',
    soa_reason_missing: '{control}: 採用の理由を少なくとも 1 つ示してください。',
    soa_exclusion_reason_missing: '{control}: 不採用の正当な理由を記入してください。',
    soa_acceptance_missing: '{control}: 不採用に伴うリスクを受容した責任者を指定してください。',
    soa_control_unknown: 'この管理策は適用宣言書にありません。',
    dependency_self: '資産は自分自身に依存できません。',
    dependency_duplicate: 'この依存関係が重複しています。',
    bulk_nothing_to_change: '設定する責任者または分類を選んでください。',
    import_unreadable: 'ファイルを CSV または XLSX として読み込めません: {reason}',
    import_invalid:
      'ファイルに問題があるため、何も取り込みませんでした。レポートを確認してください。',
    import_empty: 'ファイルに見出し行がありません。',
    job_failed: 'ジョブが予期せず失敗しました。エラーは記録されています。',
    job_interrupted:
      'ジョブが完了せずに停止しました（実行していたサーバーが停止しました）。再実行してください。',
    jobs_busy:
      '組織で実行中の取込み・出力・生成が上限（{limit} 件）に達し、待機中のものもあります。{seconds} 秒後に再試行してください。',
    server_busy: 'サーバーが混み合っています。{seconds} 秒後に再試行してください。',
    import_no_known_columns:
      '見出し行にテンプレートの列が一つもありません。テンプレートの列名を使ってください。',
    import_limit_uncompressed:
      'XLSX ファイルの展開後の大きさが {limit} バイトを超えています（MAMORU_IMPORT_MAX_UNCOMPRESSED_BYTES）。',
    import_limit_rows: 'ファイルの行数が {limit} 行を超えています（MAMORU_IMPORT_MAX_ROWS）。',
    import_limit_columns:
      '{row} 行目の列数が {limit} 列を超えています（MAMORU_IMPORT_MAX_COLUMNS）。',
    import_limit_cell:
      '{row} 行目に {limit} 文字を超えるセルがあります（MAMORU_IMPORT_MAX_CELL_CHARS）。',
    column_unknown: '不明な列です。テンプレートの列名を使ってください。',
    column_duplicate: 'この列が重複しています。',
    column_missing: 'この列がありません。',
    value_required: '値が必要です。',
    value_too_long: '{max} 文字を超えています。',
    value_invalid: '「{value}」は指定できる値ではありません。',
    number_invalid: '「{value}」は数値ではありません。',
    boolean_invalid: '「{value}」は「はい」「いいえ」のどちらでもありません。',
    entry_field_unknown: '「{value}」はこの記録種別の項目ではありません。',
    reference_unknown: '「{value}」というメールアドレスまたはコードは組織内にありません。',
    date_invalid: '「{value}」は日付（YYYY-MM-DD）ではありません。',
    tags_invalid: 'タグは {max} 個まで、各 {length} 文字までです。',
    code_duplicate_in_file: '同じコードが {row} 行目にもあります。',
    permission_unknown: '不明な権限です: {names}',
    permission_not_held: '自分が持たない権限は付与できません: {names}',
    tokens_user_only: 'API トークンはサインイン中のセッションからのみ管理できます。',
    saved_views_user_only: '保存したビューはユーザーごとのものです。サインインしてください。',
    view_name_taken: '同じ名前のビューが既にあります。',
    profile_user_only: '自分のプロフィールを変更できるのはサインイン中のユーザーだけです。',
    forbidden_not_owner: '変更できるのは自分が責任者である対象だけです。',
    invalid_cursor: 'ページのカーソルが正しくありません。',
    catalog_invalid:
      'カタログファイルが正しくありません（問題 {count} 件）。最初の問題は {path}: {message}',
    catalog_issue: 'この箇所に問題があります: {message}',
    catalog_id_shipped:
      'カタログ ID {libraryId} は Mamoru に同梱のカタログが使っています。別の ID（libraryId）を指定して取り込んでください。',
    catalog_id_taken:
      'カタログ ID {libraryId} のカタログは既に組織にあります。別の ID（libraryId）を指定して取り込んでください。',
    catalog_too_large: 'カタログのノードが {max} 個を超えています。',
    catalog_locale_unavailable:
      'このカタログには「{locale}」のテキストがありません。使える言語: {languages}',
    catalog_objective_unknown: 'カタログに管理目的 {id} はありません。',
    catalog_not_objective:
      '{id} は管理目的ではありません。独自の管理策は管理目的（または一般のグループ）の下に追加します。',
    catalog_node_id_taken: 'ID {id} のグループまたは管理策は既にカタログにあります。',
    catalog_overlay_library_mismatch:
      'このファイルはカタログ {libraryId} 用で、{expected} 用ではありません。',
    catalog_overlay_duplicate: 'ID {id} が複数回出現しています。',
    catalog_overlay_unknown_ids: 'カタログにない ID があります（{count} 件）: {ids}',
    catalog_overlay_unknown_id: 'カタログに ID {id} の {namespace} はありません。',
    // Internal audits: register, independence, lifecycle (aaudit).
    internal_auditor_exists: 'この利用者は既に内部監査員名簿に登録されています。',
    auditor_not_registered: '監査チームには、名簿に登録された有効な内部監査員だけを指名できます。',
    independence_conflict:
      '監査員が自らの仕事を監査することになるため、指名できません（例外は認められません）。',
    independence_unit_member: '{user} は被監査部門 {object} に所属しています（{audit}）。',
    independence_unit_head: '{user} は被監査部門 {object} またはその上位部門の長です（{audit}）。',
    independence_asset_owner: '{user} は {audit} の対象資産 {object} の管理責任者です。',
    independence_document_owner: '{user} は {audit} の対象文書 {object} の責任者です。',
    independence_document_author: '{user} は {audit} の対象文書 {object} を作成しました。',
    independence_document_approver: '{user} は {audit} の対象文書 {object} を承認しました。',
    audit_code_taken: '同時に別の監査がこの番号を取得しました。もう一度お試しください。',
    audit_closed: 'この監査は完了しているため変更できません。',
    audit_end_before_start: '終了日が開始日より前です。',
    audit_status_transition:
      '監査の状態は、計画済み→実施中→報告済み→フォローアップ→完了の順に一段ずつ進みます。',
    audit_lead_required: '監査を開始する前に監査リーダーを指名してください。',
    audit_report_not_approved: '監査報告書が承認されるまで「報告済み」にはできません。',
    audit_findings_unresolved:
      '検証も移管もされていない指摘事項が {count} 件あるため、監査を完了できません。',
    forbidden_not_on_team: 'この操作は監査チームまたは ISMS 管理責任者だけが行えます。',
    audit_programme_exists:
      '{fiscalYear} 年度の監査プログラムはすでにあります。最新の版を編集してください。',
    audit_programme_version_frozen:
      '監査プログラム第 {number} 版は承認済みまたは置換済みのため変更できません。最新の版を編集すると次の版が作成されます。',
    audit_programme_approval_pending:
      'この監査プログラムの版は承認待ちです。編集するには承認依頼を取り下げてください。',
    period_end_before_start: '期間の終了日が開始日より前になっています。',
    // Internal audit checklists and findings (acheck).
    audit_not_on_team: 'この操作は監査チームのメンバーだけが行えます。',
    audit_checklist_closed: 'チェックリストは、監査が計画中または実施中の間だけ変更できます。',
    audit_not_in_progress: '結果は監査の実施中だけ記録できます。',
    audit_line_has_finding:
      'この行からは指摘事項が出ているため、チェックリストから外せません。先に結果を変更してください。',
    audit_checklist_order_incomplete:
      '新しい順序には、チェックリストのすべての行を一度ずつ含めてください。',
    audit_finding_progressed:
      '指摘事項はすでに修正・確認済みか引き継ぎ済みのため、結果を変更できません。',
    audit_finding_description_required:
      '不適合・観察事項・改善の機会には、内容（またはメモ）の記入が必要です。',
    audit_finding_unit_not_auditee: '指摘事項の部門は、この監査の被監査部門から選んでください。',
    audit_findings_closed: '指摘事項のフォローアップは、監査が終了するまでの間だけ行えます。',
    audit_not_auditee: '修正を記録できるのは、被監査部門の人だけです。',
    audit_finding_not_corrected: '確認できるのは、修正済みの指摘事項だけです。',
    audit_finding_verifier_is_corrector:
      '修正した本人はその修正を確認できません。チームの別の監査員が確認してください。',
    audit_checklist_import_unreadable: 'ファイルを XLSX ブックとして読み込めません。',
    audit_checklist_import_header:
      '最初のシートが Mamoru から出力したチェックリストではありません（列が想定と異なります）。',
    audit_checklist_line_unknown: '行IDがこの監査のチェックリストの行ではありません。',
    audit_checklist_line_twice: '同じ行がファイル内に複数回あります。',
    audit_checklist_result_unknown: '結果が選択肢のどれにも当たりません。',
    // 監査報告書（6.4）。
    audit_report_frozen: '監査報告書は承認済みのため変更できません。',
    audit_report_audit_closed: '監査は報告済みのため、監査報告書は変更できません。',
    audit_report_team_only: '監査報告書を作成できるのは監査チームだけです。',
    audit_report_lead_only: '監査報告書を承認できるのは監査リーダーだけです。',
    audit_report_not_in_progress: '監査報告書は監査の実施中に承認します。',
    audit_report_unanswered:
      '承認の前にチェックリストのすべての項目に結果が必要です（未記入 {count} 件）。',
    audit_report_head_only: '監査報告書を確認できるのは被監査部門の責任者だけです。',
    audit_report_draft: '監査報告書は下書きのため、まだ承認されていません。',
    audit_report_acknowledged: '監査報告書は既に確認済みです。',
    // Improvement register and preventive proposals (ireg).
    decision_reason_required: '決定には理由が必要です。',
    improvement_already_decided: 'この改善は既に決定済みです。',
    improvement_not_accepted: '実施を記録できるのは採用された改善だけです。',
    improvement_implemented: 'この改善は実施済みのため変更できません。',
    proposal_already_decided: 'この予防処置の提案は既に決定済みです。',
  },
};

export function translate(
  locale: Locale,
  code: string,
  params: Record<string, string | number> = {},
): string {
  const template = messages[locale][code] ?? messages.en[code] ?? code;
  // A missing param leaves a gap, never a literal "{reason}" in front of the user.
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** The caller's language: the signed-in user's choice, else Accept-Language, else English. */
export function negotiateLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().toLowerCase().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  // Match the primary subtag exactly: 'jam' (Jamaican Creole) is not Japanese.
  const primaryIs = (tag: string, lang: string) => tag === lang || tag.startsWith(`${lang}-`);
  for (const { tag } of ranked) {
    if (primaryIs(tag, 'ja')) return 'ja';
    if (primaryIs(tag, 'en')) return 'en';
  }
  return 'en';
}
