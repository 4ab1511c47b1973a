/**
 * Problem texts of attestations (spread into messages.ts); both locales hold
 * the same keys (a test checks).
 */
export const attestationsMessages = {
  en: {
    attestation_item_unknown: '"{value}" is not a requirement item of the criteria.',
    attestation_own_request:
      'You recorded this attestation yourself: someone else must approve or reject it.',
    attestation_not_pending: 'The attestation has been decided already.',
    attestation_not_approved: 'Only an approved attestation can be revoked.',
    attestation_evidence_frozen:
      'The attestation has been decided: its evidence files can no longer change.',
  },
  ja: {
    attestation_item_unknown: '「{value}」は認証基準の要求事項ではありません。',
    attestation_own_request:
      'この適合の証明はご自身が登録したものです。承認・却下は別の人が行います。',
    attestation_not_pending: 'この適合の証明は既に判断されています。',
    attestation_not_approved: '取り消せるのは承認済みの適合の証明だけです。',
    attestation_evidence_frozen: '判断済みの適合の証明の証拠ファイルは変更できません。',
  },
};
