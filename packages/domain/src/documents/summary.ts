import * as repo from '@mamoru/db/repositories/documents';
import { previousApprovedRevision } from '@mamoru/db/repositories/approval-summaries';
import { registerApprovalSummarizer } from '../approvals/summaries.ts';
import { fact } from '../approvals/summary-rules.ts';
import { notFound } from '../errors.ts';
import { DOCUMENT_VERSION_ENTITY, visibleDocument, visibleVersion } from './common.ts';
import { diffBodies } from './rules.ts';

// The revision asked for, with its body diffed line by line against the revision approved before it.
registerApprovalSummarizer(DOCUMENT_VERSION_ENTITY, async (db, ctx, approval) => {
  const org = ctx.actor.organizationId;
  const found = await repo.getVersionById(db, org, approval.entityId, false);
  if (!found) throw notFound('document version');
  // Read as the documents area reads: the caller must see the document and this revision.
  const doc = await visibleDocument(db, ctx, found.documentId);
  const row = await visibleVersion(db, ctx, doc, found.id);
  const base = await previousApprovedRevision(db, org, doc.id, row.revision);
  const policy = row.policyFields;
  return {
    link: `/documents/${doc.id}`,
    facts: [
      fact({ ja: '文書', en: 'Document' }, `${doc.code} ${doc.title}`),
      fact({ ja: '改訂', en: 'Revision' }, row.revision),
      fact({ ja: '変更の概要', en: 'Summary of changes' }, row.changeSummary),
      ...(doc.ismsPolicy && policy
        ? [
            fact(
              { ja: '目的の枠組み', en: 'Framework for objectives' },
              policy.objectivesFramework,
            ),
            fact(
              { ja: '考慮した要求事項', en: 'Requirements considered' },
              policy.obligationsConsidered,
            ),
            fact(
              { ja: 'リスク基準との関係', en: 'Link to the risk criteria' },
              policy.riskCriteriaReference,
            ),
          ]
        : []),
    ],
    changes: {
      kind: 'text',
      baseline: base ? { number: base.revision } : null,
      ...diffBodies(base?.body ?? '', row.body),
    },
  };
});
