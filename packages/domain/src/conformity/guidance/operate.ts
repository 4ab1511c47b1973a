import { g, type GuidanceTable } from './shape.ts';

/** Implementing and operating (4.2.2), monitoring (4.2.3) and improving (4.2.4) the ISMS. */
export const OPERATE: GuidanceTable = {
  '4.2.2.a': g(
    '/treatment-plan',
    'リスク対応計画に処置を登録し、責任者、優先度、期限を付けます。',
    'Put the treatment actions in the risk treatment plan, each with an owner, a priority and a due date.',
  ),
  '4.2.2.b': g(
    '/treatment-plan',
    '対応計画の処置を期限内に進め、責任者と予算または資源を割り当てます。',
    'Carry the plan out: actions progressing on time, each with an owner and a budget or resources.',
  ),
  '4.2.2.c': g(
    '/controls',
    '採用した管理策ごとに運用状況と責任者を記録し、点検を決めて期間内に結果を残します。',
    'For each applicable control, record its operation status and owner, and checks with a result within their interval.',
  ),
  '4.2.2.d': g(
    '/training',
    '全員向けの意識向上コースと役割向けのコースを用意し、直近1年以内に実施します。',
    'Run an awareness course for all staff and courses for the roles that need them, delivered within the last year.',
  ),
  '4.2.2.e': g(
    '/controls',
    '採用した管理策ごとに、発行済みの運用手順か記録の種類を結び付けるか、無い理由を書きます。',
    'Give each applicable control an issued operating procedure or a record type evidencing it, or a reason why none.',
  ),
  '4.2.2.f': g(
    '/resources',
    '会計年度ごとのISMSの資源（人の時間、費用、ツール）の計画と実績を登録します。',
    'Keep the ISMS resources per fiscal year — people’s time, money, tools — with what was planned and used.',
  ),
  '4.2.2.g': g(
    '/incidents',
    'インシデント対応手順を発行し、報告されたインシデントをその手順で扱います。',
    'Issue an incident response procedure and handle the reported incidents through it.',
  ),
  '4.2.3.a.1': g(
    '/incidents',
    '処理の誤りや障害が、人や監視ツールから報告されていることを示します。',
    'Show that processing errors and malfunctions get reported, by people or by monitoring tools.',
  ),
  '4.2.3.a.2': g(
    '/incidents',
    '違反や未遂を含むインシデントの報告が続き、目標時間内に判定されていることを示します。',
    'Show that incident reports, attempts included, keep coming in and are triaged within the target time.',
  ),
  '4.2.3.a.3': g(
    '/objectives',
    'ISMSの目的の測定値と管理策の点検結果から、活動が意図どおり機能しているかを経営陣が確認できるようにします。',
    'Let management see whether security works as intended: objectives measured on schedule and controls checked.',
  ),
  '4.2.3.a.4': g(
    '/incidents',
    '終了したインシデントごとに、再発を防ぐ処置を決めて記録します。',
    'For every closed incident, decide and record an action against recurrence.',
  ),
  '4.2.3.b': g(
    '/management-review',
    '監査結果、インシデント、提案、フィードバック、管理策の点検結果を基に、有効性を定期的にレビューします。',
    'Review effectiveness regularly on audit results, incidents, suggestions, feedback and control check results.',
  ),
  '4.2.3.c.1': g(
    '/risks/assessments',
    '12か月以内に組織の変化を見直し、変化があれば再評価を、無ければその判断を記録します。',
    'Within twelve months, review changes to the organization: a reassessment if it changed, else a recorded decision.',
  ),
  '4.2.3.c.2': g(
    '/risks/assessments',
    '12か月以内に技術の変化を見直し、変化があれば再評価を、無ければその判断を記録します。',
    'Within twelve months, review changes in technology: a reassessment if it changed, else a recorded decision.',
  ),
  '4.2.3.c.3': g(
    '/risks/assessments',
    '12か月以内に事業の目標とプロセスの変化を見直し、再評価か変化なしの判断を記録します。',
    'Within twelve months, review changes in business objectives and processes: a reassessment or a no-change decision.',
  ),
  '4.2.3.c.4': g(
    '/risks/assessments',
    '12か月以内に脅威の変化を見直し、再評価か変化なしの判断を記録します。',
    'Within twelve months, review changes in threats: a reassessment or a no-change decision.',
  ),
  '4.2.3.c.5': g(
    '/risks/assessments',
    '12か月以内に法令や社会情勢など外部の事象を見直し、再評価か変化なしの判断を記録します。',
    'Within twelve months, review external events such as law or the social climate: a reassessment or a no-change decision.',
  ),
  '4.2.3.d': g(
    '/internal-audits/programme',
    '承認された内部監査プログラムに沿って監査を行い、報告を残します。',
    'Run internal audits under an approved programme in force, each leaving a report.',
  ),
  '4.2.3.e': g(
    '/management-review',
    'マネジメントレビューを少なくとも年1回開き、議事録を経営陣が承認します。',
    'Hold a management review at least once a year and have top management approve its minutes.',
  ),
  '4.2.3.f': g(
    '/isms-events',
    'ISMSに影響する活動や事象をイベント記録に残し、Mamoruの自動記録以外に手入力の記録も含めます。',
    'Keep the ISMS event log, with events entered by hand as well as those Mamoru writes itself.',
  ),
  '4.2.4.a': g(
    '/improvement',
    '特定した改善を改善登録簿に載せ、実施して完了させます。',
    'Put the improvements identified in the improvement register and carry them through to completion.',
  ),
  '4.2.4.b': g(
    '/corrective-actions',
    '是正処置と予防処置の両方を行い、自社や他社の経験から得た教訓を記録します。',
    'Take corrective and preventive actions, and record lessons learned from your own and others’ experience.',
  ),
  '4.2.4.c': g(
    '/improvement/communications',
    '改善の結果と処置を関係者に伝え、合意した記録を伝達記録に残します。',
    'Tell the interested parties about results and actions, and log the communication and their agreement.',
  ),
  '4.2.4.d': g(
    '/improvement',
    '完了した改善について、意図した効果が得られたかを確認して記録します。',
    'For completed improvements, verify and record whether they achieved what they were meant to.',
  ),
};
