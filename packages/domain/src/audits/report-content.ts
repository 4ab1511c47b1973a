import type { AuditReportContent, AuditResult, AuditResultCounts } from '@mamoru/contracts';
import type {
  CatalogNodeRow,
  ReportAudit,
  ReportFindingRow,
  ReportLineRow,
  ReportTeamRow,
} from '@mamoru/db/repositories/audits-reports';

/**
 * The report's content, built from the audit's rows by pure functions: the
 * scope, the team, the results grouped per clause (第4–第7: the numbered
 * clause above the item, e.g. 6.4 for 6.4.a; annex: the domain) and findings.
 */

type Criterion = AuditReportContent['clauses'][number]['lines'][number];
type Title = { ja?: string | undefined; en?: string | undefined };

const RESULTS: AuditResult[] = ['conform', 'major_nc', 'minor_nc', 'observation', 'ofi'];

export const emptyCounts = (): AuditResultCounts => ({
  conform: 0,
  major_nc: 0,
  minor_nc: 0,
  observation: 0,
  ofi: 0,
  unanswered: 0,
});

const titleOf = (t: Title | null | undefined, fallback = '') => ({
  ja: t?.ja || t?.en || fallback,
  en: t?.en || t?.ja || fallback,
});

/** The heading a line is summarized under: its numbered clause, or its annex domain. */
export function clauseOf(kind: string, refId: string | null, ancestorIds: string[] | null) {
  if (kind === 'custom' || !refId) return null;
  if (kind === 'control') return ancestorIds?.[0] ?? refId.split('.')[0]!;
  const numbered = [...(ancestorIds ?? []), refId].filter((id) => /^\d+(\.\d+)*$/.test(id));
  return numbered.at(-1) ?? refId;
}

/** The IDs of every heading and criterion the content names, per namespace. */
export function referencedIds(
  audit: Pick<ReportAudit, 'requirementIds' | 'controlIds'>,
  lines: ReportLineRow[],
  findings: ReportFindingRow[],
) {
  const requirements = new Set(audit.requirementIds);
  const controls = new Set(audit.controlIds);
  for (const l of lines) {
    const clause = clauseOf(l.kind, l.refId, l.ancestorIds);
    if (clause) (l.kind === 'control' ? controls : requirements).add(clause);
  }
  for (const f of findings) {
    if (f.requirementId) requirements.add(f.requirementId);
    if (f.controlId) controls.add(f.controlId);
  }
  return { requirements: [...requirements], controls: [...controls] };
}

export interface ContentInput {
  audit: ReportAudit;
  units: { id: string; name: string }[];
  team: ReportTeamRow[];
  lines: ReportLineRow[];
  nodes: CatalogNodeRow[];
  findings: ReportFindingRow[];
}

export function buildReportContent(input: ContentInput): AuditReportContent {
  const { audit } = input;
  const byKey = new Map(input.nodes.map((n) => [`${n.namespace}:${n.id}`, n]));
  const criterion = (kind: 'requirement' | 'control', id: string) => {
    const node = byKey.get(`${kind}:${id}`);
    return { kind, id, displayId: node?.displayId ?? id, title: titleOf(node?.title, id) };
  };

  const clauses = new Map<string, AuditReportContent['clauses'][number]>();
  const totals = emptyCounts();
  for (const l of input.lines) {
    const key = clauseOf(l.kind, l.refId, l.ancestorIds);
    const kind = l.kind === 'control' ? 'control' : 'requirement';
    const mapKey = key ? `${kind}:${key}` : 'custom';
    let clause = clauses.get(mapKey);
    if (!clause) {
      const heading: Criterion = key
        ? { ...criterion(kind, key), result: null, notes: '' }
        : {
            kind: 'custom',
            id: null,
            displayId: '',
            title: { ja: '追加の確認項目', en: 'Additional checks' },
            result: null,
            notes: '',
          };
      const { result: _r, notes: _n, ...head } = heading;
      clause = { ...head, counts: emptyCounts(), lines: [] };
      clauses.set(mapKey, clause);
    }
    const result = RESULTS.includes(l.result as AuditResult) ? (l.result as AuditResult) : null;
    clause.counts[result ?? 'unanswered'] += 1;
    totals[result ?? 'unanswered'] += 1;
    clause.lines.push({
      kind: l.kind,
      id: l.refId,
      displayId: l.displayId ?? '',
      title: l.refId ? titleOf(l.title, l.refId) : { ja: l.promptJa, en: l.promptEn || l.promptJa },
      result,
      notes: l.notes,
    });
  }

  return {
    audit: {
      id: audit.id,
      code: audit.code,
      title: audit.title,
      plannedStart: audit.plannedStart,
      plannedEnd: audit.plannedEnd,
      openingMeetingAt: audit.openingMeetingAt,
      closingMeetingAt: audit.closingMeetingAt,
      auditeeUnits: input.units,
      processes: audit.scopeProcesses,
      requirements: audit.requirementIds.map((id) => criterion('requirement', id)),
      controls: audit.controlIds.map((id) => criterion('control', id)),
    },
    team: input.team.map((t) => ({ id: t.id, name: t.name, role: t.role })),
    clauses: [...clauses.values()],
    totals,
    findings: input.findings.map((f) => ({
      id: f.id,
      number: f.number,
      kind: f.kind as AuditReportContent['findings'][number]['kind'],
      criterion: f.requirementId
        ? criterion('requirement', f.requirementId)
        : f.controlId
          ? criterion('control', f.controlId)
          : null,
      unit: f.unit,
      description: f.description,
      dueDate: f.dueDate,
      status: f.status as AuditReportContent['findings'][number]['status'],
    })),
  };
}
