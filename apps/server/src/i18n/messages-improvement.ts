/** Problem texts of the nonconformity workflow (spread into messages.ts). */
export const improvementMessages = {
  en: {
    nc_closed: 'The nonconformity is closed and can no longer change.',
    nc_step_out_of_order:
      'This step cannot be taken yet: the workflow goes containment, cause analysis, evaluation, actions, implementation, effectiveness review, then closing.',
    nc_action_not_needed:
      'The evaluation found that no action is needed; close the nonconformity or evaluate it again.',
    nc_no_action_to_implement: 'No planned action of this cycle is left to implement.',
    nc_no_action_to_review: 'No implemented action of this cycle is waiting for a review.',
    nc_close_needs_effective_actions:
      'The nonconformity can be closed only when every action of its cycle was reviewed and found effective.',
    nc_action_not_planned: 'Only a planned action of the current cycle can be implemented.',
    nc_action_reviewed:
      'The action’s effectiveness was reviewed; its evidence files can no longer change.',
    nc_action_not_implemented:
      'Only an implemented action of the current cycle can be reviewed for effectiveness.',
    nc_reviewer_is_owner:
      'The owner of an action cannot review its effectiveness; another person must.',
    nc_review_not_due: 'The effectiveness review is due from {reviewDue}.',
    nc_finding_not_nonconformity:
      'Only a major or minor nonconformity finding becomes a nonconformity; observations and opportunities for improvement go to the improvement register.',
    nc_finding_taken_over: 'This finding has been taken over as a nonconformity already.',
  },
  ja: {
    nc_closed: 'この不適合は完了しており、変更できません。',
    nc_step_out_of_order:
      'この手順はまだ実施できません。応急処置、原因分析、処置の要否の評価、処置、実施、有効性レビュー、完了の順に進めます。',
    nc_action_not_needed:
      '評価で処置は不要と判断されています。不適合を完了するか、評価をやり直してください。',
    nc_no_action_to_implement: 'このサイクルに実施待ちの計画済み処置はありません。',
    nc_no_action_to_review: 'このサイクルに有効性レビュー待ちの実施済み処置はありません。',
    nc_close_needs_effective_actions:
      'このサイクルのすべての処置が有効性レビューで有効と判断されるまで、不適合は完了できません。',
    nc_action_not_planned: '実施を記録できるのは、現在のサイクルの計画済み処置だけです。',
    nc_action_reviewed: 'この処置は有効性レビュー済みのため、証拠ファイルを変更できません。',
    nc_action_not_implemented: '有効性をレビューできるのは、現在のサイクルの実施済み処置だけです。',
    nc_reviewer_is_owner:
      '処置の責任者は自分の処置の有効性をレビューできません。別の人がレビューします。',
    nc_review_not_due: '有効性レビューは {reviewDue} から実施できます。',
    nc_finding_not_nonconformity:
      '不適合として取り込めるのは重大または軽微な不適合の所見だけです。観察事項と改善の機会は改善登録簿に登録します。',
    nc_finding_taken_over: 'この所見は既に不適合として取り込まれています。',
  },
};
