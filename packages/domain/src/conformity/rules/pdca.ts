import type { ConformitySnapshot, LocalizedText, Rule } from '../types.ts';
import { evidence, gap, judge, notMet, tx } from '../text.ts';

/** One activity of a PDCA phase: whether the organization's data shows it, and where. */
interface Activity {
  phase: 'plan' | 'do' | 'check' | 'act';
  done: (s: ConformitySnapshot) => boolean;
  missing: LocalizedText;
  href: string;
}

/**
 * 4.1: the ISMS runs through the whole cycle. Each phase must show its core
 * activities in the data: planned (approved scope, a dated risk assessment,
 * an approved SoA), done (treatment under way, procedures issued, controls
 * operated, people trained), checked (objectives measured, an audit reported,
 * a review within its interval) and acted on (nonconformities closed or
 * improvements implemented).
 */
export const ACTIVITIES: Activity[] = [
  {
    phase: 'plan',
    done: (s) => s.scope.approvedNumber !== null,
    missing: tx('承認された適用範囲がありません。', 'No approved scope.'),
    href: '/scope',
  },
  {
    phase: 'plan',
    done: (s) => s.risks.assessments > 0,
    missing: tx('リスクアセスメントの実施記録がありません。', 'No risk assessment run.'),
    href: '/risks/assessments',
  },
  {
    phase: 'plan',
    done: (s) => s.soa?.status === 'approved',
    missing: tx('承認された適用宣言書がありません。', 'No approved Statement of Applicability.'),
    href: '/statement-of-applicability',
  },
  {
    phase: 'do',
    done: (s) => s.treatment.actions > 0,
    missing: tx('リスク対応計画に処置がありません。', 'The risk treatment plan holds no action.'),
    href: '/treatment-plan',
  },
  {
    phase: 'do',
    done: (s) => s.documents.issuedProcedures > 0,
    missing: tx('発行された手順書がありません。', 'No procedure is issued.'),
    href: '/documents',
  },
  {
    phase: 'do',
    done: (s) => s.people.training.awarenessCompleted > 0,
    missing: tx('意識向上教育の修了記録がありません。', 'Nobody has completed awareness training.'),
    href: '/training',
  },
  {
    phase: 'do',
    done: (s) => s.controls.results12m > 0,
    missing: tx('管理策の点検結果がありません。', 'No control check result is recorded.'),
    href: '/controls',
  },
  {
    phase: 'check',
    done: (s) => s.objectives.measurements12m > 0,
    missing: tx('ISMSの目的の測定がありません。', 'No ISMS objective is measured.'),
    href: '/objectives',
  },
  {
    phase: 'check',
    done: (s) => s.audits.reportedAudits > 0,
    missing: tx(
      '今期の内部監査の承認済み報告書がありません。',
      'No approved internal audit report this cycle.',
    ),
    href: '/internal-audits',
  },
  {
    phase: 'check',
    done: (s) => s.reviews.lastApproved !== null && (s.reviews.nextDueOn ?? '') >= s.today,
    missing: tx(
      '間隔内に承認されたマネジメントレビューがありません。',
      'No management review approved within its interval.',
    ),
    href: '/management-review',
  },
  {
    phase: 'act',
    done: (s) =>
      s.improvement.closed.nonconformity > 0 || s.improvement.improvements.implemented > 0,
    missing: tx(
      '完了した是正処置も実施された改善もありません。',
      'No nonconformity is closed and no improvement implemented.',
    ),
    href: '/corrective-actions',
  },
];

const PHASE = {
  plan: tx('計画', 'Plan'),
  do: tx('実行', 'Do'),
  check: tx('点検', 'Check'),
  act: tx('処置', 'Act'),
} as const;

export const pdcaRule: Rule = (s) => {
  const missing = ACTIVITIES.filter((a) => !a.done(s));
  const phasesInUse = (['plan', 'do', 'check', 'act'] as const).filter((p) =>
    ACTIVITIES.some((a) => a.phase === p && a.done(s)),
  );
  const data = {
    phasesInUse: phasesInUse.map((p) => p),
    missing: missing.length,
  };
  const base = tx(
    `PDCAの${phasesInUse.length}段階（${phasesInUse.map((p) => PHASE[p].ja).join('・') || 'なし'}）で活動が記録されています。`,
    `Activities are recorded in ${phasesInUse.length} of the four PDCA phases (${phasesInUse.map((p) => PHASE[p].en).join(', ') || 'none'}).`,
  );
  const links = missing.map((a) => gap(a.href, PHASE[a.phase].ja, PHASE[a.phase].en));
  if (phasesInUse.length === 0) return notMet(base, links, data);
  return judge(
    base,
    missing.map((a) => [1, a.missing]),
    [evidence('/conformity', '適合状況', 'Conformity'), ...links],
    data,
  );
};
