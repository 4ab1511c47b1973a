// YAML through the `yaml` package (YAML 1.2, core schema). Guards: a cap on
// alias expansions (a "billion laughs" file otherwise grows without bound
// when converted to plain objects), unique keys, and no custom tags. The
// document is kept so that a JSON pointer can be turned into a line number.
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { FormatError } from './errors.ts';

/** Aliases one document may expand; real catalogs use none or a handful. */
export const YAML_MAX_ALIASES = 100;

export interface ParsedYaml {
  value: unknown;
  /** The line (1-based) of the node at a JSON pointer of the value, when known. */
  lineOf(pointer: string): number | undefined;
}

export function pointerKeys(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function firstError(doc: Document, lines: LineCounter): string {
  const error = doc.errors[0]!;
  const pos = error.pos[0] >= 0 ? lines.linePos(error.pos[0]) : undefined;
  const where = pos ? `line ${pos.line}, column ${pos.col}: ` : '';
  // The message's first line only: the rest quotes the file.
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return `${where}${message}`;
}

export function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  let doc: Document;
  let value: unknown;
  try {
    doc = parseDocument(text, {
      lineCounter: lines,
      uniqueKeys: true,
      prettyErrors: false,
      schema: 'core',
      customTags: [],
    });
    if (doc.errors.length > 0) {
      throw new FormatError('catalog_file_unreadable', {
        format: 'YAML',
        reason: firstError(doc, lines),
      });
    }
    value = doc.toJS({ maxAliasCount: YAML_MAX_ALIASES });
  } catch (error) {
    if (error instanceof FormatError) throw error;
    const reason =
      error instanceof RangeError
        ? 'it is nested too deeply'
        : /alias/i.test(String((error as Error).message))
          ? `it expands more than ${YAML_MAX_ALIASES} aliases`
          : (error as Error).message.split('\n')[0]!;
    throw new FormatError('catalog_file_unreadable', { format: 'YAML', reason });
  }
  return {
    value,
    lineOf(pointer) {
      const keys = pointerKeys(pointer).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
      // A pointer may name a missing property: report its nearest existing parent.
      for (let n = keys.length; n >= 0; n--) {
        const node = doc.getIn(keys.slice(0, n), true);
        if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}
