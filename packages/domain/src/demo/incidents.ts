import type { Db } from '@mamoru/db';
import type { Incident, IncidentStatus } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { createIsmsEvent } from '../events/entries.ts';
import { getIncidentSettings, updateIncidentSettings } from '../incidents/settings.ts';
import { listObligations, loadObligationPresets } from '../incidents/obligations.ts';
import { recordNotification } from '../incidents/notifications.ts';
import { raiseFromIncident } from '../incidents/raise.ts';
import { reportIncident } from '../incidents/report.ts';
import { addTimelineEntry } from '../incidents/timeline.ts';
import { transitionIncident } from '../incidents/transitions.ts';
import { triageIncident } from '../incidents/triage.ts';
import { updateIncident } from '../incidents/update.ts';
import { DEMO_INCIDENTS, type DemoIncident } from './incidents-data.ts';

/**
 * The sample company's incident handling (4.2.2.g, 4.2.3.a; annex 6.3): the
 * information systems unit is the incident team, the APPI notification presets
 * are loaded, and six incidents of the last year are reported, triaged within
 * the target, worked through and (all but one) closed with lessons learned —
 * the lost laptop's notifications sent in time, the phishing click raising a
 * corrective action — all through the services a person uses, back-dated.
 * Two events from outside Mamoru go into the ISMS event log (4.2.3.f).
 */

type People = { manager: RequestContext; president: RequestContext; itHead: RequestContext };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

async function handle(db: Db, people: People, d: DemoIncident, unitId: string | undefined) {
  const reporter = {
    suzuki: people.itHead,
    sato: people.manager,
    yamada: people.president,
  }[d.reporter];
  // Discovered at 10:00 Tokyo time on the day, d.daysAgo days back.
  const day = new Date(Date.now() - d.daysAgo * DAY);
  const found = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 1);
  const { incident } = await reportIncident(db, reporter, {
    type: d.type,
    title: d.title,
    description: d.description,
    occurredAt: iso(found - 2 * HOUR),
    discoveredAt: iso(found),
    unitId: unitId ?? null,
    place: '',
    assetIds: [],
    personalData: d.personalRecords !== undefined,
    confidential: false,
  });
  const triagedAt = found + d.triageHours * HOUR;
  let i: Incident = await triageIncident(db, people.manager, incident.id, incident.version, {
    severity: d.severity,
    urgency: d.urgency,
    at: iso(triagedAt),
    assigneeId: people.itHead.actor.userId,
    affects: d.affects,
  });
  i = await updateIncident(db, people.manager, i.id, i.version, {
    ...(d.personalRecords !== undefined && {
      personalRecords: d.personalRecords,
      personalDataCategories: ['contact', 'customer'],
    }),
    ...(d.downtimeMinutes !== undefined && { downtimeMinutes: d.downtimeMinutes }),
    ...(d.costs && { costs: d.costs }),
    rootCause: d.rootCause ?? '',
    recurrencePrevention: d.recurrencePrevention ?? '',
  });
  for (const [n, text] of d.actions.entries()) {
    i = await addTimelineEntry(db, people.itHead, i.id, {
      kind: 'action',
      at: iso(triagedAt + (n + 1) * HOUR),
      text,
    });
  }
  if (d.personalRecords !== undefined) await notify(db, people.manager, i.id, found);
  if (d.raise) {
    await raiseFromIncident(db, people.manager, i.id, {
      kind: d.raise,
      title: d.raise === 'nonconformity' ? `再発防止: ${d.title}` : `改善提案: ${d.title}`,
    });
  }
  const steps = Object.entries(d.steps) as [IncidentStatus, number][];
  for (const [to, days] of steps) {
    const at = Math.max(found + days * DAY, triagedAt) + 2 * HOUR;
    i = await transitionIncident(db, people.manager, i.id, i.version, {
      to: to as Exclude<IncidentStatus, 'reported' | 'triaged'>,
      at: iso(Math.min(at, Date.now())),
      ...(to === 'closed' && { lessonsLearned: d.lessonsLearned ?? '' }),
    });
  }
  return i;
}

/** The APPI reports and the notice to the persons concerned, each sent before its deadline. */
async function notify(db: Db, manager: RequestContext, incidentId: string, found: number) {
  const obligations = await listObligations(db, manager);
  const sent: Record<string, [number, string, 'web_form' | 'letter']> = {
    appi_preliminary: [2, '個人情報保護委員会', 'web_form'],
    appi_persons: [5, '対象の顧客（約1,200名）', 'letter'],
    appi_final: [25, '個人情報保護委員会', 'web_form'],
  };
  for (const o of obligations) {
    const plan = o.presetKey ? sent[o.presetKey] : undefined;
    if (!plan) continue;
    await recordNotification(db, manager, incidentId, {
      obligationId: o.id,
      recipient: plan[1],
      sentAt: iso(found + plan[0] * DAY),
      channel: plan[2],
      summary: '発生の経緯、対象となる個人データの項目と件数、講じた措置',
    });
  }
}

export async function createDemoIncidents(
  db: Db,
  people: People,
  unitIds: ReadonlyMap<string, string>,
  run: number,
) {
  const settings = await getIncidentSettings(db, people.manager);
  if (!settings.teamUnitId && !settings.teamRoleId) {
    await updateIncidentSettings(db, people.manager, settings.version, {
      teamUnitId: unitIds.get('IT') ?? null,
    });
  }
  await loadObligationPresets(db, people.manager);
  let count = 0;
  for (const d of DEMO_INCIDENTS) {
    await handle(db, people, d, unitIds.get(d.unit));
    count += 1;
  }
  // Events from outside Mamoru that bear on the ISMS, entered by hand.
  if (run === 1) {
    await createIsmsEvent(db, people.manager, {
      occurredAt: iso(Date.now() - 150 * DAY),
      category: 'supplier',
      title: 'クラウド会計サービスの利用開始',
      description: '経理部の会計処理を社内サーバからクラウドサービスへ移した。',
      impact: '委託先管理の対象とリスク評価の見直しが必要。',
    });
    await createIsmsEvent(db, people.manager, {
      occurredAt: iso(Date.now() - 45 * DAY),
      category: 'legal',
      title: '個人情報保護委員会のガイドライン改正を確認',
      description: '漏えい等の報告に関するガイドラインの改正内容を法務と確認した。',
      impact: 'インシデント対応手順の通知期限の見直し。',
    });
  }
  return count;
}
