// OSCAL content kept as read (props, links, parts, back-matter resources),
// between OSCAL's kebab-case JSON and the library's camelCase fields. Both
// directions copy every field the OSCAL 1.1 model defines for them, so an
// import followed by an export gives the same JSON.
import type { Link, Part, Prop, Resource } from '../types.ts';
import { mapInserts } from './ids.ts';
import type { OscalLink, OscalPart, OscalProp, OscalResource } from './model.ts';

/** Drops undefined fields and empty arrays (OSCAL arrays have minItems 1). */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = v;
  }
  return out as T;
}

/** Drops undefined fields only (a library's `requirements: []` stays). */
export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A non-empty array mapped, else undefined. */
export function mapList<T, U>(list: readonly T[] | undefined, f: (x: T) => U): U[] | undefined {
  return list?.length ? list.map(f) : undefined;
}

export const propIn = (p: OscalProp): Prop =>
  compact({
    name: p.name,
    value: p.value,
    ns: p.ns,
    class: p.class,
    uuid: p.uuid,
    group: p.group,
    remarks: p.remarks,
  });

export const propOut = (p: Prop): OscalProp =>
  compact({
    name: p.name,
    ns: p.ns,
    value: p.value,
    class: p.class,
    uuid: p.uuid,
    group: p.group,
    remarks: p.remarks,
  });

export const linkIn = (l: OscalLink): Link =>
  compact({
    href: l.href,
    rel: l.rel,
    text: l.text,
    mediaType: l['media-type'],
    resourceFragment: l['resource-fragment'],
  });

export const linkOut = (l: Link): OscalLink =>
  compact({
    href: l.href,
    rel: l.rel,
    'media-type': l.mediaType,
    'resource-fragment': l.resourceFragment,
    text: l.text,
  });

/** `inserts` maps param IDs in prose markers (OSCAL → library on import, back on export). */
export function partIn(p: OscalPart, inserts: ReadonlyMap<string, string>): Part {
  return compact({
    id: p.id,
    name: p.name,
    ns: p.ns,
    class: p.class,
    title: p.title,
    props: mapList(p.props, propIn),
    prose: p.prose === undefined ? undefined : mapInserts(p.prose, inserts),
    parts: mapList(p.parts, (x) => partIn(x, inserts)),
    links: mapList(p.links, linkIn),
  });
}

export function partOut(p: Part, inserts: ReadonlyMap<string, string>): OscalPart {
  return compact({
    id: p.id,
    name: p.name,
    ns: p.ns,
    class: p.class,
    title: p.title,
    props: mapList(p.props, propOut),
    links: mapList(p.links, linkOut),
    prose: p.prose === undefined ? undefined : mapInserts(p.prose, inserts),
    parts: mapList(p.parts, (x) => partOut(x, inserts)),
  });
}

export function resourceIn(r: OscalResource): Resource {
  return compact({
    uuid: r.uuid,
    title: r.title,
    description: r.description,
    props: mapList(r.props, propIn),
    documentIds: mapList(r['document-ids'], (d) =>
      compact({ scheme: d.scheme, identifier: d.identifier }),
    ),
    citation: r.citation
      ? compact({
          text: r.citation.text,
          props: mapList(r.citation.props, propIn),
          links: mapList(r.citation.links, linkIn),
        })
      : undefined,
    rlinks: mapList(r.rlinks, (l) =>
      compact({
        href: l.href,
        mediaType: l['media-type'],
        hashes: mapList(l.hashes, (h) => ({ algorithm: h.algorithm, value: h.value })),
      }),
    ),
    base64: r.base64
      ? compact({
          filename: r.base64.filename,
          mediaType: r.base64['media-type'],
          value: r.base64.value,
        })
      : undefined,
    remarks: r.remarks,
  });
}

export function resourceOut(r: Resource): OscalResource {
  return compact({
    uuid: r.uuid,
    title: r.title,
    description: r.description,
    props: mapList(r.props, propOut),
    'document-ids': mapList(r.documentIds, (d) =>
      compact({ scheme: d.scheme, identifier: d.identifier }),
    ),
    citation: r.citation
      ? compact({
          text: r.citation.text,
          props: mapList(r.citation.props, propOut),
          links: mapList(r.citation.links, linkOut),
        })
      : undefined,
    rlinks: mapList(r.rlinks, (l) =>
      compact({
        href: l.href,
        'media-type': l.mediaType,
        hashes: mapList(l.hashes, (h) => ({ algorithm: h.algorithm, value: h.value })),
      }),
    ),
    base64: r.base64
      ? compact({
          filename: r.base64.filename,
          'media-type': r.base64.mediaType,
          value: r.base64.value,
        })
      : undefined,
    remarks: r.remarks,
  });
}
