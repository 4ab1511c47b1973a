import type { ConformitySnapshot, Evaluation, LocalizedText, Rule } from '../types.ts';
import {
  day,
  evidence,
  gap,
  joinTexts,
  met,
  notMet,
  partlyMet,
  tx,
  versionStatus,
} from '../text.ts';

/** 4.2.1.h (and 4.3.1.g): the Statement of Applicability, complete and approved. */

const SOA = '/statement-of-applicability';

export function soaProblems(s: ConformitySnapshot): LocalizedText[] {
  const soa = s.soa!;
  const listed = new Set(soa.controlIds);
  // Against the statement's own library when known (a 2022 statement after migration).
  const missing = soa.missingControlIds ?? [...s.annexControlIds].filter((id) => !listed.has(id));
  const faults: [number, LocalizedText][] = [
    [
      missing.length,
      tx(
        `附属書の管理策${missing.length}件が記載されていません。`,
        `${missing.length} annex controls are missing from it.`,
      ),
    ],
    [
      soa.undecided,
      tx(
        `${soa.undecided}件の管理策の採否が決まっていません。`,
        `${soa.undecided} controls have no applicability decision.`,
      ),
    ],
    [
      soa.applicableWithoutReason,
      tx(
        `採用した${soa.applicableWithoutReason}件の管理策に理由がありません。`,
        `${soa.applicableWithoutReason} applicable controls give no reason.`,
      ),
    ],
    [
      soa.excludedWithoutReason,
      tx(
        `不採用の${soa.excludedWithoutReason}件に理由がありません。`,
        `${soa.excludedWithoutReason} controls not applicable give no reason.`,
      ),
    ],
    [
      soa.excludedWithoutAcceptance,
      tx(
        `不採用の${soa.excludedWithoutAcceptance}件にリスク受容者がいません。`,
        `${soa.excludedWithoutAcceptance} controls not applicable have no risk acceptance.`,
      ),
    ],
    [
      soa.proposed,
      tx(
        `${soa.proposed}件が提案のままで確認されていません。`,
        `${soa.proposed} entries are still unconfirmed proposals.`,
      ),
    ],
  ];
  return faults.filter(([n]) => n > 0).map(([, t]) => t);
}

export function soaEvaluation(s: ConformitySnapshot): Evaluation {
  const soa = s.soa;
  if (!soa) {
    return notMet(
      tx('適用宣言書がありません。', 'There is no Statement of Applicability.'),
      [gap(SOA, '適用宣言書を作成する', 'Prepare the Statement of Applicability')],
      {},
    );
  }
  const data = {
    version: soa.number,
    status: soa.status,
    approvedAt: soa.approvedAt,
    approvedByTopManagement: soa.approvedByTopManagement,
    entries: soa.entries,
    undecided: soa.undecided,
    applicableWithoutReason: soa.applicableWithoutReason,
    excludedWithoutReason: soa.excludedWithoutReason,
    excludedWithoutAcceptance: soa.excludedWithoutAcceptance,
    proposed: soa.proposed,
  };
  const approved = soa.status === 'approved';
  const base = approved
    ? tx(
        `適用宣言書 第${soa.number}版が${day(soa.approvedAt)}に承認されています（${soa.entries}件）。`,
        `Statement of Applicability version ${soa.number} was approved on ${day(soa.approvedAt)} (${soa.entries} entries).`,
      )
    : tx(
        `適用宣言書 第${soa.number}版は承認されていません（状態：${versionStatus(soa.status).ja}）。`,
        `Statement of Applicability version ${soa.number} is not approved (status: ${versionStatus(soa.status).en}).`,
      );
  const faults = soaProblems(s);
  if (approved && !soa.approvedByTopManagement) {
    faults.push(tx('承認者が経営陣ではありません。', 'It was not approved by top management.'));
  }
  const links = [evidence(SOA, '適用宣言書', 'Statement of Applicability')];
  if (!approved || faults.length) return partlyMet(joinTexts([base, ...faults]), links, data);
  return met(base, links, data);
}

export const STATEMENT_RULES: Record<string, Rule> = {
  '4.2.1.h': soaEvaluation,
  '4.3.1.g': soaEvaluation,
};
