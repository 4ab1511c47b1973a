import { g, type GuidanceTable } from './shape.ts';

/** Documentation (4.3.1), control of documents (4.3.2) and of records (4.3.3). */
export const DOCUMENTATION: GuidanceTable = {
  '4.3.1.a': g(
    '/documents',
    'ISMS基本方針と管理目的を述べた文書を発行しておきます。',
    'Keep the ISMS policy and the statement of control objectives issued.',
  ),
  '4.3.1.b': g(
    '/scope',
    '承認済みの適用範囲と、ISMSを支える手順・管理策の文書を発行しておきます。',
    'Have the approved scope, plus issued procedures and controls that support the ISMS.',
  ),
  '4.3.1.c': g(
    '/risks/assessments',
    '完了したリスクアセスメントを報告書として残します（リスク台帳のエクスポートも使えます）。',
    'Keep a completed risk assessment as its report; the register export can serve as one.',
  ),
  '4.3.1.d': g(
    '/treatment-plan',
    '責任者と期限の付いた処置から成るリスク対応計画を文書化し、承認します。',
    'Document the risk treatment plan — actions with owners and dates — and get it approved.',
  ),
  '4.3.1.e': g(
    '/documents?type=procedure',
    'インシデント対応、是正処置、予防処置、文書管理、記録管理の手順を、該当する項番を付けて発行します。',
    'Issue the procedures for incident response, corrective and preventive action, document control and records control, tagged with their items.',
  ),
  '4.3.1.f': g(
    '/records/types',
    '内部監査、マネジメントレビュー、教育、インシデントの記録の種類を定め、実際の記録を残します。',
    'Define record types for internal audits, management reviews, training and incidents, and keep records of each.',
  ),
  '4.3.1.g': g(
    '/statement-of-applicability',
    '全管理策を網羅した承認済みの適用宣言書を備えます。',
    'Have an approved SoA covering every control.',
  ),
  '4.3.2.a': g(
    '/documents',
    '発行済みの文書はどれも、現行版が発行前に承認されていることを示します。',
    'Show that the current version of every issued document was approved before issue.',
  ),
  '4.3.2.b': g(
    '/documents/reviews',
    '文書を見直し期限までにレビューし、必要なら改訂して再承認します。',
    'Review documents by their review date, revising and re-approving them where needed.',
  ),
  '4.3.2.c': g(
    '/documents',
    '改訂ごとに版番号と変更内容を記録し、現行版が分かるようにします。',
    'Record a revision number and what changed for each revision, so the current one is clear.',
  ),
  '4.3.2.d': g(
    '/documents/to-read',
    '現行版を使う人に配付し、最新版がいつでも読める状態にします。',
    'Distribute the current version to the people who use it, keeping it readable where it is needed.',
  ),
  '4.3.2.e': g(
    '/documents',
    '文書に番号、表題、版を付け、読めるファイルを添えます。',
    'Give every document a code, title and revision, with a readable file.',
  ),
  '4.3.2.f': g(
    '/documents',
    '外部で作られた文書を外部文書として登録し、出所を記録します。',
    'Register documents of external origin as such, with where they come from.',
  ),
  '4.3.2.g': g(
    '/documents',
    '文書ごとに配付先を決め、受け取った人の確認を記録します。',
    'Set who each document goes to and record their acknowledgement.',
  ),
  '4.3.2.h': g(
    '/documents?status=obsolete',
    '廃止した文書を配付から外し、廃止と分かるようにします。',
    'Withdraw obsolete documents from distribution and mark them as obsolete.',
  ),
  '4.3.2.i': g(
    '/documents?status=obsolete',
    '保持する廃止文書には、保持する理由を付けて識別します。',
    'Identify the obsolete documents you keep, each with why it is retained.',
  ),
  '4.3.3': g(
    '/records',
    '記録の種類ごとに保管期間と保管場所を定め、インシデントを含む記録を検索できる状態で残します。',
    'Give each record type a retention period and place, and keep records — incidents included — retrievable.',
  ),
};
