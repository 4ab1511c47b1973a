/**
 * Problem texts of single sign-on (spread into messages.ts); both locales hold
 * the same keys (a test checks). The sso_* sign-in codes also reach the log-in
 * page as `?sso_error=`, where the web words them itself.
 */
export const ssoMessages = {
  en: {
    sso_failed:
      'Single sign-on failed: the identity provider refused or its answer could not be verified.',
    sso_state_invalid:
      'This sign-in link has expired or was already used. Start the single sign-on again.',
    sso_provider_disabled: 'This identity provider is disabled.',
    sso_email_missing: 'The identity provider did not send a verified email address.',
    sso_user_unknown:
      'There is no user for this account, and the organization does not create users at sign-in.',
    sso_user_inactive: 'This user is deactivated or their access has expired.',
    sso_user_conflict: 'This email address belongs to a user of another organization.',
    sso_role_not_mappable:
      'The external auditor role cannot be given by an identity provider; grant it by hand with an expiry.',
    sso_domain_taken: 'The email domain {domain} is claimed by another organization.',
    sso_kind_unchangeable:
      'The kind of an identity provider (OIDC or SAML) cannot change; add a new provider instead.',
  },
  ja: {
    sso_failed: 'シングルサインオンに失敗しました。IdP が拒否したか、応答を検証できませんでした。',
    sso_state_invalid:
      'このサインインのリンクは期限切れか使用済みです。シングルサインオンをやり直してください。',
    sso_provider_disabled: 'この IdP は無効になっています。',
    sso_email_missing: 'IdP から確認済みのメールアドレスが送られませんでした。',
    sso_user_unknown:
      'このアカウントに対応する利用者がいません。この組織はサインイン時に利用者を作成しない設定です。',
    sso_user_inactive: 'この利用者は無効化されているか、アクセス期限が切れています。',
    sso_user_conflict: 'このメールアドレスは別の組織の利用者のものです。',
    sso_role_not_mappable:
      '外部監査人の役割は IdP から付与できません。期限を付けて手動で付与してください。',
    sso_domain_taken: 'メールドメイン {domain} は別の組織が使用しています。',
    sso_kind_unchangeable:
      'IdP の種類（OIDC または SAML）は変更できません。新しい IdP を追加してください。',
  },
};
