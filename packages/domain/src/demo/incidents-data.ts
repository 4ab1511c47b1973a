import type { IncidentLevel, IncidentStatus, IncidentType } from '@mamoru/contracts';

/**
 * The sample company's incidents over the last year (annex 6.3), written in our
 * own words: a phishing click that raised a corrective action, a lost laptop
 * with customer data (a personal-data breach whose APPI clocks were met), a
 * backup malfunction, a weakness reported by staff, a near miss, and one still
 * being worked on. Days are counted back from the day the demo runs.
 */
export interface DemoIncident {
  key: string;
  type: IncidentType;
  title: string;
  description: string;
  /** Days before today it was discovered, and the hours it took to triage. */
  daysAgo: number;
  triageHours: number;
  unit: string;
  reporter: 'suzuki' | 'sato' | 'yamada';
  severity: IncidentLevel;
  urgency: IncidentLevel;
  affects: { confidentiality: boolean; integrity: boolean; availability: boolean };
  /** The furthest status reached, with the days after discovery each step took. */
  reach: IncidentStatus;
  steps: Partial<Record<IncidentStatus, number>>;
  personalRecords?: number;
  downtimeMinutes?: number;
  costs?: { response: number; recovery: number; loss: number };
  rootCause?: string;
  lessonsLearned?: string;
  recurrencePrevention?: string;
  actions: string[];
  raise?: 'nonconformity' | 'improvement';
}

export const DEMO_INCIDENTS: readonly DemoIncident[] = [
  {
    key: 'phishing',
    type: 'incident',
    title: 'フィッシングメールのリンクを開きアカウント情報を入力',
    description:
      '営業部の担当者が取引先を装ったメールのリンクを開き、社内アカウントのIDとパスワードを入力した。翌朝、海外からのログイン試行が検知された。',
    daysAgo: 290,
    triageHours: 3,
    unit: 'SALES',
    reporter: 'suzuki',
    severity: 'high',
    urgency: 'high',
    affects: { confidentiality: true, integrity: false, availability: false },
    reach: 'closed',
    steps: { contained: 0, eradicated: 1, recovered: 2, closed: 14 },
    costs: { response: 180_000, recovery: 60_000, loss: 0 },
    rootCause: '多要素認証が一部のアカウントで未設定だった。訓練メールの頻度が年1回だった。',
    lessonsLearned:
      '多要素認証の適用漏れが被害を広げうる。疑わしいメールを報告しやすい仕組みが早期発見につながった。',
    actions: [
      '該当アカウントのパスワードを変更し、全セッションを無効化した',
      'ログイン履歴を確認し、不正アクセスがメール閲覧に限られることを確かめた',
      '全社に注意喚起を送った',
    ],
    raise: 'nonconformity',
  },
  {
    key: 'laptop',
    type: 'incident',
    title: '顧客情報を保存したノートPCの紛失',
    description:
      '営業部員が出張帰りの電車内でノートPCを紛失した。顧客の氏名・連絡先約1,200件を含む表計算ファイルが保存されていた。ディスク暗号化は有効だった。',
    daysAgo: 130,
    triageHours: 2,
    unit: 'SALES',
    reporter: 'sato',
    severity: 'critical',
    urgency: 'high',
    affects: { confidentiality: true, integrity: false, availability: false },
    reach: 'closed',
    steps: { contained: 0, eradicated: 1, recovered: 3, closed: 40 },
    personalRecords: 1200,
    costs: { response: 350_000, recovery: 220_000, loss: 150_000 },
    rootCause: '顧客一覧を端末に保存する運用が残っていた。',
    lessonsLearned:
      '暗号化により実害は避けられたが、端末へのデータ保存そのものを減らす必要がある。報告から委員会への連絡まで2時間で済んだ。',
    recurrencePrevention:
      '顧客一覧はクラウドストレージのみに置き、端末への保存を技術的に禁止する。',
    actions: [
      '遠隔ロックとデータ消去を指示した',
      '鉄道会社と警察に遺失届を出した',
      '個人情報保護委員会への報告内容を法務と確認した',
    ],
  },
  {
    key: 'backup',
    type: 'malfunction',
    title: '基幹システムの夜間バックアップ失敗',
    description:
      'ストレージ容量不足により、生産管理システムの夜間バックアップが3日間失敗していた。監視メールが迷惑メールに振り分けられていた。',
    daysAgo: 200,
    triageHours: 5,
    unit: 'IT',
    reporter: 'suzuki',
    severity: 'medium',
    urgency: 'high',
    affects: { confidentiality: false, integrity: false, availability: true },
    reach: 'closed',
    steps: { contained: 0, recovered: 1, closed: 7 },
    downtimeMinutes: 180,
    costs: { response: 40_000, recovery: 90_000, loss: 0 },
    rootCause: '容量監視の閾値が設定されておらず、失敗通知が迷惑メールに振り分けられていた。',
    lessonsLearned: 'バックアップの成否は通知ではなく毎朝の確認記録で見るべきである。',
    recurrencePrevention: '容量の閾値監視を設定し、バックアップ確認記録を毎朝付ける。',
    actions: ['古い世代を退避して容量を確保した', '手動でフルバックアップを取得した'],
  },
  {
    key: 'vpn',
    type: 'weakness',
    title: 'VPN装置のファームウェアが古いままになっている',
    description:
      '情報システム部員が、公表済みの脆弱性があるバージョンのままVPN装置が運用されていることに気づいた。',
    daysAgo: 60,
    triageHours: 20,
    unit: 'IT',
    reporter: 'suzuki',
    severity: 'high',
    urgency: 'medium',
    affects: { confidentiality: true, integrity: true, availability: false },
    reach: 'closed',
    steps: { closed: 5 },
    rootCause: 'ネットワーク機器が脆弱性情報の確認対象に含まれていなかった。',
    lessonsLearned: 'サーバだけでなくネットワーク機器も脆弱性管理の対象に含める。',
    recurrencePrevention: '機器台帳の全機器を月次の脆弱性確認の対象にした。',
    actions: ['保守時間帯にファームウェアを更新した'],
  },
  {
    key: 'misaddress',
    type: 'near_miss',
    title: '見積書メールの誤送信を送信前に発見',
    description:
      '別の顧客宛ての見積書を添付したメールを、送信保留機能の確認画面で気づき取り消した。',
    daysAgo: 21,
    triageHours: 6,
    unit: 'SALES',
    reporter: 'yamada',
    severity: 'low',
    urgency: 'low',
    affects: { confidentiality: true, integrity: false, availability: false },
    reach: 'closed',
    steps: { closed: 2 },
    lessonsLearned: '送信保留機能が誤送信を防いだ。宛先の自動補完が誤りの原因になりやすい。',
    actions: ['営業部で事例を共有した'],
    raise: 'improvement',
  },
  {
    key: 'logins',
    type: 'suspected',
    title: '管理者アカウントへの連続ログイン失敗',
    description:
      'クラウド会計サービスの管理者アカウントに、深夜に海外から数百回のログイン失敗が記録された。',
    daysAgo: 3,
    triageHours: 1,
    unit: 'FIN',
    reporter: 'suzuki',
    severity: 'high',
    urgency: 'critical',
    affects: { confidentiality: true, integrity: true, availability: false },
    reach: 'contained',
    steps: { contained: 0 },
    actions: ['接続元の国をブロックし、管理者アカウントのパスワードを変更した'],
  },
];
