import type { LocalizedText } from '@mamoru/contracts';
import { attendeesOf } from '@mamoru/db/repositories/reviews';
import { reviewCode } from '@mamoru/db/repositories/reviews-rows';
import * as repo from '@mamoru/db/repositories/reviews-minutes';
import { registerApprovalSummarizer } from '../approvals/summaries.ts';
import { fact } from '../approvals/summary-rules.ts';
import { readableReview, REVIEW_ENTITY } from './access.ts';

/** The outputs as the standard's items name them, in our own words. */
const OUTPUTS: Record<string, LocalizedText> = {
  effectiveness: { ja: '有効性の改善（6.3.a）', en: 'Improving effectiveness (6.3.a)' },
  procedure: { ja: '手順の変更（6.3.b）', en: 'Changing procedures (6.3.b)' },
  resources: { ja: '必要な資源（6.3.c）', en: 'Resource needs (6.3.c)' },
};

/** At most this many decisions are listed one by one; the count covers all. */
const LISTED = 10;

// The minutes asked to be approved: when the review met, who of top management
// attended, and each decision with its owner and due date, read as the area reads.
registerApprovalSummarizer(REVIEW_ENTITY, async (db, ctx, approval) => {
  const row = await readableReview(db, ctx, approval.entityId);
  const org = ctx.actor.organizationId;
  const attendees = await attendeesOf(db, org, [row.id]);
  const decisions = await repo.listDecisions(db, org, row.id, { limit: LISTED });
  const total = await repo.countDecisions(db, org, row.id);
  const present = attendees.filter((a) => a.attended === true).map((a) => a.userName ?? a.name);
  return {
    link: `/management-review/${row.id}?tab=minutes`,
    facts: [
      fact({ ja: 'レビュー', en: 'Review' }, `${reviewCode(row.number)} ${row.title}`),
      fact({ ja: '実施日', en: 'Held on' }, row.heldOn ?? ''),
      fact({ ja: '出席者', en: 'Attended' }, present),
      fact({ ja: '決定事項の数', en: 'Decisions' }, total),
      ...decisions.items.map((d) =>
        fact(
          { ja: `決定 ${d.number}`, en: `Decision ${d.number}` },
          {
            ja: `${OUTPUTS[d.output]?.ja ?? ''} ${d.title}（担当: ${d.ownerName ?? ''}、期限: ${d.dueDate}）`,
            en: `${OUTPUTS[d.output]?.en ?? ''} ${d.title} (owner: ${d.ownerName ?? ''}, due ${d.dueDate})`,
          },
        ),
      ),
    ],
    changes: null,
  };
});
