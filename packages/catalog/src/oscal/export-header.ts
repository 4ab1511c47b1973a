// The catalog-level side of an export: last-modified and Mamoru's own
// back-matter (the source and the library header).
import type { Library, Locale } from '../types.ts';
import { compact } from './convert.ts';
import { HEADER_RESOURCE_TYPE, MAMORU_NS, type OscalProp, type OscalResource } from './model.ts';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export const mamoruProp = (name: string, value: string, cls?: string): OscalProp =>
  compact({ name, ns: MAMORU_NS, value, class: cls });

export function lastModifiedOf(lib: Library, option: string | Date | undefined): string {
  if (option instanceof Date) return option.toISOString();
  const value = option ?? `${lib.source.published ?? '2000-01-01'}T00:00:00Z`;
  if (!DATE_TIME.test(value))
    throw new Error(`lastModified must be a date-time with a time zone: ${value}`);
  return value;
}

/** Mamoru's own back-matter: the source, then (after the library's resources) the header. */
export function ownResources(
  lib: Library,
  locale: Locale,
  resourceUuid: (role: string) => string,
): [OscalResource, OscalResource] {
  const { source } = lib;
  const sourceResource: OscalResource = compact({
    uuid: resourceUuid('source'),
    title: source.title,
    description: source.note?.[locale],
    props: [
      { name: 'type', value: 'standard' },
      mamoruProp('type', 'library-source'),
      ...(source.published ? [mamoruProp('published', source.published)] : []),
    ],
    citation: {
      text: [lib.publisher?.[locale], source.title, source.published].filter(Boolean).join(', '),
    },
    rlinks: source.url ? [{ href: source.url }] : undefined,
  });
  const header = {
    formatVersion: lib.formatVersion,
    id: lib.id,
    version: lib.version,
    name: lib.name,
    publisher: lib.publisher,
    description: lib.description,
    source: lib.source,
    mappings: lib.mappings,
  };
  const headerResource: OscalResource = {
    uuid: resourceUuid(HEADER_RESOURCE_TYPE),
    title: 'Mamoru library header',
    description:
      'Library-level fields in every language (name, publisher, description, source, mappings) as JSON, for a lossless re-import into Mamoru.',
    props: [mamoruProp('type', HEADER_RESOURCE_TYPE)],
    base64: {
      filename: 'mamoru-library-header.json',
      'media-type': 'application/json',
      value: Buffer.from(JSON.stringify(header), 'utf8').toString('base64'),
    },
  };
  return [sourceResource, headerResource];
}
