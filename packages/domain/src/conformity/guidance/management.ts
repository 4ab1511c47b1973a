import { g, type GuidanceTable } from './shape.ts';

/** Management responsibility: commitment (5.1), resources (5.2.1), competence (5.2.2). */
export const MANAGEMENT: GuidanceTable = {
  '5.1.a': g(
    '/documents',
    '経営陣がISMS基本方針を承認して発行します。',
    'Top management approves and issues the ISMS policy.',
  ),
  '5.1.b': g(
    '/objectives',
    'ISMSの目的を、責任者、測定指標、目標値、期限、達成の計画付きで登録し、予定どおり測定します。',
    'Record ISMS objectives with owner, metric, target, due date and plan, and measure them on schedule.',
  ),
  '5.1.c': g(
    '/people/roles',
    'ISMSの役割と責任を定めて担当者を割り当て、必要な代理を置き、本人の確認を得ます。',
    'Define ISMS roles and responsibilities, assign and deputize them, and have the holders acknowledge them.',
  ),
  '5.1.d': g(
    '/training',
    '基本方針と各自の役割を全員に伝え、確認と意識向上教育の修了を記録します。',
    'Bring the policy and each person’s part to everyone; record their acknowledgement and awareness training.',
  ),
  '5.1.e': g(
    '/resources',
    '今年度の資源計画を経営陣が承認したことを示します。',
    'Show that top management approved this fiscal year’s resource plan.',
  ),
  '5.1.f': g(
    '/risks/method',
    '受容可能なリスクの水準を経営陣が決め、リスクアセスメントの方法として承認します。',
    'Top management decides the acceptable risk level and approves it in the risk method.',
  ),
  '5.1.g': g(
    '/management-review',
    '経営陣がマネジメントレビューに参加し、議事録を承認します。',
    'Top management takes part in the management review and approves its minutes.',
  ),
  '5.2.1.a': g(
    '/resources',
    '今年度、確立・運用・監視・改善の各活動に資源を計画し、前年度の実績を記録します。',
    'Plan resources this year for establishing, operating, monitoring and improving, and record last year’s usage.',
  ),
  '5.2.1.b': g(
    '/controls',
    '採用した管理策ごとに、それを支える発行済み手順か記録の種類、または無い理由を示します。',
    'For every applicable control, show an issued procedure or record type behind it, or the reason there is none.',
  ),
  '5.2.1.c': g(
    '/legal',
    '法令・規制・契約の登録簿を作り、各義務に責任者と対応する管理策か文書を付け、期限内に見直します。',
    'Keep the register of laws, regulations and contracts: each with an owner, an answering control or document, reviewed on time.',
  ),
  '5.2.1.d': g(
    '/controls',
    '採用した管理策がすべて運用中で直近の点検が有効であり、有効でない結果には不適合を起票します。',
    'Every applicable control is in operation with its last check effective; ineffective results raise a nonconformity.',
  ),
  '5.2.1.e': g(
    '/management-review',
    'レビューの決定に処置を、監査指摘に不適合を、インシデントの教訓に処置を結び付けます。',
    'React to results: review decisions with actions, audit findings with nonconformities, incident lessons with actions.',
  ),
  '5.2.1.f': g(
    '/improvement',
    '1年以内に改善を完了させ、その効果を確認して記録します。',
    'Complete improvements within the year and record that their effect was verified.',
  ),
  '5.2.2.a': g(
    '/people/jobs',
    'ISMSの役割と職務ごとに、必要な力量を定めます。',
    'State the competence each ISMS role and job needs.',
  ),
  '5.2.2.b': g(
    '/people/gaps',
    '必要な力量が欠けている人がいないよう、教育するか要員を確保します。',
    'Close every competence gap by training people or hiring.',
  ),
  '5.2.2.c': g(
    '/training/sessions',
    'テストや上長の評価で教育の効果を確かめ、不合格者には再受講させます。',
    'Check that training worked, by quiz or supervisor evaluation, and have failures retake it.',
  ),
  '5.2.2.d': g(
    '/people',
    '教育、訓練、技能、経験、資格の記録を人ごとに残します。',
    'Keep each person’s records of education, training, skills, experience and qualifications.',
  ),
};
