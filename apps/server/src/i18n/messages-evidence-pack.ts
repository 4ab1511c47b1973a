/**
 * Problem texts of the evidence pack (spread into messages.ts); both locales
 * hold the same keys (a test checks).
 */
export const evidencePackMessages = {
  en: {
    evidence_pack_as_of_future:
      'Choose today or an earlier day: a pack states what stood on a day.',
    evidence_pack_not_ready: 'The pack is not ready yet (or its generation failed).',
    evidence_pack_pruned:
      'This pack is no longer kept: only the newest 10 packs are. Generate a new one.',
    evidence_pack_files_fixed: "A pack's ZIP is made by Mamoru and cannot be changed by hand.",
  },
  ja: {
    evidence_pack_as_of_future:
      '基準日には今日以前の日付を指定してください（その日の時点の内容をまとめるため）。',
    evidence_pack_not_ready: 'エビデンス一式はまだ作成中です（または作成に失敗しました）。',
    evidence_pack_pruned:
      'このエビデンス一式は保管されていません（保管するのは最新の 10 件です）。新しく作成してください。',
    evidence_pack_files_fixed:
      'エビデンス一式の ZIP は Mamoru が作成するもので、手で変更できません。',
  },
};
