import type { ConformityLink, ConformitySnapshot, Evaluation, LocalizedText } from '../types.ts';
import { day, evidence, gap, joinTexts, met, notMet, partlyMet, tx } from '../text.ts';

/**
 * Rules evidenced by decisions in the approvals workflow: what management
 * signed off, when and whether the decider held top management.
 */
interface ApprovalEvidence {
  type: string;
  what: LocalizedText;
  /** Where the object lives, for links. */
  href: string;
  /** Require the decider to hold top management (the criteria ask management to decide). */
  byTopManagement?: boolean;
  /** Extra facts of the area, when its tables exist; partial until then. */
  extra?: (s: ConformitySnapshot) => { faults: LocalizedText[]; links: ConformityLink[] } | null;
}

export function approvalEvaluation(s: ConformitySnapshot, e: ApprovalEvidence): Evaluation {
  const f = s.approvals[e.type];
  const data = {
    approvalType: e.type,
    approved: f?.approved ?? 0,
    pending: f?.pending ?? 0,
    lastApprovedAt: f?.lastApprovedAt ?? null,
    lastApprovedByTopManagement: f?.lastApprovedByTopManagement ?? false,
  };
  const inbox = `/approvals`;
  if (!f || f.approved === 0) {
    const pending = f?.pending ?? 0;
    return (pending ? partlyMet : notMet)(
      pending
        ? tx(
            `${e.what.ja}の承認を待っています（${pending}件）。`,
            `Approval of the ${e.what.en} is pending (${pending}).`,
          )
        : tx(`承認された${e.what.ja}がありません。`, `No approved ${e.what.en} is recorded.`),
      [
        gap(
          pending ? inbox : e.href,
          pending ? '承認待ち' : '作成する',
          pending ? 'Waiting approvals' : 'Prepare it',
        ),
      ],
      data,
    );
  }
  const base = tx(
    `${e.what.ja}が${day(f.lastApprovedAt)}に承認されています。`,
    `The ${e.what.en} was approved on ${day(f.lastApprovedAt)}.`,
  );
  const faults: LocalizedText[] = [];
  const links: ConformityLink[] = [evidence(e.href, e.what.ja, e.what.en)];
  if (e.byTopManagement && !f.lastApprovedByTopManagement) {
    faults.push(
      tx(
        '承認者がトップマネジメントの役割を持っていません。',
        'The approver did not hold the top management role.',
      ),
    );
  }
  const extra = e.extra?.(s);
  if (extra) {
    faults.push(...extra.faults);
    links.push(...extra.links);
  }
  return faults.length
    ? partlyMet(joinTexts([base, ...faults]), links, data)
    : met(base, links, data);
}
