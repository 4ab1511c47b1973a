/**
 * Problem texts of WebAuthn (passkeys, security keys), spread into
 * messages.ts; both locales hold the same keys (a test checks).
 */
export const webauthnMessages = {
  en: {
    webauthn_failed: 'The passkey or security key could not be verified. Try again.',
    webauthn_flow_invalid:
      'This passkey request has expired or was already used. Start again from the beginning.',
    webauthn_session_required: 'Passkeys are used from a signed-in browser, not with an API token.',
    webauthn_credential_exists: 'This passkey or security key is already registered.',
    webauthn_no_credentials: 'You have no passkey or security key registered.',
  },
  ja: {
    webauthn_failed:
      'パスキーまたはセキュリティキーを確認できませんでした。もう一度お試しください。',
    webauthn_flow_invalid:
      'このパスキーの要求は期限切れか、すでに使用されています。最初からやり直してください。',
    webauthn_session_required:
      'パスキーはサインイン中のブラウザーから使用します。API トークンでは使用できません。',
    webauthn_credential_exists: 'このパスキーまたはセキュリティキーはすでに登録されています。',
    webauthn_no_credentials: 'パスキーまたはセキュリティキーが登録されていません。',
  },
};
