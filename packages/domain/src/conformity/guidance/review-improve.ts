import { g, type GuidanceTable } from './shape.ts';

/** Management review (6.1–6.3), internal audit (6.4) and improvement (7.1–7.3). */
export const REVIEW_IMPROVE: GuidanceTable = {
  '6.1': g(
    '/management-review',
    '決めた間隔でマネジメントレビューを開き、結果を議事録として記録し、次回を予定します。',
    'Hold management reviews at the set interval, record the results as minutes and plan the next one.',
  ),
  '6.2.a': g(
    '/management-review',
    '承認済みレビューのインプットに、監査とレビューの結果を含めます。',
    'Include audit and review results in the inputs of the approved review.',
  ),
  '6.2.b': g(
    '/management-review/parties',
    '利害関係者からのフィードバックをレビューのインプットに含めます。',
    'Include feedback from interested parties in the review inputs.',
  ),
  '6.2.c': g(
    '/improvement/proposals',
    '改善に使える技術、製品、手順の提案をレビューのインプットに含めます。',
    'Include proposed techniques, products or procedures for improvement in the review inputs.',
  ),
  '6.2.d': g(
    '/management-review',
    '是正処置・予防処置の状況をレビューのインプットに含めます。',
    'Include the status of corrective and preventive actions in the review inputs.',
  ),
  '6.2.e': g(
    '/management-review',
    '前回のリスクアセスメントで十分に対応できていない脆弱性や脅威をインプットに含めます。',
    'Include vulnerabilities and threats not adequately handled by the last risk assessment in the inputs.',
  ),
  '6.2.f': g(
    '/management-review',
    '前回までのレビューの決定を改善として追跡し、期限切れが無い状態でインプットに含めます。',
    'Track the decisions of earlier reviews as improvements, none overdue, and include their follow-up in the inputs.',
  ),
  '6.2.g': g(
    '/management-review',
    '法令・契約の変更を含め、ISMSに影響しうる変化をレビューのインプットに含めます。',
    'Include changes that could affect the ISMS, changed legal obligations among them, in the review inputs.',
  ),
  '6.2.h': g(
    '/management-review',
    '改善の提言をレビューのインプットに含めます。',
    'Include recommendations for improvement in the review inputs.',
  ),
  '6.3.a': g(
    '/management-review',
    'ISMSの有効性を高める決定をレビューのアウトプットとして記録します。',
    'Record the decisions to improve the ISMS’s effectiveness as review outputs.',
  ),
  '6.3.b.1': g(
    '/management-review',
    '事業上の要求の変化に応じた手順の変更を、レビューのアウトプットに記録します。',
    'Record as review outputs the changes to procedures that business requirements call for.',
  ),
  '6.3.b.2': g(
    '/management-review',
    'セキュリティ要求の変化に応じた手順の変更を、レビューのアウトプットに記録します。',
    'Record as review outputs the changes to procedures that security requirements call for.',
  ),
  '6.3.b.3': g(
    '/management-review',
    '業務プロセスの変化に応じた手順の変更を、レビューのアウトプットに記録します。',
    'Record as review outputs the changes to procedures that changed business processes call for.',
  ),
  '6.3.b.4': g(
    '/management-review',
    '規制や法的環境の変化に応じた手順の変更を、レビューのアウトプットに記録します。',
    'Record as review outputs the changes to procedures that the regulatory or legal environment calls for.',
  ),
  '6.3.b.5': g(
    '/management-review',
    'リスクの度合いや受容水準の変化に応じた手順の変更を、レビューのアウトプットに記録します。',
    'Record as review outputs the changes to procedures that risk levels or risk acceptance call for.',
  ),
  '6.3.c': g(
    '/management-review',
    '必要な資源についての決定をレビューのアウトプットに記録し、資源の登録簿に反映します。',
    'Record the decisions on resource needs as review outputs and carry them into the resources register.',
  ),
  '6.4.a': g(
    '/internal-audits/programme',
    '監査サイクルで、本基準の要求事項と関係法令への適合をすべて監査します。',
    'Within the audit cycle, audit conformity with every requirement item of this standard and the law.',
  ),
  '6.4.b': g(
    '/internal-audits/programme',
    '監査サイクルで、採用した管理策をすべて監査します。',
    'Within the audit cycle, audit every applicable control.',
  ),
  '6.4.c': g(
    '/internal-audits',
    '監査報告を承認し、指摘事項の処置を期限内に検証します。',
    'Approve audit reports and verify the follow-up of findings by their due date.',
  ),
  '6.4.d': g(
    '/internal-audits/auditors',
    '監査員が自分の業務を監査しないよう監査チームを組みます。',
    'Staff each audit so that no auditor audits their own work.',
  ),
  '7.1': g(
    '/improvement',
    '方針、目的、監査結果、監視の分析、是正・予防処置、レビューから改善を生み、登録簿で追います。',
    'Drive improvements from the policy, objectives, audits, monitoring, corrective and preventive actions and reviews, tracked in the register.',
  ),
  '7.2.a': g(
    '/corrective-actions',
    '是正処置の手順を発行し、不適合を登録します。',
    'Issue the corrective action procedure and register nonconformities.',
  ),
  '7.2.b': g(
    '/corrective-actions',
    '不適合ごとに根本原因を記録します。',
    'Record the root cause of each nonconformity.',
  ),
  '7.2.c': g(
    '/corrective-actions',
    '不適合ごとに、再発防止の処置が必要かを評価して記録します。',
    'For each nonconformity, evaluate and record whether action against recurrence is needed.',
  ),
  '7.2.d': g(
    '/corrective-actions',
    '是正処置を決めて責任者と期限を付け、期限内に実施します。',
    'Decide corrective actions with owners and due dates, and carry them out on time.',
  ),
  '7.2.e': g(
    '/corrective-actions',
    '完了した是正処置の結果を記録します。',
    'Record the results of completed corrective actions.',
  ),
  '7.2.f': g(
    '/corrective-actions',
    '是正処置の有効性をレビューして記録します。',
    'Review whether each corrective action worked, and record it.',
  ),
  '7.3.a': g(
    '/corrective-actions',
    '予防処置の手順を発行し、潜在的な不適合とその原因を登録します。',
    'Issue the preventive action procedure and register potential nonconformities with their causes.',
  ),
  '7.3.b': g(
    '/corrective-actions',
    '予防処置を決めて責任者と期限を付け、期限内に実施します。',
    'Decide preventive actions with owners and due dates, and carry them out on time.',
  ),
  '7.3.c': g(
    '/corrective-actions',
    '完了した予防処置の結果を記録します。',
    'Record the results of completed preventive actions.',
  ),
  '7.3.d': g(
    '/corrective-actions',
    '予防処置の有効性をレビューして記録します。',
    'Review whether each preventive action worked, and record it.',
  ),
  '7.3.e': g(
    '/risks/assessments',
    '大きく変化したリスクを特定し、優先して予防処置やリスク対応に回します。',
    'Identify the risks that changed significantly and give them priority in preventive action and treatment.',
  ),
};
