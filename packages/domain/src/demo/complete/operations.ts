import type { Db } from '@mamoru/db';
import { createCheck, recordResult } from '../../controls/checks.ts';
import { putOperation } from '../../controls/operations.ts';
import { raiseNonconformity } from '../../controls/raise.ts';
import { getControl, listControls } from '../../controls/register.ts';
import { reviewObligation } from '../../legal/review.ts';
import { listObligations } from '../../legal/service.ts';
import { createRecordType } from '../../records/types.ts';
import type { DemoCast } from './cast.ts';

/**
 * Every applicable control in operation with an owner, a yearly check and a
 * current effective result (failures raised as nonconformities first), and a
 * record type that evidences their operation; the legal register reviewed.
 */
export async function completeOperations(db: Db, cast: DemoCast, today: string) {
  const owner = cast.itHead.actor.userId!;
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listControls(db, cast.manager, { limit: 100, cursor });
    for (const c of page.items) {
      ids.push(c.controlId);
      if (c.status !== 'in_operation' || !c.owner) {
        await putOperation(db, cast.manager, c.controlId, c.operationVersion, {
          status: 'in_operation',
          ownerUserId: owner,
          notes: '',
          noProcedureReason: '',
        });
      }
      if (c.activeChecks === 0) {
        await createCheck(db, cast.manager, c.controlId, {
          title: '運用状況の年次確認',
          method: '運用記録の抜き取りと担当者への質問',
          frequency: 'yearly',
          nextDue: today,
          checkerUserId: owner,
        });
      }
      if (c.activeChecks > 0 && c.lastResult?.result === 'effective' && !c.overdue) continue;
      const detail = await getControl(db, cast.manager, c.controlId);
      for (const r of detail.recentResults.filter(
        (x) => x.result !== 'effective' && !x.nonconformity,
      ))
        await raiseNonconformity(db, cast.manager, r.id, { description: '', severity: 'minor' });
      for (const check of detail.checks.filter((k) => k.active)) {
        await recordResult(db, cast.manager, check.id, {
          performedOn: today,
          result: 'effective',
          notes: '是正後に再確認し、有効に運用されていることを確かめた。',
        });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  // The operation log every control's owner keeps: the record that evidences the controls.
  await createRecordType(db, cast.manager, {
    code: 'REC-OPS',
    name: { ja: '管理策の運用記録', en: 'Control operation log' },
    retention: { value: 3, unit: 'years' },
    storageLocation: '文書管理システム',
    disposalMethod: '保存期間経過後に削除',
    evidences: 'control_operation',
    fields: [],
    controlIds: ids.slice(0, 200),
  });
  const overdue = await listObligations(db, cast.manager, { due: 'overdue', limit: 100 });
  for (const o of overdue.items) {
    await reviewObligation(db, cast.manager, o.id, o.version, {
      reviewedOn: today,
      outcome: 'unchanged',
      note: '改正の有無を確認した。変更なし。',
    });
  }
}
