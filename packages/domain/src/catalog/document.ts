// Library documents read back from jsonb, which stores object keys in its own
// order (shorter keys first). Exports and API answers put them back in the
// order of the library format, with `ja` and `en` first in every text, so a
// native export reads (and diffs) like the file it came from.
import type {
  Control,
  ControlGroup,
  ControlParam,
  Library,
  LocalizedText,
  RequirementNode,
  Term,
} from '@mamoru/catalog';

type Json = Record<string, unknown>;

/** Drops undefined fields so absent stays absent. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function orderText(text: LocalizedText): LocalizedText;
export function orderText(text: LocalizedText | undefined): LocalizedText | undefined;
export function orderText(text: LocalizedText | undefined): LocalizedText | undefined {
  if (!text) return undefined;
  const out: Record<string, string> = {};
  for (const key of ['ja', 'en', ...Object.keys(text)]) {
    const value = text[key];
    if (value !== undefined && !(key in out)) out[key] = value;
  }
  return out;
}

function orderRequirement(n: RequirementNode): RequirementNode {
  return compact({
    id: n.id,
    displayId: n.displayId,
    title: orderText(n.title),
    summary: orderText(n.summary),
    children: n.children?.map(orderRequirement),
  });
}

function orderParam(p: ControlParam): ControlParam {
  return compact({
    id: p.id,
    label: orderText(p.label),
    values: p.values,
    select: p.select ? compact({ howMany: p.select.howMany, choice: p.select.choice }) : undefined,
  });
}

function orderControl(c: Control): Control {
  return compact({
    id: c.id,
    displayId: c.displayId,
    title: orderText(c.title),
    summary: orderText(c.summary),
    guidance: orderText(c.guidance),
    params: c.params?.map(orderParam),
    controls: c.controls?.map(orderControl),
  });
}

function orderGroup(g: ControlGroup): ControlGroup {
  return compact({
    id: g.id,
    displayId: g.displayId,
    kind: g.kind,
    title: orderText(g.title),
    summary: orderText(g.summary),
    groups: g.groups?.map(orderGroup),
    controls: g.controls?.map(orderControl),
  });
}

function orderTerm(t: Term): Term {
  return { id: t.id, term: orderText(t.term), definition: orderText(t.definition) };
}

/**
 * A stored document (validated when it was imported or shipped) as a Library
 * in the format's key order. The document's languages are the locales of its
 * name, so `name` keeps its original order after `ja` and `en`.
 */
export function libraryFromDocument(document: unknown): Library {
  const lib = document as Library & Json;
  return compact({
    $schema: lib.$schema,
    formatVersion: lib.formatVersion,
    id: lib.id,
    version: lib.version,
    name: orderText(lib.name),
    publisher: orderText(lib.publisher),
    description: orderText(lib.description),
    source: compact({
      title: lib.source.title,
      published: lib.source.published,
      url: lib.source.url,
      note: orderText(lib.source.note),
    }),
    requirements: lib.requirements.map(orderRequirement),
    controlGroups: lib.controlGroups.map(orderGroup),
    terms: lib.terms.map(orderTerm),
    mappings: lib.mappings?.map((m) => ({
      targetLibrary: m.targetLibrary,
      relations: m.relations.map((r) => ({
        source: r.source,
        target: r.target,
        relation: r.relation,
      })),
    })),
  });
}

/** Terms straight from a document's `terms` array. */
export function termsFromDocument(terms: unknown): Term[] {
  return Array.isArray(terms) ? (terms as Term[]).map(orderTerm) : [];
}
