// A path into the Library an OSCAL catalog became, traced back to the OSCAL
// node it came from, so that a validation problem points into the user's
// file. It follows how fromOscalCatalog lays the library out: control groups
// in catalog-group order (Mamoru's `requirements`/`terms` container groups
// aside), catalog-level controls last; requirements from the container's groups.
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function container(group: unknown): string | undefined {
  if (!isObj(group)) return undefined;
  const prop = list(group.props).find((p) => isObj(p) && p.name === 'container');
  return isObj(prop) && typeof prop.value === 'string' ? prop.value : undefined;
}

// Library member → OSCAL member of the same node.
const FIELD: Record<string, string> = {
  groups: 'groups',
  controls: 'controls',
  children: 'groups',
  params: 'params',
  title: 'title',
  summary: 'parts',
  guidance: 'parts',
  displayId: 'props',
  id: 'id',
};

/** The JSON pointer into the OSCAL document of a library path, or undefined when it cannot be traced. */
export function oscalPointer(doc: unknown, libraryPath: string): string | undefined {
  const cat = isObj(doc) && isObj(doc.catalog) ? doc.catalog : undefined;
  if (!cat) return undefined;
  const keys = libraryPath.split('/').slice(1);
  const [top, index, ...rest] = keys;
  const groups = list(cat.groups);
  let base: string;
  let i = Number(index);
  if (top === 'controlGroups') {
    const plain = groups.map((g, j) => ({ g, j })).filter(({ g }) => container(g) === undefined);
    if (i < plain.length) base = `/catalog/groups/${plain[i]!.j}`;
    else if (rest[0] === 'controls') {
      base = '/catalog';
    } else return undefined;
  } else if (top === 'requirements') {
    base = '';
    groups.forEach((g, j) => {
      if (base || container(g) !== 'requirements' || !isObj(g)) return;
      const inner = list(g.groups);
      if (i < inner.length) base = `/catalog/groups/${j}/groups/${i}`;
      else i -= inner.length;
    });
    if (!base) return undefined;
  } else if (top === 'terms') {
    const j = groups.findIndex((g) => container(g) === 'terms');
    return j >= 0 ? `/catalog/groups/${j}/parts` : undefined;
  } else return '/catalog/metadata';
  const out = [base];
  const nested = new Set(['groups', 'controls', 'children', 'params']);
  for (let k = 0; k < rest.length; k += 2) {
    const key = rest[k]!;
    const field = FIELD[key];
    if (!field) break;
    out.push(field);
    // A leaf member (title, summary…) ends the path; a list member continues with its index.
    if (!nested.has(key) || rest[k + 1] === undefined) break;
    out.push(rest[k + 1]!);
  }
  return out.join('/');
}
