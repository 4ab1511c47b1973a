import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * PDF reports for auditors: pdfmake 0.3 with Noto Sans JP, so Japanese and English
 * render with one embedded (subset) font. Every area builds a document definition
 * and calls renderPdf; the layout helpers below keep the reports alike.
 */
const require = createRequire(import.meta.url);
type PdfMake = {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  localAccessPolicy?: (path: string) => boolean;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};

const fontsRoot = dirname(require.resolve('@expo-google-fonts/noto-sans-jp/package.json'));
const FONT_FILES = {
  normal: join(fontsRoot, '400Regular', 'NotoSansJP_400Regular.ttf'),
  bold: join(fontsRoot, '700Bold', 'NotoSansJP_700Bold.ttf'),
};
export const PDF_FONT = 'NotoSansJP';

let configured: PdfMake | undefined;
function pdfmake(): PdfMake {
  if (configured) return configured;
  const instance = require('pdfmake') as PdfMake;
  instance.setFonts({
    [PDF_FONT]: {
      normal: FONT_FILES.normal,
      bold: FONT_FILES.bold,
      // Noto Sans JP has no italics; slanted text falls back to the upright faces.
      italics: FONT_FILES.normal,
      bolditalics: FONT_FILES.bold,
    },
  });
  // Reports never fetch URLs or read files other than the fonts: text from users
  // (an image URL in a document body, say) must not make the server reach out.
  instance.setUrlAccessPolicy(() => false);
  const allowed = new Set(Object.values(FONT_FILES));
  instance.localAccessPolicy = (path) => allowed.has(path);
  configured = instance;
  return instance;
}

export interface ReportMeta {
  title: string;
  /** Shown in the running footer with the page number, e.g. the organization name. */
  footer?: string;
  /** A watermark across every page (e.g. "SUPERSEDED" / 「廃版」). */
  watermark?: string;
  orientation?: 'portrait' | 'landscape';
}

/** Renders a document definition to PDF bytes with the shared font, styles and footer. */
export async function renderPdf(content: Content, meta: ReportMeta): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    info: { title: meta.title, creator: 'Mamoru', producer: 'Mamoru' },
    pageSize: 'A4',
    pageOrientation: meta.orientation ?? 'portrait',
    pageMargins: [36, 40, 36, 44],
    defaultStyle: { font: PDF_FONT, fontSize: 9, lineHeight: 1.25 },
    styles: REPORT_STYLES,
    content,
    footer: (page, pages) => ({
      columns: [
        { text: meta.footer ?? '', style: 'footer' },
        { text: `${page} / ${pages}`, alignment: 'right', style: 'footer' },
      ],
      margin: [36, 12, 36, 0],
    }),
    ...(meta.watermark
      ? { watermark: { text: meta.watermark, opacity: 0.12, bold: true, fontSize: 60 } }
      : {}),
  };
  return pdfmake().createPdf(definition).getBuffer();
}

export const REPORT_STYLES = {
  coverTitle: { fontSize: 24, bold: true, margin: [0, 160, 0, 12] },
  coverSubtitle: { fontSize: 14, margin: [0, 0, 0, 40] },
  h1: { fontSize: 14, bold: true, margin: [0, 12, 0, 6] },
  h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
  tableHeader: { bold: true, fillColor: '#e9ecef' },
  muted: { color: '#666666' },
  footer: { fontSize: 7, color: '#666666' },
} as const satisfies TDocumentDefinitions['styles'];

export interface CoverPage {
  title: string;
  subtitle?: string;
  /** Label/value pairs such as organization, scope, version, approver, date. */
  facts: ReadonlyArray<readonly [string, string]>;
}

/** A cover page followed by a page break, as auditors expect on a formal report. */
export function coverPage(cover: CoverPage): Content[] {
  return [
    { text: cover.title, style: 'coverTitle' },
    ...(cover.subtitle ? [{ text: cover.subtitle, style: 'coverSubtitle' }] : []),
    {
      table: {
        widths: [120, '*'],
        body: cover.facts.map(([label, value]) => [
          { text: label, bold: true },
          { text: value || '—' },
        ]),
      },
      layout: 'lightHorizontalLines',
      pageBreak: 'after',
    },
  ];
}

/** A table with a repeated bold header row; cells are plain text. */
export function textTable(
  headers: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
  widths?: Array<number | string>,
): Content {
  return {
    table: {
      headerRows: 1,
      widths: widths ?? headers.map(() => '*'),
      body: [
        headers.map((text) => ({ text, style: 'tableHeader' })),
        ...rows.map((row) => row.map((cell) => ({ text: cell == null ? '' : String(cell) }))),
      ],
    },
    layout: 'lightHorizontalLines',
  };
}
