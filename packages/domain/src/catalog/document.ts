// Library documents read back from jsonb, which stores object keys in its own
// order (shorter keys first). Exports and API answers put them back in the
// order of the library format, with `ja` and `en` first in every text, so a
// native export reads (and diffs) like the file it came from.
import type {
  Control,
  ControlGroup,
  ControlParam,
  Library,
  Link,
  LocalizedText,
  Part,
  Prop,
  RequirementNode,
  Resource,
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

// OSCAL content kept from an import (see @mamoru/catalog types.ts), in the
// order of the library format's schema.
const orderProp = (p: Prop): Prop =>
  compact({
    name: p.name,
    value: p.value,
    ns: p.ns,
    class: p.class,
    uuid: p.uuid,
    group: p.group,
    remarks: p.remarks,
  });
const orderLink = (l: Link): Link =>
  compact({
    href: l.href,
    rel: l.rel,
    text: l.text,
    mediaType: l.mediaType,
    resourceFragment: l.resourceFragment,
  });
function orderPart(p: Part): Part {
  return compact({
    id: p.id,
    name: p.name,
    ns: p.ns,
    class: p.class,
    title: p.title,
    props: p.props?.map(orderProp),
    prose: p.prose,
    parts: p.parts?.map(orderPart),
    links: p.links?.map(orderLink),
  });
}
const orderResource = (r: Resource): Resource =>
  compact({
    uuid: r.uuid,
    title: r.title,
    description: r.description,
    props: r.props?.map(orderProp),
    documentIds: r.documentIds,
    citation: r.citation
      ? compact({
          text: r.citation.text,
          props: r.citation.props?.map(orderProp),
          links: r.citation.links?.map(orderLink),
        })
      : undefined,
    rlinks: r.rlinks?.map((l) =>
      compact({ href: l.href, mediaType: l.mediaType, hashes: l.hashes }),
    ),
    base64: r.base64,
    remarks: r.remarks,
  });
const oscalContent = (n: Pick<Control, 'class' | 'props' | 'links'>) => ({
  class: n.class,
  props: n.props?.map(orderProp),
  links: n.links?.map(orderLink),
});

function orderParam(p: ControlParam): ControlParam {
  return compact({
    id: p.id,
    class: p.class,
    props: p.props?.map(orderProp),
    links: p.links?.map(orderLink),
    label: orderText(p.label),
    usage: p.usage,
    constraints: p.constraints,
    guidelines: p.guidelines,
    values: p.values,
    select: p.select ? compact({ howMany: p.select.howMany, choice: p.select.choice }) : undefined,
    remarks: p.remarks,
  });
}

function orderControl(c: Control): Control {
  return compact({
    id: c.id,
    displayId: c.displayId,
    title: orderText(c.title),
    summary: orderText(c.summary),
    guidance: orderText(c.guidance),
    ...oscalContent(c),
    parts: c.parts?.map(orderPart),
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
    params: g.params?.map(orderParam),
    ...oscalContent(g),
    parts: g.parts?.map(orderPart),
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
    params: lib.params?.map(orderParam),
    resources: lib.resources?.map(orderResource),
    oscalMetadata: lib.oscalMetadata,
  });
}

/** Terms straight from a document's `terms` array. */
export function termsFromDocument(terms: unknown): Term[] {
  return Array.isArray(terms) ? (terms as Term[]).map(orderTerm) : [];
}
