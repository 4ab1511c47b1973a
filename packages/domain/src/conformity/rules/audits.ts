import { englishDisplayId } from '@mamoru/contracts';
import type { AuditFacts, CatalogRef } from '@mamoru/db/repositories/conformity-audits';
import type { ConformityLink, ConformitySnapshot, Evaluation, Rule } from '../types.ts';
import { evidence, gap, judge, notMet, partlyMet, tx, versionStatus, type Fault } from '../text.ts';

/**
 * Internal audits (4.2.3.d, 6.4.a–d), judged from the programme, the audits'
 * approved reports and checklists, the team's independence and the follow-up
 * of findings. Every gap links to the programme, audit, finding or clause at fault.
 */

const AREA = '/internal-audits';
const PROGRAMME = `${AREA}/programme`;
/** Links per kind of fault; the text still counts all of them. */
const LINK_CAP = 10;

const auditHref = (id: string) => `${AREA}/${id}`;

function programmeData(a: AuditFacts) {
  return {
    programmeFiscalYear: a.programme?.fiscalYear ?? null,
    programmeVersion: a.programme?.number ?? null,
    programmeApprovedAt: a.programme?.approvedAt ?? null,
    cycleMonths: a.cycleMonths,
    programmeAudits: a.programmeAudits,
    reportedAudits: a.reportedAudits,
    unreportedAudits: a.unreported,
  };
}

/** No approved programme for today: nothing else of the cycle can be judged. */
function withoutProgramme(a: AuditFacts, data: Evaluation['data']): Evaluation {
  const links = [gap(PROGRAMME, '監査プログラム', 'Audit programme')];
  return a.latestProgrammeStatus
    ? partlyMet(
        tx(
          `今期の監査プログラムは承認されていません（最新版の状態: ${versionStatus(a.latestProgrammeStatus).ja}）。`,
          `No audit programme is approved for the current cycle (latest version: ${versionStatus(a.latestProgrammeStatus).en}).`,
        ),
        links,
        data,
      )
    : notMet(
        tx('内部監査のプログラムがありません。', 'No internal audit programme exists.'),
        links,
        data,
      );
}

const unreportedLinks = (a: AuditFacts): ConformityLink[] =>
  a.unreportedAudits
    .slice(0, LINK_CAP)
    .map((r) => gap(auditHref(r.id), `監査 ${r.code}`, `Audit ${r.code}`));

const unreportedFault = (a: AuditFacts): Fault => [
  a.unreported,
  tx(
    `終了予定日を過ぎて報告書が承認されていない監査が${a.unreported}件あります。`,
    `${a.unreported} audits past their end date have no approved report.`,
  ),
];

/** 4.2.3.d: audits at planned intervals — an approved programme in force, audits reported. */
const plannedIntervalsRule: Rule = (s) => {
  const a = s.audits;
  const data = programmeData(a);
  if (!a.programme) return withoutProgramme(a, data);
  const p = a.programme;
  const base = tx(
    `${p.fiscalYear}年度の監査プログラム 第${p.number}版（${p.periodStart}〜${p.periodEnd}）が承認され、${a.programmeAudits}件の監査が計画されています。`,
    `The ${p.fiscalYear} audit programme version ${p.number} (${p.periodStart} to ${p.periodEnd}) is approved and plans ${a.programmeAudits} audits.`,
  );
  const faults: Fault[] = [
    [
      a.programmeAudits === 0 ? 1 : 0,
      tx('プログラムに監査が計画されていません。', 'The programme plans no audit.'),
    ],
    [
      p.approvedByTopManagement ? 0 : 1,
      tx('承認者が経営陣ではありません。', 'It was not approved by top management.'),
    ],
    unreportedFault(a),
  ];
  const links = [evidence(PROGRAMME, '監査プログラム', 'Audit programme'), ...unreportedLinks(a)];
  return judge(base, faults, links, data);
};

const clauseLabel = (r: CatalogRef) => ({
  ja: r.displayId,
  en: englishDisplayId(r.id, r.displayId),
});

/** Coverage of the cycle: the requirement items or the applicable controls not yet audited. */
function coverageEvaluation(s: ConformitySnapshot, kind: 'requirement' | 'control'): Evaluation {
  const a = s.audits;
  const total = kind === 'requirement' ? a.requirementItems : a.applicableControls;
  const missing = kind === 'requirement' ? a.unauditedRequirements : a.unauditedControls;
  const data = {
    ...programmeData(a),
    [kind === 'requirement' ? 'requirementItems' : 'applicableControls']: total,
    unaudited: missing.length,
    unauditedIds: missing.map((m) => m.id),
  };
  if (!a.programme) return withoutProgramme(a, data);
  if (kind === 'control' && total === 0) {
    return notMet(
      tx(
        '承認された適用宣言書に適用する管理策がありません。',
        'No approved statement of applicability lists applicable controls.',
      ),
      [gap('/statement-of-applicability', '適用宣言書', 'Statement of applicability')],
      data,
    );
  }
  const audited = total - missing.length;
  const months = a.cycleMonths;
  const base =
    kind === 'requirement'
      ? tx(
          `直近${months}か月に承認された監査報告書で、要求事項${total}項目のうち${audited}項目が監査されています。`,
          `Approved audit reports of the last ${months} months cover ${audited} of ${total} requirement items.`,
        )
      : tx(
          `直近${months}か月に承認された監査報告書で、適用する管理策${total}件のうち${audited}件が監査されています。`,
          `Approved audit reports of the last ${months} months cover ${audited} of ${total} applicable controls.`,
        );
  const links = [
    evidence(PROGRAMME, '監査プログラム', 'Audit programme'),
    ...missing.slice(0, LINK_CAP).map((m) => {
      const label = clauseLabel(m);
      return gap(PROGRAMME, `未監査: ${label.ja}`, `Not audited: ${label.en}`);
    }),
  ];
  if (audited === 0 && total > 0) {
    return notMet(
      tx(
        `直近${months}か月に監査された${kind === 'requirement' ? '要求事項' : '管理策'}がありません。`,
        `No ${kind === 'requirement' ? 'requirement item' : 'applicable control'} was audited in the last ${months} months.`,
      ),
      links,
      data,
    );
  }
  const fault: Fault = [
    missing.length,
    kind === 'requirement'
      ? tx(`${missing.length}項目が未監査です。`, `${missing.length} items have not been audited.`)
      : tx(
          `${missing.length}件が未監査です。`,
          `${missing.length} controls have not been audited.`,
        ),
  ];
  return judge(base, [fault], links, data);
}

/** 6.4.c: results acted on — reports approved and findings verified by their due date. */
const followUpRule: Rule = (s) => {
  const a = s.audits;
  const data = {
    ...programmeData(a),
    overdueFindings: a.overdueFindings,
  };
  if (!a.programme) return withoutProgramme(a, data);
  const base = tx(
    `承認された監査報告書が${a.reportedAudits}件あります。`,
    `${a.reportedAudits} audit reports are approved.`,
  );
  const faults: Fault[] = [
    [
      a.reportedAudits === 0 ? 1 : 0,
      tx('今期に承認された監査報告書がありません。', 'No audit report is approved in the cycle.'),
    ],
    unreportedFault(a),
    [
      a.overdueFindings,
      tx(
        `期限を過ぎて是正の検証が済んでいない指摘が${a.overdueFindings}件あります。`,
        `${a.overdueFindings} findings are past their due date without a verified correction.`,
      ),
    ],
  ];
  const links = [
    evidence(AREA, '内部監査', 'Internal audits'),
    ...unreportedLinks(a),
    ...a.overdueFindingRefs
      .slice(0, LINK_CAP)
      .map((f) =>
        gap(
          `${auditHref(f.auditId)}?tab=findings&finding=${f.id}`,
          `${f.code} 指摘${f.number}（期限 ${f.dueDate}）`,
          `${f.code} finding ${f.number} (due ${f.dueDate})`,
        ),
      ),
  ];
  return judge(base, faults, links, data);
};

/** 6.4.d: audits performed objectively — no auditor on the team audits their own work. */
const impartialityRule: Rule = (s) => {
  const a = s.audits;
  const data = { ...programmeData(a), conflicts: a.conflicts };
  if (!a.programme) return withoutProgramme(a, data);
  const base = tx(
    `今期の監査${a.programmeAudits}件の監査員の独立性を確認しました。`,
    `The independence of the auditors of ${a.programmeAudits} audits in the cycle was checked.`,
  );
  const faults: Fault[] = [
    [
      a.conflicts,
      tx(
        `自らの部門・資産・文書を監査する監査員の割当てが${a.conflicts}件あります。`,
        `${a.conflicts} team assignments have an auditor auditing their own unit, assets or documents.`,
      ),
    ],
  ];
  const links = [
    evidence(`${AREA}/auditors`, '内部監査員', 'Internal auditors'),
    ...a.conflictRefs
      .slice(0, LINK_CAP)
      .map((c) =>
        gap(auditHref(c.auditId), `${c.code}: ${c.userName}`, `${c.code}: ${c.userName}`),
      ),
  ];
  return judge(base, faults, links, data);
};

export const AUDIT_RULES: Record<string, Rule> = {
  '4.2.3.d': plannedIntervalsRule,
  '6.4.a': (s) => coverageEvaluation(s, 'requirement'),
  '6.4.b': (s) => coverageEvaluation(s, 'control'),
  '6.4.c': followUpRule,
  '6.4.d': impartialityRule,
};
