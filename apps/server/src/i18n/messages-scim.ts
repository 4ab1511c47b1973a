/**
 * Texts of SCIM provisioning errors (spread into messages.ts); they reach the
 * IdP as the SCIM error's `detail`. Both locales hold the same keys (a test checks).
 */
export const scimMessages = {
  en: {
    scim_token_invalid: 'The SCIM bearer token is missing, wrong or no longer valid.',
    scim_filter_invalid:
      'This filter is not supported: use attribute eq "value", optionally joined by and.',
    scim_path_invalid: 'The PATCH operation has no usable path.',
    scim_value_invalid: 'The value given for {attribute} is not valid.',
    scim_body_invalid: 'The request body is not a valid SCIM resource ({field}).',
    scim_user_exists: 'A user with this email address already exists.',
    scim_external_id_taken: 'Another user of this identity provider already has this externalId.',
    scim_group_exists: 'This identity provider already has a group with this name.',
    scim_member_unknown: 'These members are not users of the organization: {ids}.',
  },
  ja: {
    scim_token_invalid: 'SCIM のベアラートークンがないか、誤っているか、既に無効です。',
    scim_filter_invalid:
      'このフィルターには対応していません。属性 eq "値" を and でつないだ形で指定してください。',
    scim_path_invalid: 'PATCH 操作に使えるパスがありません。',
    scim_value_invalid: '{attribute} の値が正しくありません。',
    scim_body_invalid: '要求の本文が正しい SCIM リソースではありません（{field}）。',
    scim_user_exists: 'このメールアドレスの利用者は既に存在します。',
    scim_external_id_taken: 'この IdP の別の利用者が既にこの externalId を持っています。',
    scim_group_exists: 'この IdP には同じ名前のグループが既にあります。',
    scim_member_unknown: '次のメンバーは組織の利用者ではありません: {ids}',
  },
};
