// XML to a small element tree through saxes (strict, namespace-aware, well
// kept: jsdom's parser). saxes expands only the five predefined and numeric
// entities and never reads a DTD, so entity bombs and external entities
// (XXE) end in a parse error instead of an expansion or a file read.
import { SaxesParser } from 'saxes';
import { FormatError } from './errors.ts';

export interface XmlElement {
  readonly name: string;
  readonly ns: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
  /** 1-based line of the start tag. */
  readonly line: number;
  /** Element path in the file, e.g. `/catalog/group[2]/control[1]`. */
  readonly path: string;
}

/** Deeper than any OSCAL catalog; guards the converters' recursion. */
const MAX_DEPTH = 200;

export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  // Per open element: how many children of each name it has seen (for [n] in paths).
  const counts: Map<string, number>[] = [new Map()];
  let root: XmlElement | undefined;
  let failure: string | undefined;
  parser.on('error', (error) => {
    failure ??= error.message.split('\n')[0]!.replace(/^(\d+):(\d+): /, 'line $1, column $2: ');
    throw error;
  });
  parser.on('opentag', (tag) => {
    if (stack.length >= MAX_DEPTH) throw new Error(`elements are nested deeper than ${MAX_DEPTH}`);
    const name = tag.local ?? tag.name;
    const seen = counts.at(-1)!;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    const parent = stack.at(-1);
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      // Namespaced attributes (xmlns, xml:lang, foreign ones) are not part of the model.
      if (typeof attr === 'object' && attr.uri === '' && attr.prefix === '')
        attrs[attr.local] = attr.value;
    }
    const element: XmlElement = {
      name,
      ns: tag.uri ?? '',
      attrs,
      children: [],
      line: parser.line,
      path: `${parent?.path ?? ''}/${name}${parent ? `[${n}]` : ''}`,
    };
    if (parent) parent.children.push(element);
    else root = element;
    stack.push(element);
    counts.push(new Map());
  });
  parser.on('closetag', () => {
    stack.pop();
    counts.pop();
  });
  const onText = (t: string) => {
    const parent = stack.at(-1);
    if (parent) parent.children.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text).close();
  } catch (error) {
    throw new FormatError('catalog_file_unreadable', {
      format: 'XML',
      reason: failure ?? (error as Error).message.split('\n')[0]!,
    });
  }
  if (!root)
    throw new FormatError('catalog_file_unreadable', { format: 'XML', reason: 'no root element' });
  return root;
}

/** The element's text content, whitespace kept. */
export function textOf(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

export const childElements = (element: XmlElement): XmlElement[] =>
  element.children.filter((c): c is XmlElement => typeof c !== 'string');
