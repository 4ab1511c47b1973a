import { format, subDays, subMonths } from 'date-fns';
import type { Db } from '@mamoru/db';
import { currentSoaVersion } from '@mamoru/db/repositories/controls-register';
import type { CheckFrequency, CheckResult, ControlOperationStatus } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { createCheck, recordResult } from '../controls/checks.ts';
import { putOperation } from '../controls/operations.ts';
import { raiseNonconformity } from '../controls/raise.ts';
import { listControls } from '../controls/register.ts';
import { bulkUpdate } from '../soa/entries.ts';
import { listSoas } from '../soa/service.ts';

/**
 * The sample company's control operation (4.2.2.c, 4.2.3.b): a dozen
 * applicable controls operated and checked over the last year; the access
 * review once found leavers' accounts and raised a nonconformity; the
 * continuity drill is overdue; the asset inventory is evidenced by a reason.
 */

interface People {
  manager: RequestContext;
  itHead: RequestContext;
}

interface DemoControl {
  id: string;
  owner: keyof People;
  status?: ControlOperationStatus;
  reason?: string;
  check: { title: string; method: string; frequency: CheckFrequency };
  /** Results, oldest first: months ago and the result. */
  results: [monthsAgo: number, result: CheckResult, notes?: string][];
}

const q = (title: string, method: string): DemoControl['check'] => ({
  title,
  method,
  frequency: 'quarterly',
});
const y = (title: string, method: string): DemoControl['check'] => ({
  title,
  method,
  frequency: 'yearly',
});

export const DEMO_CONTROLS: readonly DemoControl[] = [
  {
    id: '3.1.1',
    owner: 'manager',
    check: y('基本方針の見直し', '基本方針が現状に合っているか委員会で確認'),
    results: [[10, 'effective']],
  },
  {
    id: '5.1.1',
    owner: 'manager',
    reason: '資産目録はMamoruの資産台帳そのもので、台帳が運用の証跡となるため',
    check: y('資産台帳の棚卸し', '台帳と実機・契約の突合'),
    results: [[8, 'effective']],
  },
  {
    id: '7.1.2',
    owner: 'manager',
    check: q('入退室記録の確認', '入退室記録と来訪予定の突合'),
    results: [
      [9, 'effective'],
      [6, 'effective'],
      [3, 'effective'],
      [0, 'effective'],
    ],
  },
  {
    id: '8.4.1',
    owner: 'itHead',
    check: {
      title: 'バックアップ復元テスト',
      method: '任意のファイルを復元して内容を確認',
      frequency: 'monthly',
    },
    results: [
      [2, 'effective'],
      [1, 'effective'],
      [0, 'effective'],
    ],
  },
  {
    id: '8.5.1',
    owner: 'itHead',
    check: q('ファイアウォール設定の確認', '許可ルールと申請台帳の突合'),
    results: [
      [4, 'effective'],
      [1, 'partly_effective', '不要な許可ルールが1件残っていたため削除'],
    ],
  },
  {
    id: '8.6.1',
    owner: 'itHead',
    status: 'partly',
    check: y('USB媒体の利用状況確認', '貸出台帳と端末ログの突合'),
    results: [[5, 'partly_effective', '台帳未記入の利用が2件']],
  },
  {
    id: '9.1.1',
    owner: 'itHead',
    check: y('アクセス制御方針の見直し', '方針とシステムの設定を比較'),
    results: [[7, 'effective']],
  },
  {
    id: '9.2.3',
    owner: 'itHead',
    check: q('パスワード設定の確認', '認証基盤のポリシー設定を確認'),
    results: [
      [5, 'effective'],
      [2, 'effective'],
    ],
  },
  {
    id: '9.2.4',
    owner: 'itHead',
    check: q('アクセス権の棚卸し', '人事の在籍者一覧と全システムのアカウントを突合'),
    results: [
      [7, 'effective'],
      [4, 'not_effective', '退職者2名のアカウントが残存していた'],
      [1, 'effective'],
    ],
  },
  {
    id: '9.5.3',
    owner: 'itHead',
    check: q('多要素認証の適用確認', '全利用者の多要素認証の登録状況を確認'),
    results: [
      [3, 'effective'],
      [0, 'effective'],
    ],
  },
  // The yearly continuity drill was last held 14 months ago: its check is overdue.
  {
    id: '11.1.1',
    owner: 'manager',
    check: y('事業継続訓練', '想定シナリオでの復旧手順の訓練'),
    results: [[14, 'effective']],
  },
  {
    id: '12.1.3',
    owner: 'manager',
    check: y('記録の保管状況確認', '保管期間と保管場所の確認'),
    results: [[6, 'effective']],
  },
];

const day = (d: Date) => format(d, 'yyyy-MM-dd');

/** Marks the demo's controls applicable in the SoA draft when the risk work did not. */
async function ensureApplicable(db: Db, ctx: RequestContext, ids: string[]) {
  const listed = await listControls(db, ctx, { limit: 200 });
  const missing = ids.filter((id) => !listed.items.some((c) => c.controlId === id));
  if (missing.length === 0) return;
  const soa = (await listSoas(db, ctx, { limit: 1 })).items[0];
  const current = await currentSoaVersion(db, ctx.actor.organizationId);
  if (!soa || !current || current.status !== 'draft') return;
  await bulkUpdate(db, ctx, soa.id, soa.current?.version ?? 0, {
    controlIds: missing,
    change: { applicable: true, reasons: [{ type: 'risk', note: 'リスク対応のため', link: null }] },
  });
}

/** Only on the first run: operations are one per control. Returns the controls operated. */
export async function createDemoControls(db: Db, people: People, run: number) {
  if (run !== 1) return 0;
  const { manager } = people;
  await ensureApplicable(
    db,
    manager,
    DEMO_CONTROLS.map((c) => c.id),
  );
  const applicable = new Set(
    (await listControls(db, manager, { limit: 200 })).items.map((c) => c.controlId),
  );
  const now = new Date();
  let operated = 0;
  for (const c of DEMO_CONTROLS) {
    if (!applicable.has(c.id)) continue;
    const owner = people[c.owner];
    await putOperation(db, manager, c.id, 0, {
      status: c.status ?? 'in_operation',
      ownerUserId: owner.actor.userId,
      notes: '',
      noProcedureReason: c.reason ?? '',
    });
    const first = c.results[0]?.[0] ?? 0;
    const check = await createCheck(db, manager, c.id, {
      ...c.check,
      nextDue: day(subDays(subMonths(now, first), 1)),
      checkerUserId: owner.actor.userId,
    });
    for (const [monthsAgo, result, notes] of c.results) {
      const done = await recordResult(db, owner, check.id, {
        performedOn: day(subDays(subMonths(now, monthsAgo), 3)),
        result,
        notes: notes ?? '',
      });
      if (result === 'not_effective') {
        await raiseNonconformity(db, owner, done.result.id, {
          description: notes ?? '',
          severity: 'minor',
          ownerUserId: owner.actor.userId,
        });
      }
    }
    operated += 1;
  }
  return operated;
}
