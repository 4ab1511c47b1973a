// Library → OSCAL 1.1.3 catalog, in one language, losslessly re-importable.
//
// Mapping (documented for users in packages/catalog/README.md):
// - OSCAL IDs must be tokens (start with a letter or '_'), and ours start with
//   a digit ("3.1.1"), so each node gets a prefix by namespace: `g-` groups,
//   `c-` controls, `r-` requirement nodes, `p-` params, `t-` terms. Our ID
//   travels unchanged in a `mamoru-id` prop, the display ID in OSCAL's `label`
//   prop, the group kind (domain/objective/group) in the group's `class`.
// - Texts of the export locale fill the OSCAL fields (title; `statement` /
//   `guidance` parts of controls; `overview` parts of groups). Every other
//   language goes into a `translation` part in Mamoru's namespace (title =
//   title, prose = summary, nested `guidance` part), which OSCAL tools ignore.
// - The requirement tree and the terms become two extra top-level groups
//   marked with a `container` prop; library-level fields (all languages,
//   mappings) travel as a JSON back-matter resource.
import { libraryLanguages } from '../tree.ts';
import type {
  Control,
  ControlGroup,
  ControlParam,
  Library,
  Locale,
  LocalizedText,
  RequirementNode,
  Term,
} from '../types.ts';
import {
  CONTAINER_ID,
  HEADER_RESOURCE_TYPE,
  MAMORU_NS,
  OSCAL_ID_PREFIX,
  OSCAL_VERSION,
  type OscalCatalogDocument,
  type OscalControl,
  type OscalGroup,
  type OscalParam,
  type OscalPart,
  type OscalProp,
  type OscalResource,
} from './model.ts';
import { canonicalJson, MAMORU_UUID_NAMESPACE, uuidV5 } from './uuid.ts';

export interface OscalExportOptions {
  /** Language of the OSCAL fields; must be one of the library's languages. */
  readonly locale: Locale;
  /** Mixed into every UUID, e.g. an instance or tenant ID, to keep UUIDs distinct across publishers. */
  readonly uuidSeed?: string;
  /**
   * metadata.last-modified. Defaults to the source's publication date (or
   * 2000-01-01), never to "now", so that the same input gives the same output.
   */
  readonly lastModified?: string | Date;
}

const CONTAINER_TITLES: Record<keyof typeof CONTAINER_ID, Record<string, string>> = {
  requirements: { en: 'Requirements', ja: '要求事項' },
  terms: { en: 'Terms and definitions', ja: '用語及び定義' },
};

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Drops undefined fields and empty arrays (OSCAL arrays have minItems 1). */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[key] = v;
  }
  return out as T;
}

const mamoruProp = (name: string, value: string, cls?: string): OscalProp =>
  compact({ name, ns: MAMORU_NS, value, class: cls });

const idProps = (id: string, displayId: string): OscalProp[] => [
  { name: 'label', value: displayId },
  mamoruProp('mamoru-id', id),
];

/** OSCAL prop values are single lines without edge whitespace. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

class Exporter {
  constructor(private readonly locale: Locale) {}

  /** The export-locale text; the loader guarantees it exists for every library language. */
  text(text: LocalizedText): string {
    const value = text[this.locale];
    if (value === undefined) throw new Error(`missing "${this.locale}" text`);
    return value;
  }

  private optText(text: LocalizedText | undefined): string | undefined {
    return text ? this.text(text) : undefined;
  }

  /** One `translation` part per other language found in the node's texts. */
  private translations(
    title?: LocalizedText,
    prose?: LocalizedText,
    guidance?: LocalizedText,
  ): OscalPart[] {
    const locales = new Set<string>();
    for (const t of [title, prose, guidance])
      for (const l of Object.keys(t ?? {})) if (l !== this.locale) locales.add(l);
    return [...locales].map((l) => {
      const guidanceText = guidance?.[l];
      return compact({
        name: 'translation',
        ns: MAMORU_NS,
        props: [mamoruProp('lang', l)],
        title: title?.[l],
        prose: prose?.[l],
        parts:
          guidanceText === undefined
            ? undefined
            : [{ name: 'guidance', ns: MAMORU_NS, prose: guidanceText }],
      });
    });
  }

  private part(name: string, text: LocalizedText | undefined): OscalPart[] {
    return text ? [{ name, prose: this.text(text) }] : [];
  }

  param(p: ControlParam): OscalParam {
    const label = p.label;
    const labelTranslations = Object.entries(label ?? {})
      .filter(([l, v]) => l !== this.locale && v !== undefined)
      .map(([l, v]) => mamoruProp('label', oneLine(v!), l));
    return compact({
      id: OSCAL_ID_PREFIX.param + p.id,
      props: [mamoruProp('mamoru-id', p.id), ...labelTranslations],
      label: this.optText(label),
      values: p.values ? [...p.values] : undefined,
      select: p.select && compact({ 'how-many': p.select.howMany, choice: [...p.select.choice] }),
    });
  }

  control(c: Control): OscalControl {
    return compact({
      id: OSCAL_ID_PREFIX.control + c.id,
      title: this.text(c.title),
      params: c.params?.map((p) => this.param(p)),
      props: idProps(c.id, c.displayId),
      parts: [
        ...this.part('statement', c.summary),
        ...this.part('guidance', c.guidance),
        ...this.translations(c.title, c.summary, c.guidance),
      ],
      controls: c.controls?.map((x) => this.control(x)),
    });
  }

  group(g: ControlGroup): OscalGroup {
    return compact({
      id: OSCAL_ID_PREFIX.group + g.id,
      class: g.kind,
      title: this.text(g.title),
      props: idProps(g.id, g.displayId),
      parts: [...this.part('overview', g.summary), ...this.translations(g.title, g.summary)],
      groups: g.groups?.map((x) => this.group(x)),
      controls: g.controls?.map((x) => this.control(x)),
    });
  }

  requirement(r: RequirementNode): OscalGroup {
    return compact({
      id: OSCAL_ID_PREFIX.requirement + r.id,
      class: 'requirement',
      title: this.text(r.title),
      props: idProps(r.id, r.displayId),
      parts: [...this.part('overview', r.summary), ...this.translations(r.title, r.summary)],
      groups: r.children?.map((x) => this.requirement(x)),
    });
  }

  term(t: Term): OscalPart {
    return compact({
      id: OSCAL_ID_PREFIX.term + t.id,
      name: 'term',
      ns: MAMORU_NS,
      props: [mamoruProp('mamoru-id', t.id)],
      title: this.text(t.term),
      prose: this.text(t.definition),
      parts: this.translations(t.term, t.definition),
    });
  }

  container(
    kind: keyof typeof CONTAINER_ID,
    content: Pick<OscalGroup, 'groups' | 'parts'>,
  ): OscalGroup {
    const titles = CONTAINER_TITLES[kind];
    return compact({
      id: CONTAINER_ID[kind],
      class: kind,
      title: titles[this.locale] ?? titles.en!,
      props: [mamoruProp('container', kind)],
      ...content,
    });
  }
}

function lastModifiedOf(lib: Library, option: string | Date | undefined): string {
  if (option instanceof Date) return option.toISOString();
  const value = option ?? `${lib.source.published ?? '2000-01-01'}T00:00:00Z`;
  if (!DATE_TIME.test(value))
    throw new Error(`lastModified must be a date-time with a time zone: ${value}`);
  return value;
}

/** The library as an OSCAL catalog document (`{ catalog: … }`) in `options.locale`. */
export function toOscalCatalog(lib: Library, options: OscalExportOptions): OscalCatalogDocument {
  const { locale } = options;
  const languages = libraryLanguages(lib);
  if (!languages.includes(locale)) {
    throw new Error(
      `library ${lib.id} has no "${locale}" texts (its languages: ${languages.join(', ')})`,
    );
  }
  const ex = new Exporter(locale);
  const lastModified = lastModifiedOf(lib, options.lastModified);
  const namespace =
    options.uuidSeed === undefined
      ? MAMORU_UUID_NAMESPACE
      : uuidV5(`seed:${options.uuidSeed}`, MAMORU_UUID_NAMESPACE);
  // The document UUID follows the content (OSCAL: a changed document gets a
  // new UUID); resource UUIDs follow only the library ID, as they name the
  // same resource in every revision.
  const catalogUuid = uuidV5(`catalog|${locale}|${lastModified}|${canonicalJson(lib)}`, namespace);
  const resourceUuid = (role: string): string => uuidV5(`${lib.id}|resource|${role}`, namespace);

  const { source } = lib;
  const sourceResource: OscalResource = compact({
    uuid: resourceUuid('source'),
    title: source.title,
    description: source.note?.[locale],
    props: [
      { name: 'type', value: 'standard' },
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

  const groups: OscalGroup[] = lib.controlGroups.map((g) => ex.group(g));
  if (lib.requirements.length > 0) {
    groups.push(
      ex.container('requirements', { groups: lib.requirements.map((r) => ex.requirement(r)) }),
    );
  }
  if (lib.terms.length > 0)
    groups.push(ex.container('terms', { parts: lib.terms.map((t) => ex.term(t)) }));

  return {
    catalog: compact({
      uuid: catalogUuid,
      metadata: compact({
        title: ex.text(lib.name),
        'last-modified': lastModified,
        version: lib.version,
        'oscal-version': OSCAL_VERSION,
        props: [
          mamoruProp('library-id', lib.id),
          mamoruProp('lang', locale),
          mamoruProp('format-version', String(lib.formatVersion)),
        ],
        remarks: lib.description?.[locale],
      }),
      groups,
      'back-matter': { resources: [sourceResource, headerResource] },
    }),
  };
}
