import type { IncidentRef } from '@mamoru/db/repositories/conformity-incidents';
import { incidentReference } from '../../incidents/workflow.ts';
import { evidence, gap, judge, notMet, plural, tx, type Fault } from '../text.ts';
import type { ConformityLink, ConformitySnapshot, LocalizedText, Rule } from '../types.ts';

/**
 * Incidents as the ISMS's own monitoring (4.2.2.g, 4.2.3.a.1/2/4, 4.2.3.f and
 * the incident part of 4.3.3): a response procedure is issued and followed,
 * reports keep coming in and are triaged within the organization's target,
 * every closed incident decides something against recurrence and leaves a
 * record, and the event log holds more than Mamoru writes by itself.
 * 4.2.3.a.3 (management sees whether security works) is left to the reviews.
 */

const INCIDENTS = '/incidents';
const EVENTS = '/isms-events';
const PROCEDURES = '/documents?type=procedure';

interface Counted {
  count: number;
  refs: IncidentRef[];
}

/** Incident types as the reader says them. */
const TYPE_WORDS: Record<string, LocalizedText> = {
  incident: tx('事件・事故', 'incident'),
  suspected: tx('事件・事故の疑い', 'suspected incident'),
  weakness: tx('弱点', 'weakness'),
  malfunction: tx('誤動作', 'malfunction'),
  near_miss: tx('ヒヤリハット', 'near miss'),
};

/** A gap link to one incident, named by reference and type (titles stay in the incidents area). */
const incidentLink = (r: IncidentRef): ConformityLink => {
  const ref = incidentReference(r.number);
  const word = TYPE_WORDS[r.type];
  return word
    ? gap(`${INCIDENTS}/${r.id}`, `${ref}（${word.ja}）`, `${ref} (${word.en})`)
    : gap(`${INCIDENTS}/${r.id}`, ref, ref);
};
const linksOf = (...lists: Counted[]) => {
  const seen = new Set<string>();
  return lists
    .flatMap((l) => l.refs)
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map(incidentLink);
};
const counted = (c: Counted, text: (n: number) => LocalizedText): Fault => [c.count, text(c.count)];
const incidentsEvidence = () => evidence(INCIDENTS, 'インシデント', 'Incidents');

const procedureLinks = (codes: string[]) =>
  codes.length
    ? codes.map((code) =>
        evidence(`/documents?q=${encodeURIComponent(code)}`, `手順書 ${code}`, `Procedure ${code}`),
      )
    : [
        gap(
          PROCEDURES,
          'インシデント対応手順（未発行）',
          'Incident response procedure (none issued)',
        ),
      ];

const untriagedText = (s: ConformitySnapshot) => (n: number) =>
  tx(
    `${n}件の報告が目標の${s.incidents.triageTargetHours}時間を過ぎてもトリアージされていません。`,
    `${plural(n, 'report waits', 'reports wait')} for triage past the ${s.incidents.triageTargetHours}-hour target.`,
  );

/** 4.2.2.g: an issued procedure for detecting and responding to incidents, and incidents handled by it. */
const procedureRule: Rule = (s) => {
  const i = s.incidents;
  const data = {
    procedures: i.procedures,
    incidentsRecorded: i.total,
    reportsLast12Months: i.reported12m,
    triagedLast12Months: i.triaged12m,
    waitingForTriagePastTarget: i.untriagedLate.count,
    openWithoutActivityFor30Days: i.stalled.count,
  };
  if (!i.procedures.length && i.total === 0) {
    return notMet(
      tx(
        '4.2.2.gを付けた発行済みのインシデント対応手順がなく、インシデントの記録もありません。',
        'No issued incident response procedure is tagged with 4.2.2.g, and no incident is recorded.',
      ),
      procedureLinks([]),
      data,
    );
  }
  const base = tx(
    `発行済みの対応手順${i.procedures.length}件、記録されたインシデント${i.total}件があり、直近12か月の報告${i.reported12m}件のうち${i.triaged12m}件がトリアージされています。`,
    `${plural(i.procedures.length, 'issued response procedure', 'issued response procedures')} and ${plural(i.total, 'recorded incident', 'recorded incidents')}; ${i.triaged12m} of the ${plural(i.reported12m, 'report', 'reports')} of the last 12 months ${i.triaged12m === 1 ? 'was' : 'were'} triaged.`,
  );
  const faults: Fault[] = [
    [
      i.procedures.length ? 0 : 1,
      tx(
        '4.2.2.gを付けた発行済みの対応手順がありません。',
        'No issued response procedure is tagged with 4.2.2.g.',
      ),
    ],
    [
      i.total ? 0 : 1,
      tx(
        '手順に沿って対応したインシデントの記録がまだありません。',
        'No incident has been handled under the procedure yet.',
      ),
    ],
    counted(i.untriagedLate, untriagedText(s)),
    counted(i.stalled, (n) =>
      tx(
        `対応中の${n}件に30日間、対応の記録がありません。`,
        `${plural(n, 'open incident has', 'open incidents have')} recorded no response for 30 days.`,
      ),
    ),
  ];
  const links = [
    ...procedureLinks(i.procedures),
    ...(i.total ? [incidentsEvidence()] : []),
    ...linksOf(i.untriagedLate, i.stalled),
  ];
  return judge(base, faults, links, data);
};

const noReports = () =>
  tx(
    '直近12か月にインシデントの報告がありません。',
    'No incident was reported in the last 12 months.',
  );

/** 4.2.3.a.1: errors in processing come to light: malfunctions reported, by people or monitoring tools. */
const processingErrorsRule: Rule = (s) => {
  const i = s.incidents;
  const data = {
    reportsLast12Months: i.reported12m,
    malfunctionsLast12Months: i.malfunctions12m,
    monitoringToolReportsLast12Months: i.toolReports12m,
  };
  if (i.reported12m === 0) {
    return notMet(noReports(), [gap(INCIDENTS, 'インシデント', 'Incidents')], data);
  }
  const base = tx(
    `直近12か月の報告${i.reported12m}件のうち、誤動作の報告が${i.malfunctions12m}件、監視ツールからの報告が${i.toolReports12m}件です。`,
    `Of the ${plural(i.reported12m, 'report', 'reports')} of the last 12 months, ${i.malfunctions12m} concern malfunctions and ${i.toolReports12m} came from monitoring tools.`,
  );
  const silent = i.malfunctions12m + i.toolReports12m === 0;
  return judge(
    base,
    [
      [
        silent ? 1 : 0,
        tx(
          '処理の誤りを示す誤動作の報告も、監視ツールからの報告もありません。',
          'Neither a malfunction nor a monitoring tool reported an error in processing.',
        ),
      ],
    ],
    [silent ? gap(INCIDENTS, 'インシデント', 'Incidents') : incidentsEvidence()],
    data,
  );
};

/** 4.2.3.a.2: breaches and attempts are identified: reports keep coming and are triaged on time. */
const breachesRule: Rule = (s) => {
  const i = s.incidents;
  const data = {
    reportsLast12Months: i.reported12m,
    breachesLast12Months: i.breaches12m,
    triagedLast12Months: i.triaged12m,
    triageTargetHours: i.triageTargetHours,
    triagedPastTarget: i.triagedLate.count,
    waitingForTriagePastTarget: i.untriagedLate.count,
  };
  if (i.reported12m === 0) {
    return notMet(noReports(), [gap(INCIDENTS, 'インシデント', 'Incidents')], data);
  }
  const base = tx(
    `直近12か月に${i.reported12m}件の報告（うち事件・事故、その疑い又は弱点${i.breaches12m}件）があり、${i.triaged12m}件がトリアージされています。目標は${i.triageTargetHours}時間以内です。`,
    `${plural(i.reported12m, 'report', 'reports')} came in over the last 12 months (${i.breaches12m} incidents, suspected incidents or weaknesses) and ${i.triaged12m} ${i.triaged12m === 1 ? 'was' : 'were'} triaged; the target is ${i.triageTargetHours} hours.`,
  );
  const faults: Fault[] = [
    counted(i.triagedLate, (n) =>
      tx(
        `${n}件は目標時間を過ぎてからトリアージされました。`,
        `${plural(n, 'report was', 'reports were')} triaged after the target.`,
      ),
    ),
    counted(i.untriagedLate, untriagedText(s)),
  ];
  const links = [incidentsEvidence(), ...linksOf(i.untriagedLate, i.triagedLate)];
  return judge(base, faults, links, data);
};

/** 4.2.3.a.4: every closed incident decides an action against recurrence. */
const recurrenceRule: Rule = (s) => {
  const i = s.incidents;
  const data = {
    closedIncidents: i.closed,
    closedWithNonconformityOrImprovement: i.closedWithRaised,
    closedWithoutRecurrenceAction: i.withoutRecurrenceAction.count,
  };
  if (i.closed === 0) {
    return notMet(
      tx(
        '完了したインシデントがなく、再発防止の処置の決定を示せません。',
        'No incident is closed yet, so no decision against recurrence can be shown.',
      ),
      [gap(INCIDENTS, 'インシデント', 'Incidents')],
      data,
    );
  }
  const base = tx(
    `完了したインシデント${i.closed}件のうち${i.closedWithRaised}件が不適合又は改善を起票しています。`,
    `${i.closedWithRaised} of ${plural(i.closed, 'closed incident', 'closed incidents')} raised a nonconformity or an improvement.`,
  );
  const faults: Fault[] = [
    counted(i.withoutRecurrenceAction, (n) =>
      tx(
        `${n}件は再発防止の処置を記載せず、不適合も改善も起票していません。`,
        `${plural(n, 'closed incident states', 'closed incidents state')} no action against recurrence and raised nothing.`,
      ),
    ),
  ];
  return judge(base, faults, [incidentsEvidence(), ...linksOf(i.withoutRecurrenceAction)], data);
};

/** 4.2.3.f: the event log is kept, and holds events entered by hand, not only Mamoru's own. */
const eventLogRule: Rule = (s) => {
  const e = s.eventLog;
  const total = e.auto12m + e.manual12m;
  const trail = s.auditEvents90d;
  const data = {
    eventLogEntriesLast12Months: total,
    enteredByHandLast12Months: e.manual12m,
    lastEnteredByHandAt: e.lastManualAt,
    auditTrailChangesLast90Days: trail,
  };
  const trailLinks = trail ? [evidence('/admin/audit', '監査証跡', 'Audit trail')] : [];
  if (total === 0) {
    return notMet(
      tx(
        '直近12か月のISMSイベントログに記録がありません。',
        'The ISMS event log holds no entry for the last 12 months.',
      ),
      [gap(EVENTS, 'ISMSイベントログ', 'ISMS event log'), ...trailLinks],
      data,
    );
  }
  const base = tx(
    `直近12か月のISMSイベントログに${total}件（うち手入力${e.manual12m}件）の記録があります。`,
    `The ISMS event log holds ${plural(total, 'entry', 'entries')} for the last 12 months, ${e.manual12m} entered by hand.`,
  );
  const byHand = e.manual12m === 0;
  return judge(
    base,
    [
      [
        byHand ? 1 : 0,
        tx(
          'すべてMamoruが自動で書いた記録です。組織変更や法令改正など、Mamoru外の事象が記録されていません。',
          'All were written by Mamoru itself; no event from outside Mamoru, such as a reorganization or a new law, is recorded.',
        ),
      ],
    ],
    [
      byHand
        ? gap(EVENTS, 'ISMSイベントログ', 'ISMS event log')
        : evidence(EVENTS, 'ISMSイベントログ', 'ISMS event log'),
      ...trailLinks,
    ],
    data,
  );
};

/** The incident part of 4.3.3, folded into the records rule: every closed incident left its record. */
export function incidentRecords(s: ConformitySnapshot) {
  const w = s.incidents.withoutRecord;
  return {
    fault: counted(w, (n) =>
      tx(
        `完了したインシデント${n}件の記録がありません。`,
        `${plural(n, 'closed incident has', 'closed incidents have')} no record kept.`,
      ),
    ),
    links: linksOf(w),
    data: { closedIncidents: s.incidents.closed, closedIncidentsWithoutRecord: w.count },
  };
}

export const INCIDENT_RULES: Record<string, Rule> = {
  '4.2.2.g': procedureRule,
  '4.2.3.a.1': processingErrorsRule,
  '4.2.3.a.2': breachesRule,
  '4.2.3.a.4': recurrenceRule,
  '4.2.3.f': eventLogRule,
};
