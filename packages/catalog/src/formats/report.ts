// What an import would bring in, for a dry run: counted from the Library.
import type { Library, LocalizedText } from '../types.ts';
import type { CatalogFile, CatalogFileFormat } from './read.ts';
import type { ImportWarning } from './warnings.ts';

export interface ImportCounts {
  readonly groups: number;
  readonly controls: number;
  readonly requirements: number;
  readonly params: number;
  /** OSCAL parts (statements, items, guidance…) kept on controls and groups, nested ones counted. */
  readonly parts: number;
}

export interface ImportSummary {
  readonly format: CatalogFileFormat;
  readonly libraryId: string;
  readonly version: string;
  readonly name: LocalizedText;
  readonly languages: readonly string[];
  readonly counts: ImportCounts;
  readonly warnings: readonly ImportWarning[];
}

type Node = Record<string, unknown>;
const nodes = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : []);

/** Counts nodes by walking the tree; `parts` is read generically so richer models count too. */
export function countLibrary(lib: Library): ImportCounts {
  const counts = { groups: 0, controls: 0, requirements: 0, params: 0, parts: 0 };
  const parts = (list: unknown): void =>
    nodes(list).forEach((p) => {
      counts.parts++;
      parts(p.parts);
    });
  const control = (c: Node): void => {
    counts.controls++;
    counts.params += nodes(c.params).length;
    parts(c.parts);
    nodes(c.controls).forEach(control);
  };
  const group = (g: Node): void => {
    counts.groups++;
    counts.params += nodes(g.params).length;
    parts(g.parts);
    nodes(g.groups).forEach(group);
    nodes(g.controls).forEach(control);
  };
  const requirement = (r: Node): void => {
    counts.requirements++;
    nodes(r.children).forEach(requirement);
  };
  nodes(lib.controlGroups).forEach(group);
  nodes(lib.requirements).forEach(requirement);
  return counts;
}

export function summarize(file: CatalogFile): ImportSummary {
  const { library } = file;
  return {
    format: file.format,
    libraryId: library.id,
    version: library.version,
    name: library.name,
    languages: Object.keys(library.name),
    counts: countLibrary(library),
    warnings: file.warnings,
  };
}
