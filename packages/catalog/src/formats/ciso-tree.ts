// The parts of the CISO Assistant import that only look at the file: its
// structure (problems with paths into the user's YAML), the requirement-node
// tree built from parent_urn, and the library ID made from the urn.
import type { ValidationIssue } from '../errors.ts';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
export const str = (v: unknown): string | undefined => {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : t;
};

export interface Node {
  raw: Obj;
  index: number;
  urn: string;
  children: Node[];
}

/** A library ID (lower-case slug) from the urn's last segment, cut at a word boundary. */
export function slug(value: string): string {
  const s = value
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '');
  if (s.length <= 100) return s;
  const cut = s.slice(0, 100);
  return cut.slice(0, Math.max(cut.lastIndexOf('-'), 1)).replace(/[-.]+$/, '');
}

/** Problems of the framework's structure, as JSON pointers into the file. */
export function structureIssues(doc: Obj): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const framework = (doc.objects as Obj).framework as Obj;
  if (!Array.isArray(framework.requirement_nodes)) {
    issues.push({ path: '/objects/framework/requirement_nodes', message: 'must be a list' });
    return issues;
  }
  const seen = new Set<string>();
  framework.requirement_nodes.forEach((n, i) => {
    const at = `/objects/framework/requirement_nodes/${i}`;
    if (!isObj(n)) return issues.push({ path: at, message: 'must be a mapping' });
    if (typeof n.urn !== 'string' || n.urn.trim() === '')
      return issues.push({ path: `${at}/urn`, message: 'must be a non-empty string' });
    if (seen.has(n.urn)) issues.push({ path: `${at}/urn`, message: `duplicate urn "${n.urn}"` });
    seen.add(n.urn);
    if (!str(n.name) && !str(n.ref_id) && !str(n.description))
      issues.push({ path: at, message: 'needs a name, ref_id or description' });
  });
  return issues;
}

/** The requirement nodes as a forest (file order kept); nodes whose parent is missing go to the top. */
export function forest(nodes: Obj[]): { roots: Node[]; orphans: Node[] } {
  const byUrn = new Map<string, Node>();
  const all = nodes.map((raw, index): Node => ({ raw, index, urn: String(raw.urn), children: [] }));
  all.forEach((n) => byUrn.set(n.urn, n));
  const roots: Node[] = [];
  const orphans: Node[] = [];
  for (const n of all) {
    const parentUrn = str(n.raw.parent_urn);
    let parent = parentUrn ? byUrn.get(parentUrn) : undefined;
    // A parent chain that comes back to the node would make a cycle: cut it there.
    for (
      let p = parent;
      p;
      p = str(p.raw.parent_urn) ? byUrn.get(str(p.raw.parent_urn)!) : undefined
    ) {
      if (p === n) {
        parent = undefined;
        break;
      }
    }
    if (parent) parent.children.push(n);
    else {
      if (parentUrn) orphans.push(n);
      roots.push(n);
    }
  }
  return { roots, orphans };
}
