import type { AssetCategory, LocationKind } from '@mamoru/contracts';

/**
 * The sample organization `mamoru demo` creates: a mid-sized Japanese
 * manufacturer. Names are in Japanese as the company would write them, each
 * with its English translation (kept in the description where the product
 * has one name field). Plain data, so a test can check it holds together.
 */

export interface DemoUnit {
  code: string;
  ja: string;
  en: string;
  parent: string | null;
}
export interface DemoLocation {
  code: string;
  ja: string;
  en: string;
  kind: LocationKind;
  parent: string | null;
}
export interface DemoAsset {
  code: string;
  ja: string;
  en: string;
  category: AssetCategory;
  unit: string;
  location: string;
  /** C, I, A on the default 1–3 scale. */
  cia: [number, number, number];
  classification: 'public' | 'internal' | 'confidential' | 'strictly_confidential';
}
export interface DemoPerson {
  key: string;
  ja: string;
  en: string;
  roles: ('top_management' | 'isms_manager' | 'owner' | 'staff')[];
  /** Code of the unit the person belongs to. */
  unit: string;
}
export interface DemoDocument {
  code: string;
  ja: string;
  en: string;
  type: 'policy' | 'procedure' | 'standard' | 'guideline';
  ismsPolicy: boolean;
  body: string;
  /** Requirement items the document answers (the conformity view looks for some). */
  requirementIds?: string[];
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  { code: 'HQ', ja: '本社', en: 'Head office', parent: null },
  { code: 'MGT', ja: '経営企画部', en: 'Corporate Planning', parent: 'HQ' },
  { code: 'GA', ja: '総務部', en: 'General Affairs', parent: 'HQ' },
  { code: 'HR', ja: '人事部', en: 'Human Resources', parent: 'HQ' },
  { code: 'FIN', ja: '経理部', en: 'Finance and Accounting', parent: 'HQ' },
  { code: 'IT', ja: '情報システム部', en: 'Information Systems', parent: 'HQ' },
  { code: 'SALES', ja: '営業部', en: 'Sales', parent: 'HQ' },
  { code: 'DEV', ja: '開発部', en: 'Research and Development', parent: 'HQ' },
  { code: 'MFG', ja: '製造部', en: 'Manufacturing', parent: 'HQ' },
  { code: 'QA', ja: '品質保証部', en: 'Quality Assurance', parent: 'HQ' },
];

export const DEMO_LOCATIONS: readonly DemoLocation[] = [
  { code: 'TKY', ja: '東京本社', en: 'Tokyo head office', kind: 'site', parent: null },
  { code: 'TKY-SR', ja: '東京本社 サーバ室', en: 'Tokyo server room', kind: 'room', parent: 'TKY' },
  { code: 'OSK', ja: '大阪工場', en: 'Osaka factory', kind: 'site', parent: null },
  {
    code: 'DC',
    ja: '外部データセンター',
    en: 'Hosted data centre',
    kind: 'data_centre',
    parent: null,
  },
];

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    key: 'yamada',
    ja: '山田 太郎',
    en: 'Taro Yamada (President)',
    roles: ['top_management'],
    unit: 'HQ',
  },
  {
    key: 'sato',
    ja: '佐藤 花子',
    en: 'Hanako Sato (ISMS manager)',
    roles: ['isms_manager'],
    unit: 'MGT',
  },
  {
    key: 'suzuki',
    ja: '鈴木 一郎',
    en: 'Ichiro Suzuki (IT manager)',
    roles: ['owner'],
    unit: 'IT',
  },
];

type Row = [string, string, AssetCategory, string, string, string, DemoAsset['classification']];
const info = 'information' as const;
const sw = 'software' as const;
const hw = 'physical' as const;
const svc = 'service' as const;

// [Japanese name, English name, category, unit, location, C/I/A digits, classification]
const ROWS: readonly Row[] = [
  ['顧客台帳', 'Customer register', info, 'SALES', 'TKY', '332', 'confidential'],
  ['見積書', 'Quotations', info, 'SALES', 'TKY', '221', 'internal'],
  ['受注データ', 'Order data', info, 'SALES', 'DC', '232', 'confidential'],
  ['取引先契約書', 'Supplier contracts', info, 'GA', 'TKY', '321', 'confidential'],
  ['従業員名簿', 'Employee roster', info, 'HR', 'TKY', '321', 'confidential'],
  ['給与データ', 'Payroll data', info, 'HR', 'DC', '332', 'strictly_confidential'],
  ['人事評価記録', 'Performance reviews', info, 'HR', 'TKY', '321', 'strictly_confidential'],
  ['会計帳簿', 'Accounting ledgers', info, 'FIN', 'DC', '332', 'confidential'],
  ['請求書控', 'Invoice copies', info, 'FIN', 'TKY', '231', 'internal'],
  ['製品設計図面', 'Product drawings', info, 'DEV', 'TKY-SR', '333', 'strictly_confidential'],
  ['試験成績書', 'Test reports', info, 'QA', 'OSK', '231', 'internal'],
  ['品質記録', 'Quality records', info, 'QA', 'OSK', '231', 'internal'],
  ['製造指示書', 'Work orders', info, 'MFG', 'OSK', '232', 'internal'],
  ['経営会議議事録', 'Board minutes', info, 'MGT', 'TKY', '321', 'confidential'],
  ['事業計画書', 'Business plan', info, 'MGT', 'TKY', '321', 'strictly_confidential'],
  ['ウェブサイト掲載情報', 'Website content', info, 'GA', 'DC', '122', 'public'],
  ['システム運用ログ', 'System logs', info, 'IT', 'DC', '232', 'internal'],
  ['バックアップデータ', 'Backups', info, 'IT', 'DC', '333', 'confidential'],
  ['特許出願書類', 'Patent filings', info, 'DEV', 'TKY', '321', 'strictly_confidential'],
  ['問い合わせ記録', 'Customer enquiries', info, 'SALES', 'DC', '222', 'confidential'],
  ['販売管理システム', 'Sales management system', sw, 'IT', 'DC', '333', 'confidential'],
  ['会計システム', 'Accounting system', sw, 'IT', 'DC', '333', 'confidential'],
  ['人事給与システム', 'HR and payroll system', sw, 'IT', 'DC', '332', 'confidential'],
  ['生産管理システム', 'Production control system', sw, 'IT', 'OSK', '233', 'internal'],
  ['CADソフトウェア', 'CAD software', sw, 'DEV', 'TKY', '222', 'internal'],
  ['グループウェア', 'Groupware', sw, 'IT', 'DC', '222', 'internal'],
  ['ウイルス対策ソフト', 'Anti-malware software', sw, 'IT', 'TKY', '132', 'internal'],
  ['社内ポータル', 'Intranet portal', sw, 'IT', 'DC', '122', 'internal'],
  ['品質管理データベース', 'Quality database', sw, 'QA', 'OSK', '232', 'internal'],
  ['資産管理台帳ツール', 'Asset register tool', sw, 'IT', 'DC', '122', 'internal'],
  ['ファイルサーバ', 'File server', hw, 'IT', 'TKY-SR', '333', 'confidential'],
  ['基幹サーバ', 'Core business server', hw, 'IT', 'DC', '333', 'confidential'],
  ['バックアップ装置', 'Backup appliance', hw, 'IT', 'DC', '233', 'confidential'],
  ['ファイアウォール', 'Firewall', hw, 'IT', 'TKY-SR', '233', 'internal'],
  ['無線LANアクセスポイント', 'Wireless access points', hw, 'IT', 'TKY', '222', 'internal'],
  ['業務用ノートPC', 'Business laptops', hw, 'IT', 'TKY', '322', 'confidential'],
  ['工場端末', 'Factory terminals', hw, 'MFG', 'OSK', '223', 'internal'],
  ['スマートフォン', 'Smartphones', hw, 'IT', 'TKY', '312', 'confidential'],
  ['複合機', 'Multifunction printers', hw, 'GA', 'TKY', '212', 'internal'],
  ['入退室管理装置', 'Entry control system', hw, 'GA', 'TKY', '233', 'internal'],
  ['USBメモリ（貸出用）', 'USB drives (loan)', hw, 'IT', 'TKY', '311', 'confidential'],
  ['生産設備制御装置', 'Production equipment controllers', hw, 'MFG', 'OSK', '133', 'internal'],
  ['監視カメラ', 'CCTV cameras', hw, 'GA', 'OSK', '222', 'internal'],
  ['紙文書保管庫', 'Paper archive', hw, 'GA', 'TKY', '321', 'confidential'],
  ['クラウドストレージ', 'Cloud storage', svc, 'IT', 'DC', '333', 'confidential'],
  ['電子メールサービス', 'E-mail service', svc, 'IT', 'DC', '323', 'confidential'],
  ['ウェブ会議サービス', 'Web conferencing', svc, 'IT', 'DC', '212', 'internal'],
  ['インターネット回線', 'Internet line', svc, 'IT', 'TKY-SR', '123', 'internal'],
  ['拠点間VPN', 'Site-to-site VPN', svc, 'IT', 'OSK', '223', 'internal'],
  ['ウェブサイトホスティング', 'Website hosting', svc, 'GA', 'DC', '122', 'public'],
  ['給与計算委託', 'Outsourced payroll', svc, 'HR', 'DC', '332', 'confidential'],
  ['データセンター設備', 'Data centre facilities', svc, 'IT', 'DC', '133', 'internal'],
  ['システム管理者', 'System administrators', 'people', 'IT', 'TKY', '333', 'internal'],
  ['経理担当者', 'Accounting staff', 'people', 'FIN', 'TKY', '321', 'internal'],
  ['設計技術者', 'Design engineers', 'people', 'DEV', 'TKY', '322', 'internal'],
  ['派遣社員', 'Temporary staff', 'people', 'MFG', 'OSK', '211', 'internal'],
  ['製造ノウハウ', 'Manufacturing know-how', 'intangible', 'MFG', 'OSK', '322', 'confidential'],
  ['企業ブランド', 'Corporate brand', 'intangible', 'MGT', 'TKY', '131', 'public'],
  [
    '営業秘密（顧客別価格）',
    'Trade secret: customer prices',
    info,
    'SALES',
    'TKY',
    '331',
    'strictly_confidential',
  ],
  ['監査報告書', 'Audit reports', info, 'MGT', 'TKY', '321', 'confidential'],
];

export const DEMO_ASSETS: readonly DemoAsset[] = ROWS.map(
  ([ja, en, category, unit, location, cia, classification], i) => ({
    code: `AS-${String(i + 1).padStart(3, '0')}`,
    ja,
    en,
    category,
    unit,
    location,
    cia: [...cia].map(Number) as [number, number, number],
    classification,
  }),
);

export const DEMO_DOCUMENTS: readonly DemoDocument[] = [
  {
    code: 'POL-001',
    ja: '情報セキュリティ基本方針',
    en: 'Information security policy',
    type: 'policy',
    ismsPolicy: true,
    body: '# 情報セキュリティ基本方針\n\n当社は、お客様からお預かりした情報と当社の情報資産を守るため、ISMS を確立し、継続的に改善します。\n\n(English: We protect the information entrusted to us and our own information assets by establishing and continually improving our ISMS.)\n',
  },
  {
    code: 'PRO-001',
    ja: 'リスクアセスメント手順',
    en: 'Risk assessment procedure',
    type: 'procedure',
    ismsPolicy: false,
    body: '# リスクアセスメント手順\n\n資産価値・脅威・脆弱性の積でリスク値を求め、受容基準を超えるリスクを対応の対象とする。\n\n(English: Risk value is asset value × threat × vulnerability; risks above the acceptance level are treated.)\n',
  },
  {
    code: 'STD-001',
    ja: '情報資産管理規程',
    en: 'Information asset management rules',
    type: 'standard',
    ismsPolicy: false,
    body: '# 情報資産管理規程\n\n各部門は情報資産を台帳に登録し、年に一度見直す。\n\n(English: Each department registers its information assets and reviews them once a year.)\n',
  },
  {
    code: 'STD-002',
    ja: 'アクセス制御規程',
    en: 'Access control rules',
    type: 'standard',
    ismsPolicy: false,
    body: '# アクセス制御規程\n\n利用者の権限は業務上必要な範囲に限る。\n\n(English: Access rights are limited to what the job requires.)\n',
  },
  {
    code: 'PRO-002',
    ja: '情報セキュリティインシデント対応手順',
    en: 'Security incident response procedure',
    type: 'procedure',
    ismsPolicy: false,
    requirementIds: ['4.2.2.g', '4.2.3.a.1', '4.2.3.a.2', '4.2.3.a.4'],
    body: '# 情報セキュリティインシデント対応手順\n\n気づいた人は誰でもすぐに Mamoru の「報告」から届け出る。情報システム部が24時間以内に重大度と緊急度を評価し、封じ込め・原因除去・復旧を記録し、教訓をまとめて終結する。個人データの漏えい等は法令の期限内に報告する。\n\n(English: Anyone who notices reports at once through Mamoru. Information Systems triages within 24 hours, records containment, eradication and recovery, and closes with lessons learned. Personal-data breaches are reported within the legal deadlines.)\n',
  },
  {
    code: 'GDL-001',
    ja: '情報セキュリティ教育実施要領',
    en: 'Security awareness training guideline',
    type: 'guideline',
    ismsPolicy: false,
    body: '# 情報セキュリティ教育実施要領\n\n全従業員は入社時と年一回、情報セキュリティ教育を受講する。\n\n(English: Every employee is trained on joining and once a year.)\n',
  },
];

/** The structured fields of the ISMS policy (objectives, obligations, risk criteria). */
export const DEMO_POLICY_FIELDS = {
  objectivesFramework: '情報セキュリティ目的は年度ごとに経営会議で設定する',
  obligationsConsidered: '個人情報保護法、取引先との秘密保持契約',
  riskCriteriaReference: 'リスクアセスメント手順 PRC-001 の受容基準',
};
