import type { Db } from '@mamoru/db';
import type { RecordTypeCreate } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { createRecordType } from '../records/types.ts';

/**
 * The sample company's record types (4.3.3): what an ISMS typically keeps,
 * with retention, storage, disposal and the entry fields each record holds.
 */
type DemoRecordType = Omit<RecordTypeCreate, 'classificationId'> & {
  classification: 'internal' | 'confidential';
};

const text = (key: string, ja: string, en: string, required = true) => ({
  key,
  label: { ja, en },
  kind: 'text' as const,
  required,
  options: [],
});
const date = (key: string, ja: string, en: string) => ({
  key,
  label: { ja, en },
  kind: 'date' as const,
  required: true,
  options: [],
});

export const DEMO_RECORD_TYPES: readonly DemoRecordType[] = [
  {
    code: 'VISITOR-LOG',
    name: { ja: '入退室記録', en: 'Visitor log' },
    retention: { value: 1, unit: 'years' },
    storageLocation: '東京本社 総務部 (Tokyo head office, General Affairs)',
    classification: 'internal',
    disposalMethod: 'シュレッダー処理 (shredding)',
    evidences: '4.3.3 入退室の記録 (visitor records)',
    fields: [
      date('visitDate', '訪問日', 'Visit date'),
      text('visitor', '訪問者', 'Visitor'),
      text('host', '応対者', 'Host'),
      text('area', '立入区域', 'Area entered', false),
    ],
  },
  {
    code: 'ACCESS-REVIEW',
    name: { ja: 'アクセス権レビュー記録', en: 'Access rights review' },
    retention: { value: 3, unit: 'years' },
    storageLocation: '文書管理システム (document management system)',
    classification: 'confidential',
    disposalMethod: '電子データの消去 (secure deletion)',
    evidences: '4.3.3 アクセス権の承認と見直し (access authorizations)',
    fields: [
      date('reviewedOn', 'レビュー日', 'Reviewed on'),
      text('system', '対象システム', 'System'),
      {
        key: 'result',
        label: { ja: '結果', en: 'Result' },
        kind: 'select',
        required: true,
        options: ['変更なし (no change)', '権限を修正 (rights corrected)'],
      },
    ],
  },
  {
    code: 'TRAINING',
    name: { ja: '教育・訓練の実施記録', en: 'Training attendance' },
    retention: { value: 5, unit: 'years' },
    storageLocation: '人事部 (Human Resources)',
    classification: 'internal',
    disposalMethod: '電子データの消去 (secure deletion)',
    evidences: '5.2.2.d 教育・訓練の記録 (training records)',
    fields: [
      date('heldOn', '実施日', 'Held on'),
      text('course', '講座名', 'Course'),
      {
        key: 'attendees',
        label: { ja: '受講者数', en: 'Attendees' },
        kind: 'number',
        required: true,
        options: [],
      },
    ],
  },
  {
    code: 'BACKUP-CHECK',
    name: { ja: 'バックアップ確認記録', en: 'Backup check' },
    retention: { value: 6, unit: 'months' },
    storageLocation: '情報システム部 (Information Systems)',
    classification: 'internal',
    disposalMethod: '電子データの消去 (secure deletion)',
    evidences: '4.2.2.e 運用の管理 (operations)',
    fields: [
      date('checkedOn', '確認日', 'Checked on'),
      {
        key: 'restored',
        label: { ja: '復元テスト実施', en: 'Restore tested' },
        kind: 'boolean',
        required: true,
        options: [],
      },
    ],
  },
];

/** Creates the record types; `code` makes codes unique when the demo runs again. */
export async function createRecordTypes(
  db: Db,
  ctx: RequestContext,
  levelId: ReadonlyMap<string, string>,
  code: (c: string) => string,
) {
  for (const { classification, ...t } of DEMO_RECORD_TYPES) {
    await createRecordType(db, ctx, {
      ...t,
      code: code(t.code),
      classificationId: levelId.get(classification) ?? null,
    });
  }
  return DEMO_RECORD_TYPES.length;
}
