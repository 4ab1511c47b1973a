import type { ConformitySnapshot, Evaluation } from '../types.ts';
import { evidence, gap, joinTexts, met, notMet, partlyMet, tx } from '../text.ts';

/**
 * 5.1.c: ISMS roles are assigned (someone holds top management and someone
 * the ISMS manager role) and written down in an approved ISMS policy.
 */
export function rolesRule(s: ConformitySnapshot): Evaluation {
  const top = s.roles.top_management ?? 0;
  const manager = s.roles.isms_manager ?? 0;
  const owners = s.roles.owner ?? 0;
  const policyApproved = s.documents.policy !== null;
  const data = { topManagement: top, ismsManagers: manager, owners, policyApproved };
  const text = tx(
    `経営陣${top}名、ISMS管理責任者${manager}名、情報資産の責任者（所有者）${owners}名が割り当てられています。`,
    `${top} top management, ${manager} ISMS manager and ${owners} owner role holders are assigned.`,
  );
  const users = evidence('/admin/users', '利用者と役割', 'Users and roles');
  if (!top || !manager) {
    return (top || manager ? partlyMet : notMet)(
      text,
      [gap('/admin/users', '役割を割り当てる', 'Assign roles')],
      data,
    );
  }
  if (!policyApproved) {
    return partlyMet(
      joinTexts([
        text,
        tx(
          '役割と責任を定めた発行済みのISMS基本方針がありません。',
          'No issued ISMS policy writes the roles and responsibilities down.',
        ),
      ]),
      [users, gap('/documents', 'ISMS基本方針', 'ISMS policy')],
      data,
    );
  }
  return met(text, [users], data);
}

/**
 * 4.2.3.f: Mamoru records every change to the ISMS in its audit trail; events
 * outside Mamoru (incidents, visitors…) need records of their own, so the
 * trail alone is partial evidence.
 */
export function auditTrailRule(s: ConformitySnapshot): Evaluation {
  const n = s.auditEvents90d;
  const data = { auditEventsLast90Days: n };
  if (n === 0) {
    return notMet(
      tx(
        '直近90日にISMSの変更記録がありません。',
        'No change to the ISMS was recorded in the last 90 days.',
      ),
      [],
      data,
    );
  }
  return partlyMet(
    tx(
      `直近90日に${n >= 10000 ? '10000件以上' : `${n}件`}の変更が監査証跡に記録されています。Mamoru外の事象の記録はまだありません。`,
      `The audit trail recorded ${n >= 10000 ? '10,000 or more' : n} changes in the last 90 days; events outside Mamoru are not recorded yet.`,
    ),
    [evidence('/admin/audit', '監査証跡', 'Audit trail')],
    data,
  );
}
