// The catalog-level side of an import: the library header (Mamoru's header
// resource, or OSCAL metadata) and the catalog's params.
import { LibraryValidationError } from '../errors.ts';
import type { Library, Locale } from '../types.ts';
import { dropUndefined } from './convert.ts';
import {
  findProp,
  HEADER_RESOURCE_TYPE,
  MAMORU_NS,
  type OscalCatalog,
  type OscalControl,
  type OscalGroup,
  type OscalParam,
  type OscalResource,
} from './model.ts';
import { slugify } from './slug.ts';

export type Header = Pick<
  Library,
  'formatVersion' | 'id' | 'version' | 'name' | 'publisher' | 'description' | 'source' | 'mappings'
>;

const mamoruProp = (props: OscalResource['props'], name: string): string | undefined =>
  findProp(props, name, MAMORU_NS)?.value;

/** Every param of the catalog by OSCAL ID: inserts may reference params of enclosing groups. */
export function collectParams(cat: OscalCatalog): Map<string, OscalParam> {
  const map = new Map<string, OscalParam>();
  const addAll = (params: readonly OscalParam[] | undefined): void =>
    params?.forEach((p) => map.set(p.id, p));
  const control = (c: OscalControl): void => {
    addAll(c.params);
    c.controls?.forEach(control);
  };
  const group = (g: OscalGroup): void => {
    addAll(g.params);
    g.groups?.forEach(group);
    g.controls?.forEach(control);
  };
  addAll(cat.params);
  cat.groups?.forEach(group);
  cat.controls?.forEach(control);
  return map;
}

const isHeader = (r: OscalResource): boolean =>
  mamoruProp(r.props, 'type') === HEADER_RESOURCE_TYPE && r.base64 !== undefined;

/** Library-level fields: Mamoru's header resource when present, else from OSCAL metadata. */
export function readHeader(cat: OscalCatalog, sourceName: string): Header | undefined {
  const resources = cat['back-matter']?.resources ?? [];
  const index = resources.findIndex(isHeader);
  if (index < 0) return undefined;
  try {
    return JSON.parse(
      Buffer.from(resources[index]!.base64!.value, 'base64').toString('utf8'),
    ) as Header;
  } catch (error) {
    const path = `/catalog/back-matter/resources/${index}/base64/value`;
    throw new LibraryValidationError(sourceName, [
      { path, message: `unreadable header: ${(error as Error).message}` },
    ]);
  }
}

export function headerFromMetadata(cat: OscalCatalog, locale: Locale): Header {
  const meta = cat.metadata;
  const roles = meta['responsible-parties'] ?? [];
  const publisherUuid = (roles.find((r) => r['role-id'] === 'publisher') ??
    roles.find((r) => r['role-id'] === 'creator'))?.['party-uuids'][0];
  const publisher = meta.parties?.find((p) => p.uuid === publisherUuid)?.name?.trim();
  const title = meta.title.trim();
  const remarks = meta.remarks?.trim();
  const published = /^\d{4}-\d{2}-\d{2}/.exec(meta.published ?? '')?.[0];
  return dropUndefined({
    formatVersion: 1 as const,
    id: slugify(title) || `oscal-${cat.uuid.slice(0, 8).toLowerCase()}`,
    version: meta.version,
    name: { [locale]: title },
    publisher: publisher ? { [locale]: publisher } : undefined,
    description: remarks ? { [locale]: remarks } : undefined,
    source: dropUndefined({ title, published }),
  });
}

/** OSCAL param ID → library param ID, for the params a Mamoru export prefixed. */
export function renamedParams(params: ReadonlyMap<string, OscalParam>): Map<string, string> {
  const map = new Map<string, string>();
  for (const [id, p] of params) {
    const own = mamoruProp(p.props, 'mamoru-id');
    if (own !== undefined && own !== id) map.set(id, own);
  }
  return map;
}
