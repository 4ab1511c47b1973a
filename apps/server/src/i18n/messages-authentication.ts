/**
 * Problem texts of sign-in: second factors, step-up and the sign-in policy
 * (spread into messages.ts); both locales hold the same keys (a test checks).
 */
export const authenticationMessages = {
  en: {
    mfa_required: 'Confirm your sign-in with your second factor first.',
    mfa_enrolment_required:
      'Your organization requires a second factor: set one up before you continue.',
    mfa_code_invalid: 'The code is wrong or was already used.',
    mfa_flow_invalid: 'The set-up has expired or is unknown; start again.',
    mfa_not_pending: 'This session does not need a second factor.',
    mfa_last_factor:
      'Your organization requires a second factor: add another one before removing this one.',
    mfa_no_factor: 'Set up a second factor first; recovery codes come with it.',
    step_up_required:
      'Confirm who you are again: this action needs a sign-in within the last {stepUpMinutes} minutes.',
    step_up_failed: 'The confirmation failed: the password or code is wrong.',
    step_up_factor_required: 'Confirm with your second factor, not your password.',
    step_up_unavailable:
      'This action needs a person signed in with a browser; an API token cannot perform it.',
  },
  ja: {
    mfa_required: 'まず第二の認証要素でサインインを確認してください。',
    mfa_enrolment_required: '組織の方針で第二の認証要素が必要です。続ける前に設定してください。',
    mfa_code_invalid: 'コードが正しくないか、既に使用されています。',
    mfa_flow_invalid: '設定の有効期限が切れたか、不明です。最初からやり直してください。',
    mfa_not_pending: 'このセッションには第二の認証要素は必要ありません。',
    mfa_last_factor:
      '組織の方針で第二の認証要素が必要です。これを削除する前に別の要素を追加してください。',
    mfa_no_factor: '先に第二の認証要素を設定してください。リカバリーコードはその際に発行されます。',
    step_up_required:
      '本人確認をやり直してください。この操作には直近 {stepUpMinutes} 分以内の認証が必要です。',
    step_up_failed: '本人確認に失敗しました。パスワードまたはコードが正しくありません。',
    step_up_factor_required: 'パスワードではなく、第二の認証要素で確認してください。',
    step_up_unavailable:
      'この操作はブラウザでサインインした本人のみが行えます。API トークンでは実行できません。',
  },
};
