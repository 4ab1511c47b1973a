import { g, type GuidanceTable } from './shape.ts';

/** 第1 2. (exclusions), 4.1 and establishing the ISMS (4.2.1). */
export const ESTABLISH: GuidanceTable = {
  '1.2': g(
    '/statement-of-applicability',
    '除外するのは附属書の管理策だけとし、適用宣言書で理由を書き、関連するリスクを責任者が受容した記録を残します。',
    'Exclude only annex controls: give each a reason in the SoA and record that an accountable person accepted the related risk.',
  ),
  '4.1': g(
    '/conformity',
    '計画・実行・点検・処置の各領域（リスク、運用、監視、改善）がMamoruで使われ、記録が続いていることを示します。',
    'Show every PDCA area in use in Mamoru (risks, operation, monitoring, improvement), each still producing records.',
  ),
  '4.2.1.a': g(
    '/scope',
    '事業、組織、所在地、資産、技術の五つの観点を埋めた適用範囲を作成し、経営陣の承認を得ます。',
    'Write the scope covering business, organization, locations, assets and technology, and have top management approve it.',
  ),
  '4.2.1.b.1': g(
    '/documents',
    '発行済みのISMS基本方針に、目標を立てる枠組みと全体の方向性を書き、ISMSの目的を登録します。',
    'The issued ISMS policy sets the framework for objectives and the overall direction; record the ISMS objectives.',
  ),
  '4.2.1.b.2': g(
    '/legal',
    '基本方針で事業・法令・契約上の要求を考慮し、それらを法的要求事項の一覧に載せて、期限内にレビューします。',
    'The ISMS policy takes business, legal and contractual requirements into account; list them in the legal register and review each on time.',
  ),
  '4.2.1.b.3': g(
    '/documents',
    '基本方針に、組織の戦略的な状況とリスクマネジメントの状況を書きます。',
    'The ISMS policy states the strategic and risk management context of the organization.',
  ),
  '4.2.1.b.4': g(
    '/risks/method',
    '基本方針でリスクを評価する基準を定め、承認済みのリスクアセスメントの方法に反映します。',
    'The ISMS policy sets the criteria risks are evaluated against, carried into the approved risk method.',
  ),
  '4.2.1.b.5': g(
    '/documents',
    'ISMS基本方針の現行版が経営陣に承認されていることを示します。',
    'Show that top management approved the current version of the ISMS policy.',
  ),
  '4.2.1.c': g(
    '/risks/method',
    'リスクアセスメントの方法を定め、受容基準と受容可能なリスクの水準を決めて承認します。',
    'Define the risk method with its acceptance criteria and acceptable risk level, and approve it.',
  ),
  '4.2.1.d.1': g(
    '/assets',
    '適用範囲内の情報資産を資産台帳に登録し、それぞれに在籍中の責任者と分類を付けます。',
    'Register the assets in scope in the asset inventory, each with an active owner and a classification.',
  ),
  '4.2.1.d.2': g(
    '/risks/threats',
    'リスクごとに、資産に対する脅威を特定して記録します。',
    'Record, for each risk, the threats to the assets concerned.',
  ),
  '4.2.1.d.3': g(
    '/risks/vulnerabilities',
    'リスクごとに、脅威に付け込まれうる脆弱性を記録します。',
    'Record, for each risk, the vulnerabilities a threat could exploit.',
  ),
  '4.2.1.d.4': g(
    '/risks',
    '機密性・完全性・可用性が損なわれたときの影響を、リスクごとに記録します。',
    'Record for each risk the impact of losing confidentiality, integrity or availability.',
  ),
  '4.2.1.e.1': g(
    '/risks/assessments',
    'リスクアセスメントで、各リスクの事業上の損害（影響度）を評価します。',
    'In a risk assessment, rate the business harm (impact) of every risk.',
  ),
  '4.2.1.e.2': g(
    '/risks',
    '現在の管理策を踏まえて発生可能性を評価し、リスクごとに既存の管理策を記録します。',
    'Rate likelihood in the light of the controls already in place, recording those existing controls on each risk.',
  ),
  '4.2.1.e.3': g(
    '/risks/assessments',
    '影響度と発生可能性から、方法に従って各リスクの度合いを算定します。',
    'Compute each risk level from impact and likelihood, as the risk method prescribes.',
  ),
  '4.2.1.e.4': g(
    '/risks/assessments',
    '受容基準に照らして、リスクごとに受容するか対応するかを判定します。',
    'Against the acceptance criteria, decide for each risk whether it is accepted or treated.',
  ),
  '4.2.1.f.1': g(
    '/treatment-plan',
    '管理策の採用を選んだリスクに、採用する管理策を結び付けます。',
    'Link the controls to apply to every risk whose chosen option is to apply controls.',
  ),
  '4.2.1.f.2': g(
    '/treatment-plan',
    'リスクを保有する場合は、基準を満たすことを確かめ、誰が承知の上で受容したかを記録します。',
    'When a risk is retained, check it meets the criteria and record who knowingly accepted it.',
  ),
  '4.2.1.f.3': g(
    '/treatment-plan',
    '回避を選んだリスクには、その選択と理由を記録します。',
    'For risks to avoid, record that option and why it was chosen.',
  ),
  '4.2.1.f.4': g(
    '/treatment-plan',
    '移転を選んだリスクには、移転先（保険会社や委託先など）を記録します。',
    'For risks to transfer, record the party they go to, such as an insurer or supplier.',
  ),
  '4.2.1.g': g(
    '/statement-of-applicability',
    'リスクアセスメントの結果に基づいて附属書から管理策を選び、リスクとの結び付きで理由を示します。',
    'Select controls from the annex on the strength of the assessment, justified by the risks they treat.',
  ),
  '4.2.1.h': g(
    '/statement-of-applicability',
    '全管理策の採否と理由を記した適用宣言書を作り、承認します。',
    'Prepare the SoA with every control selected or not and the reason, and approve it.',
  ),
  '4.2.1.i': g(
    '/treatment-plan',
    '残留リスクを経営陣が承認し、ISMSの導入と運用を許可した記録を残します。',
    'Record top management approving the residual risks and authorizing the ISMS to be implemented and run.',
  ),
};
