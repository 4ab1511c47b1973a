import { registerApprovalSummarizer } from '../approvals/summaries.ts';
import { fact } from '../approvals/summary-rules.ts';
import { getDisposal } from './disposal.ts';
import { RECORD_ENTITY, getRecord } from './service.ts';

// A disposal request: the record, its type, when its retention ended, and why it goes now.
registerApprovalSummarizer(RECORD_ENTITY, async (db, ctx, approval) => {
  const record = await getRecord(db, ctx, approval.entityId);
  const disposal = await getDisposal(db, ctx, record.id).catch(() => null);
  return {
    link: `/records/${record.id}`,
    facts: [
      fact({ ja: '記録', en: 'Record' }, record.title),
      fact(
        { ja: '記録の種類', en: 'Record type' },
        { ja: record.typeNameJa, en: record.typeNameEn },
      ),
      fact({ ja: '記録日', en: 'Record date' }, record.recordDate),
      fact({ ja: '保管期限', en: 'Retention end' }, record.retentionEnd),
      fact(
        { ja: '廃棄の理由', en: 'Reason for disposal' },
        disposal?.reason ?? record.disposalReason ?? '',
      ),
    ],
    changes: null,
  };
});
