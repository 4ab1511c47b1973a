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

type Kind = 'text' | 'date' | 'number' | 'boolean' | 'select';
/** An entry field; all required unless `required` is false. */
const field = (
  key: string,
  ja: string,
  en: string,
  kind: Kind,
  extra: { required?: boolean; options?: string[] } = {},
) => ({
  key,
  label: { ja, en },
  kind,
  required: extra.required ?? true,
  options: extra.options ?? [],
});

export const DEMO_RECORD_TYPES: readonly DemoRecordType[] = [
  {
    code: 'VISITOR-LOG',
    name: { ja: '入退室記録', en: 'Visitor log' },
    controlIds: ['7.1.2'],
    retention: { value: 1, unit: 'years' },
    storageLocation: '東京本社 総務部 (Tokyo head office, General Affairs)',
    classification: 'internal',
    disposalMethod: 'シュレッダー処理',
    evidences: '4.3.3 入退室の記録',
    fields: [
      field('visitDate', '訪問日', 'Visit date', 'date'),
      field('visitor', '訪問者', 'Visitor', 'text'),
      field('host', '応対者', 'Host', 'text'),
      field('area', '立入区域', 'Area entered', 'text', { required: false }),
    ],
  },
  {
    code: 'ACCESS-REVIEW',
    name: { ja: 'アクセス権レビュー記録', en: 'Access rights review' },
    controlIds: ['9.1.1', '9.2.4'],
    retention: { value: 3, unit: 'years' },
    storageLocation: '文書管理システム',
    classification: 'confidential',
    disposalMethod: '電子データの消去',
    evidences: '4.3.3 アクセス権の承認と見直し',
    fields: [
      field('reviewedOn', 'レビュー日', 'Reviewed on', 'date'),
      field('system', '対象システム', 'System', 'text'),
      field('result', '結果', 'Result', 'select', {
        options: ['変更なし', '権限を修正'],
      }),
    ],
  },
  {
    code: 'TRAINING',
    name: { ja: '教育・訓練の実施記録', en: 'Training attendance' },
    retention: { value: 5, unit: 'years' },
    storageLocation: '人事部 (Human Resources)',
    classification: 'internal',
    disposalMethod: '電子データの消去',
    evidences: '5.2.2.d 教育・訓練の記録',
    fields: [
      field('heldOn', '実施日', 'Held on', 'date'),
      field('course', '講座名', 'Course', 'text'),
      field('attendees', '受講者数', 'Attendees', 'number'),
    ],
  },
  {
    code: 'BACKUP-CHECK',
    name: { ja: 'バックアップ確認記録', en: 'Backup check' },
    controlIds: ['8.4.1'],
    retention: { value: 6, unit: 'months' },
    storageLocation: '情報システム部 (Information Systems)',
    classification: 'internal',
    disposalMethod: '電子データの消去',
    evidences: '4.2.2.e 運用の管理',
    fields: [
      field('checkedOn', '確認日', 'Checked on', 'date'),
      field('restored', '復元テスト実施', 'Restore tested', 'boolean'),
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
