import type { Executor } from '@mamoru/db';
import { incidentSettingsOf } from '@mamoru/db/repositories/incidents-clocks';
import * as repo from '@mamoru/db/repositories/incidents-statistics';
import { INCIDENT_TYPES, type IncidentStatistics, type IncidentType } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { invalid } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { incidentAccess } from './access.ts';

/**
 * Monthly incident statistics and trends (annex 6.3.4) for whoever reads
 * incidents. Counts go through the same visibility filter as the list:
 * confidential incidents count only for those who may see them, so a total
 * never hints at an incident the reader cannot open.
 */

export interface IncidentStatisticsQuery {
  from?: string;
  to?: string;
  unitId?: string;
}

/** The longest period one request covers (ten years of months). */
export const STATISTICS_MAX_MONTHS = 120;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (index: number) =>
  `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The period asked for: by default the twelve months up to the current one. */
export function statisticsPeriod(current: string, q: IncidentStatisticsQuery) {
  const to = q.to ?? (q.from ? monthOf(Math.max(monthIndex(q.from) + 11, 0)) : current);
  const from = q.from ?? monthOf(monthIndex(to) - 11);
  const bad = (field: string, code: string) => invalid([{ field, code }]);
  for (const [field, m] of [
    ['from', from],
    ['to', to],
  ] as const) {
    const month = Number(m.slice(5, 7));
    if (month < 1 || month > 12) throw bad(field, 'incident_month_invalid');
  }
  if (monthIndex(from) > monthIndex(to)) throw bad('to', 'period_end_before_start');
  if (monthIndex(to) - monthIndex(from) >= STATISTICS_MAX_MONTHS)
    throw bad('from', 'incident_period_too_long');
  return { from, to };
}

export async function incidentStatistics(
  db: Executor,
  ctx: RequestContext,
  q: IncidentStatisticsQuery,
): Promise<IncidentStatistics> {
  authorize(ctx.actor, 'incidents:read');
  const org = ctx.actor.organizationId;
  const access = await incidentAccess(db, ctx);
  const settings = await incidentSettingsOf(db, org);
  const { from, to } = statisticsPeriod(await repo.currentMonthIn(db, settings.timeZone), q);
  const scope: repo.StatisticsScope = {
    org,
    from,
    to,
    timeZone: settings.timeZone,
    visibility: { read: access.read, confidential: access.confidential, userId: access.userId },
    unitId: q.unitId,
    triageTargetHours: settings.triageTargetHours,
  };
  const [monthRows, unitRows, totals] = [
    await repo.monthsOf(db, scope),
    await repo.unitsOf(db, scope),
    await repo.totalsOf(db, scope),
  ];
  const months = new Map<string, IncidentStatistics['months'][number]>();
  for (const r of monthRows) {
    let m = months.get(r.month);
    if (!m) {
      const byType = Object.fromEntries(INCIDENT_TYPES.map((t) => [t, 0])) as Record<
        IncidentType,
        number
      >;
      m = { month: r.month, total: 0, byType, costTotal: 0 };
      months.set(r.month, m);
    }
    if (r.type) {
      m.byType[r.type as IncidentType] = r.count;
      m.total += r.count;
      m.costTotal += r.cost;
    }
  }
  return {
    from,
    to,
    months: [...months.values()],
    byUnit: unitRows.map((u) => ({
      unit: u.unitId
        ? { id: u.unitId, name: { ja: u.unitName ?? '', en: u.unitName ?? '' } }
        : null,
      total: u.total,
    })),
    totals,
  };
}
