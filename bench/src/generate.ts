import { createRng, type Rng } from './prng.ts';

/**
 * The large organization as plain rows, from a seed: pure functions, so a
 * test can check that the same seed gives the same organization. Writing it
 * into the database (through the product's services) is seed.ts's job.
 */

export interface UnitRow {
  code: string;
  name: string;
  /** Code of the parent unit; null for a division. */
  parent: string | null;
}
export interface LocationRow {
  code: string;
  name: string;
  kind: 'site' | 'building' | 'room' | 'data_centre';
  parent: string | null;
}

const DIVISIONS = [
  '経営企画',
  '営業',
  '製造',
  '研究開発',
  '情報システム',
  '人事',
  '経理財務',
  '法務',
  '品質保証',
  '物流',
];
const SECTIONS = ['第一課', '第二課', '第三課', '管理課', '企画課', '業務課', '技術課', '推進課'];
const CITIES = ['東京', '大阪', '名古屋', '福岡', '札幌', '仙台', '広島', '横浜', '神戸', '京都'];

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Ten divisions, each with departments below, `count` units in all. */
export function generateUnits(count: number): UnitRow[] {
  const units: UnitRow[] = [];
  const divisions = Math.min(DIVISIONS.length, count);
  for (let d = 0; d < divisions; d += 1) {
    units.push({ code: `U${pad(d + 1, 4)}`, name: `${DIVISIONS[d]}本部`, parent: null });
  }
  for (let i = divisions; i < count; i += 1) {
    const d = i % divisions;
    const n = Math.floor(i / divisions);
    units.push({
      code: `U${pad(i + 1, 4)}`,
      name: `${DIVISIONS[d]}部 ${SECTIONS[n % SECTIONS.length]} ${n}`,
      parent: `U${pad(d + 1, 4)}`,
    });
  }
  return units;
}

/** One site per city, the rest buildings, rooms and data centres below the sites. */
export function generateLocations(count: number): LocationRow[] {
  const rows: LocationRow[] = [];
  const sites = Math.min(CITIES.length, count);
  for (let s = 0; s < sites; s += 1) {
    rows.push({
      code: `L${pad(s + 1, 3)}`,
      name: `${CITIES[s]}事業所`,
      kind: 'site',
      parent: null,
    });
  }
  const kinds = ['building', 'room', 'data_centre'] as const;
  for (let i = sites; i < count; i += 1) {
    const kind = kinds[i % kinds.length]!;
    const label = kind === 'building' ? '棟' : kind === 'room' ? '室' : 'データセンター';
    rows.push({
      code: `L${pad(i + 1, 3)}`,
      name: `${CITIES[i % sites]} ${label} ${Math.floor(i / sites)}`,
      kind,
      parent: `L${pad((i % sites) + 1, 3)}`,
    });
  }
  return rows;
}

/** The import file's columns, by their Japanese headers as a Japanese user's file has them. */
export const ASSET_CSV_HEADER = [
  '資産コード',
  '資産名',
  '種別',
  '説明',
  '責任者',
  '管理者',
  '部門',
  '所在地',
  '分類',
  '機密性',
  '完全性',
  '可用性',
  '業務プロセス',
  '状態',
  '次回見直し日',
  'タグ',
];

const KINDS: readonly [string, string[]][] = [
  ['情報', ['顧客台帳', '設計図面', '契約書', '人事記録', '会計帳票', '議事録', '見積書']],
  ['ソフトウェア', ['販売管理システム', '会計システム', '生産管理システム', 'グループウェア']],
  ['物理的資産', ['ノートPC', 'サーバ', 'ファイアウォール', '複合機', 'スマートフォン']],
  ['サービス', ['クラウドストレージ', 'メールサービス', 'ウェブ会議', '回線サービス']],
  ['人的資産', ['システム管理者', '経理担当者', '開発者']],
  ['無形資産', ['ブランド', 'ノウハウ', '特許']],
];
const LEVELS = ['public', 'internal', 'confidential', 'strictly_confidential'];
const PROCESSES = ['受注', '出荷', '請求', '採用', '製品開発', '問い合わせ対応', '月次決算'];
const TAGS = ['重要', '個人情報', '外部委託', 'クラウド', '監査対象'];

/** One CSV row's cells (unquoted text), in ASSET_CSV_HEADER order. */
export function assetCells(
  rng: Rng,
  index: number,
  units: readonly UnitRow[],
  locations: readonly LocationRow[],
): string[] {
  const [category, names] = rng.pick(KINDS);
  const unit = rng.pick(units).code;
  const c = rng.int(1, 3);
  const i = rng.int(1, 3);
  const a = rng.int(1, 3);
  const month = rng.int(1, 12);
  const tags = TAGS.filter(() => rng.chance(0.15));
  return [
    `A${pad(index + 1, 7)}`,
    `${rng.pick(names)} ${index + 1}`,
    category,
    rng.chance(0.3) ? `${unit} が管理する${category}` : '',
    unit,
    rng.chance(0.5) ? rng.pick(units).code : '',
    unit,
    rng.pick(locations).code,
    rng.pick(LEVELS),
    String(c),
    String(i),
    String(a),
    rng.pick(PROCESSES),
    // All in use: per-threat generation then gives exactly 10 risks per asset (risks.ts).
    '使用中',
    `2027-${pad(month, 2)}-${pad(rng.int(1, 28), 2)}`,
    tags.join(';'),
  ];
}

/** RFC 4180 quoting where a cell needs it. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((v) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')}\n`;
}

/** The asset file's lines, header first, generated lazily so 100,000 rows never sit in memory. */
export function* assetCsvLines(
  seed: number,
  count: number,
  units: readonly UnitRow[],
  locations: readonly LocationRow[],
): Generator<string> {
  const rng = createRng(seed);
  yield csvLine(ASSET_CSV_HEADER);
  for (let index = 0; index < count; index += 1) {
    yield csvLine(assetCells(rng, index, units, locations));
  }
}
