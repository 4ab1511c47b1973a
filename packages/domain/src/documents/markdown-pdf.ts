import { Lexer, type Token, type Tokens } from 'marked';
import type { Content } from 'pdfmake/interfaces';

/**
 * A document body (GitHub-flavoured Markdown) as pdfmake content: headings,
 * paragraphs, lists, block quotes, code and tables. Like the web view, raw
 * HTML is skipped, and images are never fetched: their alternative text is
 * shown instead.
 */

type Inline = string | { text: Inline[] | string; [style: string]: unknown };

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  ndash: '–',
  mdash: '—',
};

/** marked keeps character references in text tokens; the PDF shows the characters. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const SAFE_LINK = /^(https?:|mailto:)/i;
const HEADING_SIZES = [16, 13, 11.5, 10.5, 10, 9.5];

function inline(tokens: readonly Token[] | undefined): Inline[] {
  const out: Inline[] = [];
  for (const token of tokens ?? []) {
    const t = token as Tokens.Generic;
    switch (t.type) {
      case 'text':
      case 'escape':
        out.push(...(t.tokens?.length ? inline(t.tokens) : [decodeEntities(String(t.text))]));
        break;
      case 'strong':
        out.push({ text: inline(t.tokens), bold: true });
        break;
      case 'em':
        out.push({ text: inline(t.tokens), italics: true });
        break;
      case 'del':
        out.push({ text: inline(t.tokens), decoration: 'lineThrough' });
        break;
      case 'codespan':
        out.push({ text: decodeEntities(String(t.text)), background: '#f1f3f5' });
        break;
      case 'br':
        out.push('\n');
        break;
      case 'link': {
        const href = String(t.href ?? '');
        out.push({
          text: inline(t.tokens),
          color: '#1c5fa8',
          decoration: 'underline',
          ...(SAFE_LINK.test(href) ? { link: href } : {}),
        });
        break;
      }
      case 'image':
        out.push({ text: `[${decodeEntities(String(t.text ?? ''))}]`, color: '#666666' });
        break;
      case 'html':
        break; // raw HTML is skipped, as on the web
      default:
        if (t.tokens) out.push(...inline(t.tokens));
        else if (typeof t.text === 'string') out.push(decodeEntities(t.text));
    }
  }
  return out;
}

function listContent(list: Tokens.List): Content {
  const items = list.items.map((item) => {
    const body = blocks(item.tokens);
    if (!item.task) return { stack: body };
    // A task item: its box goes in front of its first line.
    const box = item.checked ? '[x] ' : '[ ] ';
    const first = body[0] as { text?: unknown } | undefined;
    if (first && typeof first === 'object' && 'text' in first) {
      const text = Array.isArray(first.text) ? first.text : [first.text];
      body[0] = { ...first, text: [box, ...text] } as Content;
    } else body.unshift({ text: box });
    return { stack: body };
  });
  return list.ordered
    ? { ol: items, start: typeof list.start === 'number' ? list.start : 1, margin: [0, 0, 0, 6] }
    : { ul: items, margin: [0, 0, 0, 6] };
}

function tableContent(table: Tokens.Table): Content {
  const cell = (c: Tokens.TableCell, header: boolean) => ({
    text: inline(c.tokens),
    ...(header ? { style: 'tableHeader' } : {}),
    ...(c.align ? { alignment: c.align } : {}),
  });
  return {
    table: {
      headerRows: 1,
      widths: table.header.map(() => '*'),
      body: [
        table.header.map((c) => cell(c, true)),
        ...table.rows.map((row) => row.map((c) => cell(c, false))),
      ],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 2, 0, 8],
  } as Content;
}

function block(token: Token): Content[] {
  const t = token as Tokens.Generic;
  switch (t.type) {
    case 'heading': {
      const depth = (t as Tokens.Heading).depth;
      return [
        {
          text: inline(t.tokens),
          bold: true,
          fontSize: HEADING_SIZES[depth - 1] ?? 9.5,
          margin: [0, depth <= 2 ? 10 : 6, 0, 4],
        },
      ];
    }
    case 'paragraph':
      return [{ text: inline(t.tokens), margin: [0, 0, 0, 6] }];
    case 'text':
      // The text of a tight list item.
      return [{ text: inline(t.tokens?.length ? t.tokens : [t]) }];
    case 'list':
      return [listContent(t as Tokens.List)];
    case 'table':
      return [tableContent(t as Tokens.Table)];
    case 'blockquote':
      return [
        {
          table: { widths: ['*'], body: [[{ stack: blocks(t.tokens), color: '#495057' }]] },
          layout: {
            hLineWidth: () => 0,
            vLineWidth: (i: number) => (i === 0 ? 2 : 0),
            vLineColor: () => '#adb5bd',
            paddingLeft: () => 8,
          },
          margin: [0, 0, 0, 6],
        } as Content,
      ];
    case 'code':
      return [
        {
          table: {
            widths: ['*'],
            body: [
              [
                {
                  text: String(t.text),
                  fontSize: 8,
                  preserveLeadingSpaces: true,
                  fillColor: '#f1f3f5',
                },
              ],
            ],
          },
          layout: 'noBorders',
          margin: [0, 0, 0, 6],
        } as Content,
      ];
    case 'hr':
      return [
        {
          canvas: [
            { type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, lineWidth: 0.5, lineColor: '#adb5bd' },
          ],
          margin: [0, 4, 0, 8],
        },
      ];
    case 'space':
    case 'html':
    case 'def':
      return [];
    default:
      return t.tokens ? blocks(t.tokens) : [];
  }
}

function blocks(tokens: readonly Token[] | undefined): Content[] {
  return (tokens ?? []).flatMap(block);
}

/** The body as pdfmake content, lexed by marked with GitHub-flavoured Markdown on. */
export function markdownToPdf(markdown: string): Content[] {
  return blocks(new Lexer({ gfm: true }).lex(markdown));
}
