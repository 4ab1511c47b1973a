import type { SoaEntry, SoaReasonType } from '@mamoru/contracts';
import { displayIdIn } from '@mamoru/contracts';

/**
 * The lines of an exported statement, in the layout Japanese auditors expect
 * (管理策番号, 管理目的, 管理策, 採否, 理由, 実施状況, 関連文書), in ja or en.
 */
export type ExportLang = 'ja' | 'en';

export const EXPORT_HEADERS: Record<ExportLang, string[]> = {
  ja: ['管理策番号', '管理目的', '管理策', '採否', '理由', '実施状況', '関連文書'],
  en: [
    'Control No.',
    'Control objective',
    'Control',
    'Applicable',
    'Justification',
    'Implementation',
    'Related documents',
  ],
};

const DECISION: Record<ExportLang, Record<'yes' | 'no' | 'open', string>> = {
  ja: { yes: '採用', no: '不採用', open: '未決定' },
  en: { yes: 'Yes', no: 'No', open: 'Undecided' },
};

/** The decision's cell: applicable, excluded or still open. */
export const decisionText = (lang: ExportLang, applicable: boolean | null): string =>
  DECISION[lang][applicable === null ? 'open' : applicable ? 'yes' : 'no'];

export const STATUS_LABELS: Record<ExportLang, Record<SoaEntry['implementationStatus'], string>> = {
  ja: { not_started: '未着手', planned: '計画済み', partial: '一部実施', implemented: '実施済み' },
  en: {
    not_started: 'Not started',
    planned: 'Planned',
    partial: 'Partly implemented',
    implemented: 'Implemented',
  },
};

const REASON_LABELS: Record<ExportLang, Record<SoaReasonType, string>> = {
  ja: {
    risk: 'リスク対応',
    legal: '法令・規制・契約上の要求',
    business: '事業上の要求',
    policy: '方針',
  },
  en: {
    risk: 'Risk treatment',
    legal: 'Legal, regulatory or contractual requirement',
    business: 'Business requirement',
    policy: 'Policy',
  },
};

const ACCEPTED: Record<ExportLang, (name: string, on: string) => string> = {
  ja: (name, on) => `リスク受容: ${name}（${on}）`,
  en: (name, on) => `Risk accepted by ${name} on ${on}`,
};

/** A text of the catalog in the language, falling back to the other one. */
export function pick(text: Record<string, string> | null | undefined, lang: ExportLang) {
  if (!text) return '';
  return text[lang] || text[lang === 'ja' ? 'en' : 'ja'] || Object.values(text)[0] || '';
}

/** The reasons of an entry as one cell: selection reasons grouped by type, or the exclusion. */
export function reasonText(e: SoaEntry, lang: ExportLang, names: ReadonlyMap<string, string>) {
  if (e.applicable === false) {
    const accepted = e.riskAcceptedBy
      ? ACCEPTED[lang](names.get(e.riskAcceptedBy) ?? '', e.riskAcceptedOn ?? '')
      : '';
    return [e.exclusionReason.trim(), accepted].filter(Boolean).join('\n');
  }
  const byType = new Map<SoaReasonType, string[]>();
  for (const r of e.reasons) {
    const parts = byType.get(r.type) ?? [];
    const item = [r.link?.label || r.link?.id, r.note.trim()].filter(Boolean).join(' ');
    if (item) parts.push(item);
    byType.set(r.type, parts);
  }
  return [...byType]
    .map(
      ([type, parts]) =>
        `${REASON_LABELS[lang][type]}${parts.length ? `: ${parts.join(', ')}` : ''}`,
    )
    .join('\n');
}

export interface ExportEntry extends SoaEntry {
  /** The organization's licensed wording of the control, when it has one. */
  official: Record<string, string> | null;
}

/** One row of cells per entry, in the order of EXPORT_HEADERS. */
export function exportRow(e: ExportEntry, lang: ExportLang, names: ReadonlyMap<string, string>) {
  const objectiveId =
    e.objectiveId && e.objectiveDisplayId
      ? displayIdIn({ id: e.objectiveId, displayId: e.objectiveDisplayId }, lang)
      : e.objectiveDisplayId;
  const objective = [objectiveId, pick(e.objectiveTitle, lang)].filter(Boolean).join(' ');
  const title = pick(e.title, lang);
  const wording = e.official ? pick(e.official, lang) : pick(e.summary, lang);
  return [
    displayIdIn({ id: e.controlId, displayId: e.displayId }, lang),
    objective,
    wording ? `${title}\n${wording}` : title,
    decisionText(lang, e.applicable),
    reasonText(e, lang, names),
    e.applicable === false ? '' : STATUS_LABELS[lang][e.implementationStatus],
    e.links.map((l) => l.label || l.id).join('\n'),
  ];
}
