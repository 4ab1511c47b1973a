import type { ConformitySnapshot, Evaluation, LocalizedText, Rule } from '../types.ts';
import { day, evidence, gap, gapIf, joinTexts, met, notMet, partlyMet, tx } from '../text.ts';
import { PLAN, registerEvaluation } from './risks.ts';

/** Rules of the risk method, residual risk and the treatment plan (4.2.1.c, i; 4.2.2.a; 5.1.f). */

const METHOD = '/risks/method';

/** 4.2.1.c: an approved method with its acceptance criteria. 5.1.f reads the same facts. */
function methodEvaluation(s: ConformitySnapshot, focusLevel: boolean): Evaluation {
  const m = s.risks.method;
  const data = {
    approvedMethodVersion: m.approvedNumber,
    approvedAt: m.approvedAt,
    approvedByTopManagement: m.approvedByTopManagement,
    acceptableLevelSet: m.hasAcceptableLevel,
    latestStatus: m.latestStatus,
  };
  if (m.approvedNumber === null) {
    return (m.latestStatus ? partlyMet : notMet)(
      m.latestStatus
        ? tx(
            `リスクアセスメントの方法は作成中で、承認されていません（状態: ${m.latestStatus}）。`,
            `The risk assessment method is drafted but not approved (status: ${m.latestStatus}).`,
          )
        : tx(
            'リスクアセスメントの方法が定められていません。',
            'No risk assessment method is defined.',
          ),
      [gap(METHOD, 'リスクアセスメントの方法', 'Risk assessment method')],
      data,
    );
  }
  const base = focusLevel
    ? tx(
        `受容可能なリスク水準は方法 第${m.approvedNumber}版で${day(m.approvedAt)}に承認されています。`,
        `The acceptable level of risk was approved with method version ${m.approvedNumber} on ${day(m.approvedAt)}.`,
      )
    : tx(
        `リスクアセスメントの方法 第${m.approvedNumber}版が${day(m.approvedAt)}に承認されています。`,
        `Risk assessment method version ${m.approvedNumber} was approved on ${day(m.approvedAt)}.`,
      );
  const faults: LocalizedText[] = [];
  if (!m.hasAcceptableLevel) {
    faults.push(
      tx('受容可能なリスク水準が定められていません。', 'It sets no acceptable level of risk.'),
    );
  }
  if (!m.approvedByTopManagement) {
    faults.push(tx('承認者が経営陣ではありません。', 'It was not approved by top management.'));
  }
  const links = [evidence(METHOD, 'リスクアセスメントの方法', 'Risk assessment method')];
  return faults.length
    ? partlyMet(joinTexts([base, ...faults]), links, data)
    : met(base, links, data);
}

const residualRule: Rule = (s) => {
  const r = s.risks;
  const data = {
    treat: r.treat,
    residualAccepted: r.residualAccepted,
    residualPending: r.residualPending,
    operationAuthorized: r.operationAuthorized,
    lastAcceptedAt: r.lastAcceptedAt,
  };
  const open = r.treat - r.residualAccepted;
  return registerEvaluation(
    s,
    data,
    tx(
      `対応するリスク${r.treat}件のうち${r.residualAccepted}件の残留リスクが承認されています。`,
      `Residual risk is approved for ${r.residualAccepted} of ${r.treat} treated risks.`,
    ),
    [
      [
        open,
        tx(
          `${open}件（うち承認待ち${r.residualPending}件）の残留リスクが承認されていません。`,
          `${open} residual risks are not approved (${r.residualPending} pending).`,
        ),
      ],
      [
        r.operationAuthorized ? 0 : 1,
        tx(
          'ISMSの導入・運用の許可がまだありません。',
          'Implementing and operating the ISMS is not authorized yet.',
        ),
      ],
    ],
    [
      evidence(PLAN, '残留リスクの承認', 'Residual risk approval'),
      ...gapIf(
        r.residualPending,
        '/risks?evaluation=treat&residualAcceptance=pending&open=true',
        '承認待ちの残留リスク',
        'Residual risks awaiting approval',
      ),
    ],
  );
};

const planRule: Rule = (s) => {
  const t = s.treatment;
  const r = s.risks;
  const data = {
    actions: t.actions,
    open: t.open,
    withoutOwner: t.withoutOwner,
    withoutDueDate: t.withoutDueDate,
    withoutResources: t.withoutResources,
    overdue: t.overdue,
    risksWithoutAction: r.applyWithoutAction,
  };
  if (t.actions === 0) {
    return notMet(
      tx('リスク対応計画に処置がありません。', 'The risk treatment plan holds no actions.'),
      [gap(PLAN, 'リスク対応計画', 'Risk treatment plan')],
      data,
    );
  }
  const faults: [number, LocalizedText][] = [
    [
      r.applyWithoutAction,
      tx(
        `${r.applyWithoutAction}件のリスクに対応の処置がありません。`,
        `${r.applyWithoutAction} risks to treat by controls have no action.`,
      ),
    ],
    [
      t.withoutOwner,
      tx(
        `${t.withoutOwner}件の処置に責任者がいません。`,
        `${t.withoutOwner} actions have no owner.`,
      ),
    ],
    [
      t.withoutDueDate,
      tx(
        `${t.withoutDueDate}件の処置に期限がありません。`,
        `${t.withoutDueDate} actions have no due date.`,
      ),
    ],
    [
      t.withoutResources,
      tx(
        `${t.withoutResources}件の処置に資源・予算の記載がありません。`,
        `${t.withoutResources} actions state no resources or budget.`,
      ),
    ],
  ];
  const found = faults.filter(([c]) => c > 0).map(([, x]) => x);
  const base = tx(
    `リスク対応計画に${t.actions}件の処置があります（未完了${t.open}件）。`,
    `The risk treatment plan holds ${t.actions} actions (${t.open} open).`,
  );
  // The snapshot counts open actions only, so the links keep to them too.
  const links = [
    evidence(PLAN, 'リスク対応計画', 'Risk treatment plan'),
    ...gapIf(
      t.withoutOwner,
      `${PLAN}?missing=owner&open=true`,
      '責任者のいない処置',
      'Actions without an owner',
    ),
    ...gapIf(
      t.withoutDueDate,
      `${PLAN}?missing=dueDate&open=true`,
      '期限のない処置',
      'Actions without a due date',
    ),
    ...gapIf(
      t.withoutResources,
      `${PLAN}?missing=resources&open=true`,
      '資源・予算の記載のない処置',
      'Actions stating no resources or budget',
    ),
  ];
  return found.length
    ? partlyMet(joinTexts([base, ...found]), links, data)
    : met(base, links, data);
};

export const TREATMENT_RULES: Record<string, Rule> = {
  '4.2.1.c': (s) => methodEvaluation(s, false),
  '5.1.f': (s) => methodEvaluation(s, true),
  '4.2.1.i': residualRule,
  '4.2.2.a': planRule,
};
