import type { AssetCategory, AssetStatus, Locale } from '@mamoru/contracts';

/**
 * The columns of the asset register as files carry it (import, export,
 * template), with their names in both languages. A file may name a column in
 * either language or by an alias; names are compared after NFKC folding,
 * lower-casing and dropping spaces, '_', '-' and '・'.
 */
export type AssetColumnKey =
  | 'code'
  | 'name'
  | 'category'
  | 'description'
  | 'owner'
  | 'custodian'
  | 'orgUnit'
  | 'location'
  | 'classification'
  | 'confidentiality'
  | 'integrity'
  | 'availability'
  | 'value'
  | 'businessProcess'
  | 'status'
  | 'nextReviewDate'
  | 'tags';

export interface AssetColumn {
  key: AssetColumnKey;
  header: Record<Locale, string>;
  aliases: readonly string[];
  /** An import needs the column (a row may still leave optional cells empty). */
  required: boolean;
  /** Written by exports only; an import ignores it (the value is derived). */
  exportOnly: boolean;
  /** What a cell holds, for the template's notes. */
  hint: Record<Locale, string>;
}

const col = (
  key: AssetColumnKey,
  en: string,
  ja: string,
  aliases: string[],
  hint: Record<Locale, string>,
  { required = false, exportOnly = false } = {},
): AssetColumn => ({ key, header: { en, ja }, aliases, required, exportOnly, hint });

export const ASSET_COLUMNS: readonly AssetColumn[] = [
  col(
    'code',
    'Code',
    '資産コード',
    ['assetcode', 'コード', '資産番号', '管理番号'],
    {
      en: 'Your own identifier, unique in the organization; a re-import updates the asset with this code.',
      ja: '組織内で一意の識別子。同じコードの行を再度取り込むと、その資産を更新します。',
    },
    { required: true },
  ),
  col(
    'name',
    'Name',
    '資産名',
    ['assetname', '名称', '資産名称'],
    { en: 'Required.', ja: '必須。' },
    { required: true },
  ),
  col(
    'category',
    'Category',
    '種別',
    ['資産種別', '種類', 'type'],
    {
      en: 'information, software, physical, service, people or intangible',
      ja: '情報、ソフトウェア、物理的資産、サービス、人的資産、無形資産のいずれか',
    },
    { required: true },
  ),
  col('description', 'Description', '説明', ['概要', '備考'], {
    en: 'Free text.',
    ja: '自由記述。',
  }),
  col(
    'owner',
    'Owner',
    '責任者',
    ['所有者', '資産責任者', '情報資産の責任者', 'ownerEmail'],
    {
      en: 'The accountable person (their email address) or organization unit (its code).',
      ja: '説明責任を負う人（メールアドレス）または部門（部門コード）。',
    },
    { required: true },
  ),
  col('custodian', 'Custodian', '管理者', ['管理担当者', '管理担当'], {
    en: 'Optional: a person (email address) or an organization unit (code).',
    ja: '任意。人（メールアドレス）または部門（部門コード）。',
  }),
  col('orgUnit', 'Organization unit', '部門', ['orgunit', 'unit', 'department', '部署', '組織'], {
    en: 'The code of an organization unit.',
    ja: '部門コード。',
  }),
  col('location', 'Location', '所在地', ['保管場所', '設置場所', '場所', 'site'], {
    en: 'The code of a location.',
    ja: '所在地コード。',
  }),
  col('classification', 'Classification', '分類', ['機密区分', '格付け', '情報分類'], {
    en: 'A level of your classification scheme, by code or name.',
    ja: '情報分類のレベル（コードまたは名称）。',
  }),
  col('confidentiality', 'Confidentiality', '機密性', ['c'], {
    en: 'A whole number on the C/I/A scale; C, I and A columns come together.',
    ja: '機密性・完全性・可用性の尺度上の整数。3 列はそろえて指定します。',
  }),
  col('integrity', 'Integrity', '完全性', ['i'], {
    en: 'As confidentiality.',
    ja: '機密性と同じ。',
  }),
  col('availability', 'Availability', '可用性', ['a'], {
    en: 'As confidentiality.',
    ja: '機密性と同じ。',
  }),
  col(
    'value',
    'Asset value',
    '資産価値',
    ['value', '重要度'],
    {
      en: 'Derived from C/I/A; ignored on import.',
      ja: '機密性・完全性・可用性から算出。取り込み時は無視します。',
    },
    { exportOnly: true },
  ),
  col('businessProcess', 'Business process', '業務プロセス', ['process', '業務'], {
    en: 'The business process the asset serves.',
    ja: '資産が関わる業務プロセス。',
  }),
  col('status', 'Status', '状態', ['ステータス'], {
    en: 'in_use (default) or retired',
    ja: '使用中（既定）または廃止',
  }),
  col(
    'nextReviewDate',
    'Next review date',
    '次回見直し日',
    ['reviewdate', 'nextreview', '見直し日'],
    {
      en: 'YYYY-MM-DD',
      ja: 'YYYY-MM-DD',
    },
  ),
  col('tags', 'Tags', 'タグ', [], {
    en: 'Separated by ";".',
    ja: '「;」区切り。',
  }),
];

export const normalizeHeader = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-・]/g, '');

const byName = new Map<string, AssetColumn>();
for (const c of ASSET_COLUMNS) {
  for (const n of [c.key, c.header.en, c.header.ja, ...c.aliases])
    byName.set(normalizeHeader(n), c);
}

/** The column a header cell names, if any. */
export function columnByHeader(name: string): AssetColumn | undefined {
  return byName.get(normalizeHeader(name));
}

export const CATEGORY_LABELS: Record<AssetCategory, Record<Locale, string>> = {
  information: { en: 'Information', ja: '情報' },
  software: { en: 'Software', ja: 'ソフトウェア' },
  physical: { en: 'Physical', ja: '物理的資産' },
  service: { en: 'Service', ja: 'サービス' },
  people: { en: 'People', ja: '人的資産' },
  intangible: { en: 'Intangible', ja: '無形資産' },
};

export const STATUS_LABELS: Record<AssetStatus, Record<Locale, string>> = {
  in_use: { en: 'In use', ja: '使用中' },
  retired: { en: 'Retired', ja: '廃止' },
};

/** Enumerated cells accept the code or the label in either language. */
function labelIndex<T extends string>(
  labels: Record<T, Record<Locale, string>>,
  extra: Record<string, T>,
) {
  const index = new Map<string, T>();
  for (const [code, l] of Object.entries(labels) as [T, Record<Locale, string>][]) {
    for (const n of [code, l.en, l.ja]) index.set(normalizeHeader(n), code);
  }
  for (const [n, code] of Object.entries(extra)) index.set(normalizeHeader(n), code);
  return index;
}

export const categoryByLabel = labelIndex(CATEGORY_LABELS, {
  物理: 'physical',
  人: 'people',
  人材: 'people',
  無形: 'intangible',
  データ: 'information',
  ハードウェア: 'physical',
  hardware: 'physical',
});
export const statusByLabel = labelIndex(STATUS_LABELS, {
  利用中: 'in_use',
  active: 'in_use',
  使用終了: 'retired',
  廃棄: 'retired',
});
