// OSCAL markup (markup-line and markup-multiline, the HTML subset of the
// OSCAL XML format) back to the Markdown that OSCAL JSON and YAML carry, as
// the metaschema defines it: p, h1–h6, ul/ol/li, pre, blockquote, table;
// em/i, strong/b, code, q, sub, sup, a, img, br; insert type="param"
// id-ref="x" becomes `{{ insert: param, x }}`.
import { childElements, textOf, type XmlElement } from './xml.ts';

const collapse = (s: string) => s.replace(/\s+/g, ' ');

/** Inline content (a markup-line, or the inside of a block) as one Markdown line. */
export function inlineMarkdown(element: XmlElement): string {
  return collapse(inline(element.children)).trim();
}

function inline(children: readonly (XmlElement | string)[]): string {
  return children.map((c) => (typeof c === 'string' ? c : inlineElement(c))).join('');
}

function inlineElement(e: XmlElement): string {
  const inner = () => collapse(inline(e.children));
  switch (e.name) {
    case 'em':
    case 'i':
      return `*${inner()}*`;
    case 'strong':
    case 'b':
      return `**${inner()}**`;
    case 'code':
      return `\`${textOf(e)}\``;
    case 'q':
      return `"${inner()}"`;
    case 'sub':
      return `~${inner()}~`;
    case 'sup':
      return `^${inner()}^`;
    case 'a':
      return `[${inner()}](${e.attrs.href ?? ''})`;
    case 'img':
      return `![${e.attrs.alt ?? ''}](${e.attrs.src ?? ''})`;
    case 'br':
      return '\n';
    case 'insert':
      return `{{ insert: ${e.attrs.type ?? 'param'}, ${e.attrs['id-ref'] ?? ''} }}`;
    default:
      return inner();
  }
}

function list(e: XmlElement, indent: string): string {
  const ordered = e.name === 'ol';
  return childElements(e)
    .filter((li) => li.name === 'li')
    .map((li, i) => {
      const marker = ordered ? `${i + 1}. ` : '- ';
      // An item's own text, then its nested lists indented under it.
      const text = collapse(inline(li.children.filter((c) => typeof c === 'string' || !isList(c))));
      const nested = childElements(li)
        .filter(isList)
        .map((sub) => `\n${list(sub, `${indent}  `)}`)
        .join('');
      return `${indent}${marker}${text.trim()}${nested}`;
    })
    .join('\n');
}

const isList = (e: XmlElement) => e.name === 'ul' || e.name === 'ol';

function table(e: XmlElement): string {
  const rows = childElements(e)
    .flatMap((c) => (c.name === 'tr' ? [c] : childElements(c).filter((r) => r.name === 'tr')))
    .map((tr) => childElements(tr).map((cell) => inlineMarkdown(cell).replace(/\|/g, '\\|')));
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  return [line(rows[0]!), line(Array(width).fill('---')), ...rows.slice(1).map(line)].join('\n');
}

function block(e: XmlElement): string {
  const heading = /^h([1-6])$/.exec(e.name);
  if (heading) return `${'#'.repeat(Number(heading[1]))} ${inlineMarkdown(e)}`;
  switch (e.name) {
    case 'p':
      return inlineMarkdown(e);
    case 'ul':
    case 'ol':
      return list(e, '');
    case 'pre':
      return `\`\`\`\n${textOf(e).replace(/^\n|\n$/g, '')}\n\`\`\``;
    case 'blockquote':
      return multilineMarkdown(childElements(e))
        .split('\n')
        .map((l) => `> ${l}`.trimEnd())
        .join('\n');
    case 'table':
      return table(e);
    default:
      return inlineMarkdown(e);
  }
}

/** Block elements (a markup-multiline) as Markdown paragraphs separated by a blank line. */
export function multilineMarkdown(blocks: readonly XmlElement[]): string {
  return blocks
    .map(block)
    .filter((b) => b !== '')
    .join('\n\n');
}

export const BLOCK_ELEMENTS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'pre',
  'blockquote',
  'table',
]);
