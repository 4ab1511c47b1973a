import ExcelJS from 'exceljs';
import type { Content } from 'pdfmake/interfaces';
import type { Db } from '@mamoru/db';
import { getOrganization } from '@mamoru/db/repositories/organizations';
import type { ConformityItem, ConformityReport, ConformityStatus } from '@mamoru/contracts';
import type { RequestContext } from '../audit/trail.ts';
import { neutralize } from '../reports/cells.ts';
import { coverPage, renderPdf } from '../reports/pdf.ts';
import { getConformity } from './service.ts';
import { displayIdIn } from '@mamoru/contracts';
import { createAnchor, type AuditAnchor } from '../audit/anchor.ts';

/**
 * The readiness report: one row per requirement item with its status, the
 * explanation and the evidence links, as XLSX or as PDF with a cover page.
 */
type Lang = 'ja' | 'en';

export const STATUS_TEXT: Record<Lang, Record<ConformityStatus, string>> = {
  ja: { met: '適合', partly_met: '一部適合', not_met: '不適合', not_evidenced: '証拠未登録' },
  en: {
    met: 'Met',
    partly_met: 'Partly met',
    not_met: 'Not met',
    not_evidenced: 'Not yet evidenced',
  },
};

const TEXT = {
  ja: {
    title: 'ISMS認証 準備度レポート',
    organization: '組織',
    readiness: '準備度',
    evaluated: '評価日時',
    criteria: '基準',
    headers: [
      '項番',
      '要求事項',
      '状態',
      '判定の理由',
      '証拠・不足',
      '満たし方（記録する場所）',
      '根拠',
    ],
    byRule: 'データによる判定',
    byAttestation: (until: string) => `適合の証明（${until}まで有効）`,
    metByAttestation: 'うち適合の証明による適合',
    phases: { plan: '計画', do: '実行', check: '点検', act: '処置' },
    summary: '要約',
    phase: '段階',
    items: '項目数',
    auditHead: '監査証跡の先頭（連番・ハッシュ）',
    auditSignature: '監査証跡アンカーの署名（Ed25519）',
    auditPublicKey: '署名の公開鍵',
    unsigned: '署名なし（MAMORU_AUDIT_SIGNING_KEY 未設定）',
  },
  en: {
    title: 'ISMS certification readiness report',
    organization: 'Organization',
    readiness: 'Readiness',
    evaluated: 'Evaluated at',
    criteria: 'Criteria',
    headers: [
      'Item',
      'Requirement',
      'Status',
      'Why',
      'Evidence and gaps',
      'How to meet it (where)',
      'Basis',
    ],
    byRule: "Mamoru's data (rule)",
    byAttestation: (until: string) => `Attestation (valid until ${until})`,
    metByAttestation: 'Of which met by attestation',
    phases: { plan: 'Plan', do: 'Do', check: 'Check', act: 'Act' },
    summary: 'Summary',
    phase: 'Phase',
    items: 'Items',
    auditHead: 'Audit trail head (sequence, hash)',
    auditSignature: 'Audit trail anchor signature (Ed25519)',
    auditPublicKey: 'Signing public key',
    unsigned: 'not signed (MAMORU_AUDIT_SIGNING_KEY not set)',
  },
} as const;

/** The audit chain anchor as label/value pairs: the report proves which trail it came from. */
function anchorFacts(anchor: AuditAnchor, lang: Lang): [string, string][] {
  const t = TEXT[lang];
  return [
    [t.auditHead, `#${anchor.seq} ${anchor.hash}`],
    [t.auditSignature, anchor.signature ?? t.unsigned],
    ...(anchor.publicKey ? [[t.auditPublicKey, anchor.publicKey] as [string, string]] : []),
  ];
}

function linksText(item: ConformityItem, lang: Lang) {
  return item.links.map((l) => `${l.label[lang]} (${l.href})`).join('\n');
}

/** How the item can be met, with the page where it is recorded. */
function guidanceText(item: ConformityItem, lang: Lang) {
  return `${item.guidance.text[lang]} (${item.guidance.path})`;
}

/** How a met item is met: by its rule, or by an attestation until its end; '—' when not met. */
export function basisText(item: ConformityItem, lang: Lang) {
  if (item.basis === 'rule') return TEXT[lang].byRule;
  if (item.basis === 'attestation' && item.attestation) {
    return TEXT[lang].byAttestation(item.attestation.validUntil);
  }
  return '—';
}

/** The cells of one item's row, shared by both formats. */
export function reportRow(item: ConformityItem, lang: Lang) {
  return [
    displayIdIn(item, lang),
    item.title[lang],
    STATUS_TEXT[lang][item.status],
    item.explanation[lang],
    linksText(item, lang),
    guidanceText(item, lang),
    basisText(item, lang),
  ];
}

async function xlsx(report: ConformityReport, lang: Lang, anchor: AuditAnchor) {
  const t = TEXT[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mamoru';
  const sheet = workbook.addWorksheet(t.title.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [18, 36, 14, 60, 40, 50, 24].map((width) => ({ width }));
  const header = sheet.addRow([...t.headers]);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9ECEF' } };
  // Link labels carry titles users typed: no cell may start a formula.
  for (const item of report.items) sheet.addRow(reportRow(item, lang).map(neutralize));
  sheet.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true };
  });
  sheet.autoFilter = { from: 'A1', to: 'F1' };
  const trail = workbook.addWorksheet('Audit anchor');
  trail.columns = [40, 100].map((width) => ({ width }));
  for (const fact of anchorFacts(anchor, lang)) trail.addRow(fact);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function pdf(
  report: ConformityReport,
  lang: Lang,
  organization: string,
  anchor: AuditAnchor,
) {
  const t = TEXT[lang];
  const { summary } = report;
  const content: Content[] = [
    ...coverPage({
      title: t.title,
      subtitle: organization,
      facts: [
        [t.organization, organization],
        [t.criteria, report.libraryId],
        [t.readiness, `${summary.readiness}% (${summary.counts.met} / ${summary.total})`],
        [t.metByAttestation, String(summary.metByAttestation)],
        ...(Object.keys(STATUS_TEXT[lang]) as ConformityStatus[]).map(
          (s) => [STATUS_TEXT[lang][s], String(summary.counts[s])] as const,
        ),
        [t.evaluated, report.evaluatedAt.slice(0, 16).replace('T', ' ') + ' UTC'],
        ...anchorFacts(anchor, lang),
      ],
    }),
    { text: t.summary, style: 'h1' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 50, 50, 50, 50, 50, 50],
        body: [
          [t.phase, t.items, ...Object.values(STATUS_TEXT[lang]), t.readiness].map((text) => ({
            text,
            style: 'tableHeader',
          })),
          ...summary.phases.map((p) =>
            [
              t.phases[p.phase],
              p.total,
              p.counts.met,
              p.counts.partly_met,
              p.counts.not_met,
              p.counts.not_evidenced,
              `${p.readiness}%`,
            ].map((v) => ({ text: String(v) })),
          ),
        ],
      },
      layout: 'lightHorizontalLines',
      margin: [0, 0, 0, 12],
    },
    {
      table: {
        headerRows: 1,
        widths: [60, 70, 42, '*', 90, 105, 55],
        body: [
          t.headers.map((text) => ({ text, style: 'tableHeader' })),
          ...report.items.map((item) => reportRow(item, lang).map((text) => ({ text }))),
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  return renderPdf(content, { title: t.title, footer: organization, orientation: 'landscape' });
}

export async function exportReadiness(
  db: Db,
  ctx: RequestContext,
  options: { format: 'xlsx' | 'pdf'; lang: Lang },
) {
  const report = await getConformity(db, ctx);
  const organization = (await getOrganization(db, ctx.actor.organizationId))?.name ?? '';
  const anchor = await createAnchor(db, ctx.actor.organizationId);
  const day = report.evaluatedAt.slice(0, 10);
  const filename = `readiness-${day}.${options.lang}.${options.format}`;
  if (options.format === 'pdf') {
    return {
      filename,
      contentType: 'application/pdf',
      body: await pdf(report, options.lang, organization, anchor),
    };
  }
  return {
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await xlsx(report, options.lang, anchor),
  };
}
