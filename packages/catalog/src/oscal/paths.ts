// Library validation issues, pointed back into the user's OSCAL file: the
// importer records where each library object came from, and a library path
// such as `/controlGroups/0/controls/3/params/1/select/howMany` becomes
// `/catalog/groups/0/controls/3/params/1/select/how-many`.
import type { ValidationIssue } from '../errors.ts';

/** Library fields whose OSCAL counterpart has another name or place. */
const FIELD: Record<string, string> = {
  displayId: 'props',
  summary: 'parts',
  guidance: 'parts',
  howMany: 'how-many',
  mediaType: 'media-type',
  resourceFragment: 'resource-fragment',
  documentIds: 'document-ids',
  guidelines: 'guidelines',
};
/** Library-level fields, read from the metadata. */
const TOP: Record<string, string> = {
  id: '/catalog/metadata/title',
  name: '/catalog/metadata/title',
  version: '/catalog/metadata/version',
  publisher: '/catalog/metadata/parties',
  description: '/catalog/metadata/remarks',
  source: '/catalog/metadata',
  resources: '/catalog/back-matter/resources',
  params: '/catalog/params',
};
/** LocalizedText fields: the language key below them has no OSCAL counterpart. */
const LOCALIZED = new Set(['title', 'summary', 'guidance', 'label', 'term', 'definition']);

const unescape = (s: string): string => s.replaceAll('~1', '/').replaceAll('~0', '~');

export function toFilePath(lib: unknown, sources: WeakMap<object, string>, path: string): string {
  const segments = path.split('/').slice(1).map(unescape);
  let node: unknown = lib;
  let base: string | undefined;
  let rest: string[] = segments;
  for (let i = 0; i < segments.length && node && typeof node === 'object'; i++) {
    node = (node as Record<string, unknown>)[segments[i]!];
    const source = node && typeof node === 'object' ? sources.get(node) : undefined;
    if (source !== undefined) {
      base = source;
      rest = segments.slice(i + 1);
    }
  }
  if (base === undefined) {
    const top = TOP[segments[0] ?? ''];
    if (top === undefined) return '/catalog';
    base = top;
    rest = segments[0] === 'resources' || segments[0] === 'params' ? segments.slice(1) : [];
  }
  const out: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const s = rest[i]!;
    out.push(FIELD[s] ?? s);
    if (LOCALIZED.has(s)) break; // `title/en` is the OSCAL `title`
    if (FIELD[s] === 'parts' || FIELD[s] === 'props') break;
  }
  return [base, ...out].join('/');
}

export function toFileIssues(
  lib: unknown,
  sources: WeakMap<object, string>,
  issues: readonly ValidationIssue[],
): ValidationIssue[] {
  const seen = new Set<string>();
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    // check.ts names the first of two duplicates by its library path, too.
    const message = issue.message.replace(
      /\(first at (\/[^)]*)\)/,
      (_all, first: string) => `(first at ${toFilePath(lib, sources, first)})`,
    );
    const mapped = { path: toFilePath(lib, sources, issue.path), message };
    const key = `${mapped.path}\n${mapped.message}`;
    if (!seen.has(key)) out.push(mapped);
    seen.add(key);
  }
  return out;
}
