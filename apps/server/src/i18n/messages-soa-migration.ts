/**
 * Problem texts of the migration assistant (spread into messages.ts); both
 * locales hold the same keys (a test checks).
 */
export const soaMigrationMessages = {
  en: {
    soa_migration_no_source:
      'There is no approved Statement of Applicability (Ver.2.0) in force to migrate from; approve one first.',
    soa_migration_unavailable:
      'The catalog {library} or its mapping from Ver.2.0 is not installed, so nothing can be drafted.',
    soa_review_pending: '{control}: a reviewer must confirm this migrated entry.',
  },
  ja: {
    soa_migration_no_source:
      '移行元となる承認済みの適用宣言書（Ver.2.0）がありません。先に承認を受けてください。',
    soa_migration_unavailable:
      'カタログ {library} または Ver.2.0 からの対応表が導入されていないため、案を作成できません。',
    soa_review_pending: '{control}：移行した項目をレビュー担当者が確認してください。',
  },
};
