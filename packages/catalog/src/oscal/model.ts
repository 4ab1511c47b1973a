// The subset of the OSCAL 1.1 catalog model that Mamoru writes and reads.
// Field names are OSCAL's (kebab-case), so these objects serialize as-is.

export const OSCAL_VERSION = '1.1.3';
/** OSCAL's own namespace; a part or prop without `ns` is in it too. */
export const OSCAL_NS = 'http://csrc.nist.gov/ns/oscal';
/**
 * Namespace of Mamoru's extensions (IDs, translations, containers). OSCAL
 * tools ignore props and parts of a namespace they do not know, so the
 * extensions never disturb a plain OSCAL reader.
 */
export const MAMORU_NS = 'https://mamoru.dev/ns/oscal';

/**
 * Prefixes that turn IDs that are not OSCAL tokens (e.g. `3.1.1`) into
 * tokens, one per namespace (see ids.ts). Requirement and term IDs always get
 * theirs: they are Mamoru extensions with namespaces of their own.
 */
export const OSCAL_ID_PREFIX = {
  group: 'g-',
  control: 'c-',
  requirement: 'r-',
  param: 'p-',
  term: 't-',
} as const;
/** IDs of the container groups; they cannot clash with prefixed IDs. */
export const CONTAINER_ID = { requirements: 'requirements', terms: 'terms' } as const;
/** `type` prop of the back-matter resource that carries the library-level fields. */
export const HEADER_RESOURCE_TYPE = 'library-header';

export interface OscalProp {
  name: string;
  value: string;
  ns?: string;
  class?: string;
  uuid?: string;
  group?: string;
  remarks?: string;
}

export interface OscalLink {
  href: string;
  rel?: string;
  'media-type'?: string;
  'resource-fragment'?: string;
  text?: string;
}

export interface OscalPart {
  id?: string;
  name: string;
  ns?: string;
  class?: string;
  title?: string;
  props?: OscalProp[];
  prose?: string;
  parts?: OscalPart[];
  links?: OscalLink[];
}

export interface OscalParam {
  id: string;
  class?: string;
  props?: OscalProp[];
  links?: OscalLink[];
  label?: string;
  usage?: string;
  constraints?: { description?: string; tests?: { expression: string; remarks?: string }[] }[];
  guidelines?: { prose: string }[];
  values?: string[];
  select?: { 'how-many'?: 'one' | 'one-or-more'; choice?: string[] };
  remarks?: string;
}

export interface OscalControl {
  id: string;
  class?: string;
  title: string;
  params?: OscalParam[];
  props?: OscalProp[];
  links?: OscalLink[];
  parts?: OscalPart[];
  controls?: OscalControl[];
}

export interface OscalGroup {
  id?: string;
  class?: string;
  title: string;
  params?: OscalParam[];
  props?: OscalProp[];
  links?: OscalLink[];
  parts?: OscalPart[];
  groups?: OscalGroup[];
  controls?: OscalControl[];
}

export interface OscalResource {
  uuid: string;
  title?: string;
  description?: string;
  props?: OscalProp[];
  'document-ids'?: { scheme?: string; identifier: string }[];
  citation?: { text: string; props?: OscalProp[]; links?: OscalLink[] };
  rlinks?: {
    href: string;
    'media-type'?: string;
    hashes?: { algorithm: string; value: string }[];
  }[];
  base64?: { filename?: string; 'media-type'?: string; value: string };
  remarks?: string;
}

export interface OscalParty {
  uuid: string;
  type: 'person' | 'organization';
  name?: string;
}

export interface OscalMetadata {
  title: string;
  published?: string;
  'last-modified': string;
  version: string;
  'oscal-version': string;
  props?: OscalProp[];
  parties?: OscalParty[];
  'responsible-parties'?: { 'role-id': string; 'party-uuids': string[] }[];
  remarks?: string;
  /** Anything else OSCAL metadata holds (roles, links, revisions, …), kept as read. */
  [field: string]: unknown;
}

export interface OscalCatalog {
  uuid: string;
  metadata: OscalMetadata;
  params?: OscalParam[];
  controls?: OscalControl[];
  groups?: OscalGroup[];
  'back-matter'?: { resources?: OscalResource[] };
}

export interface OscalCatalogDocument {
  catalog: OscalCatalog;
}

/** The first prop named `name` in `ns` (OSCAL's own namespace when omitted). */
export function findProp(
  props: readonly OscalProp[] | undefined,
  name: string,
  ns?: string,
): OscalProp | undefined {
  return props?.find((p) => p.name === name && inNamespace(p.ns, ns));
}

/** Whether an item declared in `itemNs` belongs to namespace `ns` (undefined = OSCAL). */
export function inNamespace(itemNs: string | undefined, ns: string | undefined): boolean {
  const a = itemNs ?? OSCAL_NS;
  const b = ns ?? OSCAL_NS;
  return a === b;
}
