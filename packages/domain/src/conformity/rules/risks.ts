import type { ConformitySnapshot, Evaluation, LocalizedText, Rule } from '../types.ts';
import { evidence, gap, gapIf, joinTexts, met, notMet, partlyMet, tx } from '../text.ts';

/**
 * Rules of the risk assessment (4.2.1.d–g),
 * over the aggregates of the risk register. Each names the risks at fault.
 */

const REGISTER = '/risks';
export const PLAN = '/treatment-plan';
/** The register filtered to risks to treat with no treatment option chosen. */
export const TREAT_WITHOUT_OPTION = '/risks?evaluation=treat&treatmentOption=none&open=true';

/** Common shape: no risks yet is not met; faults make it partly met. */
export function registerEvaluation(
  s: ConformitySnapshot,
  data: Evaluation['data'],
  base: LocalizedText,
  faults: [count: number, text: LocalizedText][],
  links = [evidence(REGISTER, 'リスク台帳', 'Risk register')],
): Evaluation {
  if (s.risks.risks === 0) {
    return notMet(
      tx('リスク台帳にリスクがありません。', 'The risk register holds no open risk.'),
      [gap(REGISTER, 'リスクを特定する', 'Identify risks')],
      data,
    );
  }
  const found = faults.filter(([count]) => count > 0).map(([, text]) => text);
  return found.length
    ? partlyMet(joinTexts([base, ...found]), links, data)
    : met(base, links, data);
}

const risksText = (s: ConformitySnapshot) =>
  tx(
    `リスク台帳に未完了のリスクが${s.risks.risks}件あります。`,
    `The risk register holds ${s.risks.risks} open risks.`,
  );

const threatsRule: Rule = (s) => {
  const r = s.risks;
  const data = { threats: r.threats, risks: r.risks, assetsWithoutRisk: r.assetsWithoutRisk };
  if (r.threats === 0) {
    return notMet(
      tx('脅威が登録されていません。', 'No threats are recorded.'),
      [gap('/risks/threats', '脅威', 'Threats')],
      data,
    );
  }
  return registerEvaluation(
    s,
    data,
    tx(`脅威が${r.threats}件登録されています。`, `${r.threats} threats are recorded.`),
    [
      [
        r.assetsWithoutRisk,
        tx(
          `${r.assetsWithoutRisk}件の資産にリスクが特定されていません。`,
          `${r.assetsWithoutRisk} assets in use have no risk identified.`,
        ),
      ],
    ],
  );
};

const vulnerabilitiesRule: Rule = (s) => {
  const r = s.risks;
  const data = {
    vulnerabilities: r.vulnerabilities,
    risksWithoutVulnerability: r.withoutVulnerability,
  };
  if (r.vulnerabilities === 0) {
    return notMet(
      tx('脆弱性が登録されていません。', 'No vulnerabilities are recorded.'),
      [gap('/risks/vulnerabilities', '脆弱性', 'Vulnerabilities')],
      data,
    );
  }
  return registerEvaluation(
    s,
    data,
    tx(
      `脆弱性が${r.vulnerabilities}件登録されています。`,
      `${r.vulnerabilities} vulnerabilities are recorded.`,
    ),
    [
      [
        r.withoutVulnerability,
        tx(
          `${r.withoutVulnerability}件のリスクに脆弱性がありません。`,
          `${r.withoutVulnerability} risks name no vulnerability.`,
        ),
      ],
    ],
  );
};

const impactsRule: Rule = (s) =>
  registerEvaluation(
    s,
    { assetsWithoutCia: s.assets.withoutValue, risksNotAssessed: s.risks.notAssessed },
    risksText(s),
    [
      [
        s.assets.withoutValue,
        tx(
          `${s.assets.withoutValue}件の資産に機密性・完全性・可用性の評価がありません。`,
          `${s.assets.withoutValue} assets have no C/I/A rating, so the impact of their loss is unknown.`,
        ),
      ],
      [
        s.risks.notAssessed,
        tx(
          `${s.risks.notAssessed}件のリスクの影響が算定されていません。`,
          `${s.risks.notAssessed} risks have no computed value.`,
        ),
      ],
    ],
  );

const assessedRule: Rule = (s) =>
  registerEvaluation(
    s,
    { risksNotAssessed: s.risks.notAssessed, assessments: s.risks.assessments },
    risksText(s),
    [
      [
        s.risks.notAssessed,
        tx(
          `${s.risks.notAssessed}件のリスクが評価されていません。`,
          `${s.risks.notAssessed} risks are not assessed.`,
        ),
      ],
    ],
  );

const likelihoodRule: Rule = (s) =>
  registerEvaluation(
    s,
    {
      risksNotAssessed: s.risks.notAssessed,
      assessments: s.risks.assessments,
      lastAssessedOn: s.risks.lastAssessedOn,
      assessedRisks: s.deep.assessedRisks,
      withExistingControls: s.deep.withExistingControls,
    },
    joinTexts([
      risksText(s),
      tx(
        `評価済みのリスク${s.deep.assessedRisks}件のうち${s.deep.withExistingControls}件で既存の管理策を考慮しています。`,
        `${s.deep.withExistingControls} of ${s.deep.assessedRisks} assessed risks record the existing controls their likelihood took into account.`,
      ),
    ]),
    [
      [
        s.deep.withoutExistingControls.count,
        tx(
          `${s.deep.withoutExistingControls.count}件のリスクに既存の管理策が記録されておらず、起こりやすさがそれを考慮したか分かりません。`,
          `${s.deep.withoutExistingControls.count} risks record no existing controls, so it cannot be seen that their likelihood took them into account.`,
        ),
      ],
      [
        s.risks.notAssessed,
        tx(
          `${s.risks.notAssessed}件のリスクが評価されていません。`,
          `${s.risks.notAssessed} risks are not assessed.`,
        ),
      ],
      [
        s.risks.assessments === 0 ? 1 : 0,
        tx(
          '日付のあるリスクアセスメントの実施記録がありません。',
          'No dated risk assessment run is recorded.',
        ),
      ],
    ],
    [
      evidence(REGISTER, 'リスク台帳', 'Risk register'),
      evidence('/risks/assessments', 'リスクアセスメントの実施', 'Assessment runs'),
      ...s.deep.withoutExistingControls.refs.map((r) =>
        gap(
          `${REGISTER}?q=${encodeURIComponent(r.label)}`,
          `${r.label}: 既存の管理策なし`,
          `${r.label}: no existing controls`,
        ),
      ),
    ],
  );

const evaluatedRule: Rule = (s) =>
  registerEvaluation(
    s,
    { notEvaluated: s.risks.notEvaluated, treat: s.risks.treat, accept: s.risks.accept },
    joinTexts([
      risksText(s),
      tx(
        `対応${s.risks.treat}件、受容${s.risks.accept}件です。`,
        `${s.risks.treat} to treat, ${s.risks.accept} accepted by the criteria.`,
      ),
    ]),
    [
      [
        s.risks.notEvaluated,
        tx(
          `${s.risks.notEvaluated}件のリスクが受容・対応に判定されていません。`,
          `${s.risks.notEvaluated} risks are not evaluated as accept or treat.`,
        ),
      ],
    ],
  );

/** 4.2.1.f.1–4: an option chosen for every risk to treat, and the facts each option needs. */
function optionRule(
  option: keyof ConformitySnapshot['risks']['options'],
  extra: (s: ConformitySnapshot) => [number, LocalizedText][],
): Rule {
  return (s) =>
    registerEvaluation(
      s,
      {
        treat: s.risks.treat,
        treatWithoutOption: s.risks.treatWithoutOption,
        [option]: s.risks.options[option],
      },
      tx(
        `対応が必要なリスク${s.risks.treat}件のうち${s.risks.options[option]}件がこの選択肢です。`,
        `${s.risks.options[option]} of ${s.risks.treat} risks to treat use this option.`,
      ),
      [
        [
          s.risks.treatWithoutOption,
          tx(
            `${s.risks.treatWithoutOption}件のリスクに対応の選択肢がありません。`,
            `${s.risks.treatWithoutOption} risks to treat have no treatment option.`,
          ),
        ],
        ...extra(s),
      ],
      [
        evidence(PLAN, 'リスク対応', 'Risk treatment'),
        ...gapIf(
          s.risks.treatWithoutOption,
          TREAT_WITHOUT_OPTION,
          '対応の選択肢がないリスク',
          'Risks to treat without an option',
        ),
      ],
    );
}

const selectedControlsRule: Rule = (s) => {
  const r = s.risks;
  const soaNotApplicable = new Set(s.soa?.notApplicableIds ?? []);
  const contradicted = r.selectedControlIds.filter((id) => soaNotApplicable.has(id));
  const data = {
    selectedControls: r.selectedControlIds,
    applyWithoutControls: r.applyWithoutControls,
    selectedButNotApplicable: contradicted,
  };
  if (r.risks > 0 && r.options.apply_controls > 0 && r.selectedControlIds.length === 0) {
    return notMet(
      tx(
        '管理策を適用するリスクに管理策が選ばれていません。',
        'No controls are selected for the risks to be treated by controls.',
      ),
      [gap(PLAN, 'リスク対応', 'Risk treatment')],
      data,
    );
  }
  return registerEvaluation(
    s,
    data,
    tx(
      `${r.selectedControlIds.length}件の管理策がリスク対応のために選ばれています。`,
      `${r.selectedControlIds.length} controls are selected to treat risks.`,
    ),
    [
      [
        r.applyWithoutControls,
        tx(
          `${r.applyWithoutControls}件のリスクは管理策の適用を選びながら管理策がありません。`,
          `${r.applyWithoutControls} risks chose to apply controls but name none.`,
        ),
      ],
      [
        contradicted.length,
        tx(
          `適用宣言書で不採用の管理策が選ばれています: ${contradicted.join(', ')}。`,
          `Selected controls are not applicable in the SoA: ${contradicted.join(', ')}.`,
        ),
      ],
    ],
    [
      evidence(PLAN, 'リスク対応', 'Risk treatment'),
      evidence('/statement-of-applicability', '適用宣言書', 'Statement of Applicability'),
    ],
  );
};

export const RISK_RULES: Record<string, Rule> = {
  '4.2.1.d.2': threatsRule,
  '4.2.1.d.3': vulnerabilitiesRule,
  '4.2.1.d.4': impactsRule,
  '4.2.1.e.1': assessedRule,
  '4.2.1.e.2': likelihoodRule,
  '4.2.1.e.3': assessedRule,
  '4.2.1.e.4': evaluatedRule,
  '4.2.1.f.1': optionRule('apply_controls', (s) => [
    [
      s.risks.applyWithoutControls,
      tx(
        `${s.risks.applyWithoutControls}件のリスクに管理策がありません。`,
        `${s.risks.applyWithoutControls} of them name no control.`,
      ),
    ],
  ]),
  '4.2.1.f.2': optionRule('retain', (s) => [
    [
      s.risks.retainNotApproved,
      tx(
        `${s.risks.retainNotApproved}件の保有が経営陣に承認されていません。`,
        `${s.risks.retainNotApproved} retained risks are not approved by top management.`,
      ),
    ],
  ]),
  '4.2.1.f.3': optionRule('avoid', () => []),
  '4.2.1.f.4': optionRule('transfer', (s) => [
    [
      s.risks.transferWithoutParty,
      tx(
        `${s.risks.transferWithoutParty}件の移転に移転先がありません。`,
        `${s.risks.transferWithoutParty} transferred risks name no party.`,
      ),
    ],
  ]),
  '4.2.1.g': selectedControlsRule,
};
