import type { ConformitySnapshot, Evaluation } from '../types.ts';
import { evidence, notMet, partlyMet, tx } from '../text.ts';

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
