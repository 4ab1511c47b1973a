// Library → OSCAL 1.1.3 catalog, in one language, losslessly re-importable.
//
// Mapping (documented for users in packages/catalog/README.md):
// - IDs travel unchanged when they are OSCAL tokens; one that is not (ours
//   start with a digit: "3.1.1") gets a prefix by namespace (ids.ts) and a
//   `mamoru-id` prop with the original. The display ID is OSCAL's `label`
//   prop, the group kind (domain/objective) the group's `class`.
// - OSCAL content the library keeps (parts, links, props, classes, params,
//   back-matter, metadata of an imported catalog) is written as it was read:
//   a catalog imported from another tool exports as it came in.
// - Otherwise texts of the export locale fill the OSCAL fields (title;
//   `statement` / `guidance` parts of controls; `overview` parts of groups).
//   Every other language goes into a `translation` part in Mamoru's namespace
//   (title = title, prose = summary, nested `guidance` part), which OSCAL
//   tools ignore.
// - The requirement tree and the terms become two extra top-level groups
//   marked with a `container` prop; a library of Mamoru's own (no imported
//   metadata) carries its library-level fields (all languages, mappings) in a
//   JSON back-matter resource.
import { libraryLanguages } from '../tree.ts';
import type {
  Control,
  ControlGroup,
  ControlParam,
  Library,
  Locale,
  LocalizedText,
  Part,
  RequirementNode,
  Term,
} from '../types.ts';
import { compact, linkOut, mapList, partOut, propOut, resourceOut } from './convert.ts';
import { lastModifiedOf, mamoruProp, ownResources } from './export-header.ts';
import { mapInserts, oscalIdOf } from './ids.ts';
import { writeProps } from './labels.ts';
import {
  CONTAINER_ID,
  MAMORU_NS,
  OSCAL_VERSION,
  type OscalCatalogDocument,
  type OscalControl,
  type OscalGroup,
  type OscalMetadata,
  type OscalParam,
  type OscalPart,
  type OscalProp,
} from './model.ts';
import { renderParts } from './prose.ts';
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
/** The group that holds an imported catalog's catalog-level controls (see import.ts). */
const UNGROUPED_ID = '_ungrouped';

/** The `mamoru-id` prop of a node whose ID had to change. */
const renamed = (oscalId: string, id: string): OscalProp[] =>
  oscalId === id ? [] : [mamoruProp('mamoru-id', id)];

/** OSCAL prop values are single lines without edge whitespace. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Every param of the library, catalog-level, in groups and in controls. */
function allParams(lib: Library): ControlParam[] {
  const out: ControlParam[] = [...(lib.params ?? [])];
  const control = (c: Control): void => {
    out.push(...(c.params ?? []));
    c.controls?.forEach(control);
  };
  const group = (g: ControlGroup): void => {
    out.push(...(g.params ?? []));
    g.groups?.forEach(group);
    g.controls?.forEach(control);
  };
  lib.controlGroups.forEach(group);
  return out;
}

class Exporter {
  /** Library param ID → OSCAL param ID, for the params whose ID had to change. */
  readonly inserts = new Map<string, string>();
  /** The exported params by OSCAL ID, to render parts as the import will. */
  readonly params = new Map<string, OscalParam>();

  constructor(
    private readonly locale: Locale,
    /** A library of Mamoru's own: its exports mark what the import must read back verbatim. */
    private readonly own: boolean,
    lib: Library,
  ) {
    const params = allParams(lib);
    for (const p of params) {
      const id = oscalIdOf('param', p.id);
      if (id !== p.id) this.inserts.set(p.id, id);
    }
    for (const p of params) this.params.set(oscalIdOf('param', p.id), this.param(p));
  }

  /** The export-locale text; the loader guarantees it exists for every library language. */
  text(text: LocalizedText): string {
    const value = text[this.locale];
    if (value === undefined) throw new Error(`missing "${this.locale}" text`);
    return value;
  }

  private optText(text: LocalizedText | undefined): string | undefined {
    return text ? this.text(text) : undefined;
  }

  /**
   * One `translation` part per other language found in the node's texts;
   * with `own`, one for the export locale too (the node's OSCAL parts do not
   * render to its summary or guidance, so these travel beside them).
   */
  private translations(
    title?: LocalizedText,
    prose?: LocalizedText,
    guidance?: LocalizedText,
    own?: { prose?: string | undefined; guidance?: string | undefined },
  ): OscalPart[] {
    const locales = new Set<string>();
    for (const t of [title, prose, guidance])
      for (const l of Object.keys(t ?? {})) if (l !== this.locale) locales.add(l);
    const part = (lang: string, t?: string, p?: string, g?: string): OscalPart =>
      compact({
        name: 'translation',
        ns: MAMORU_NS,
        props: [mamoruProp('lang', lang)],
        title: t,
        prose: p,
        parts: g === undefined ? undefined : [{ name: 'guidance', ns: MAMORU_NS, prose: g }],
      });
    const out = [...locales].map((l) => part(l, title?.[l], prose?.[l], guidance?.[l]));
    if (own && (own.prose !== undefined || own.guidance !== undefined))
      out.unshift(part(this.locale, undefined, own.prose, own.guidance));
    return out;
  }

  /**
   * The parts of a node: its kept OSCAL parts, or its texts as `proseName`
   * and `guidance` parts; then its other languages.
   */
  private parts(
    node: { parts?: readonly Part[]; title: LocalizedText; summary?: LocalizedText },
    proseName: string,
    guidance?: LocalizedText,
  ): OscalPart[] {
    if (!node.parts) {
      const part = (name: string, t?: LocalizedText): OscalPart[] =>
        t ? [{ name, prose: this.text(t) }] : [];
      return [
        ...part(proseName, node.summary),
        ...part('guidance', guidance),
        ...this.translations(node.title, node.summary, guidance),
      ];
    }
    const parts = node.parts.map((p) => partOut(p, this.inserts));
    const differs = (name: string, t?: LocalizedText): string | undefined => {
      const want = t?.[this.locale];
      return want !== renderParts(parts, name, this.params) ? want : undefined;
    };
    const own = {
      prose: differs(proseName, node.summary),
      guidance: differs('guidance', guidance),
    };
    return [...parts, ...this.translations(node.title, node.summary, guidance, own)];
  }

  /** Marks a node of Mamoru's own library whose parts are kept OSCAL parts (see import.ts). */
  private partsMark(node: { parts?: readonly Part[] }): OscalProp[] {
    return this.own && node.parts ? [mamoruProp('oscal-parts', 'kept')] : [];
  }

  param(p: ControlParam): OscalParam {
    const id = oscalIdOf('param', p.id);
    const labelTranslations = Object.entries(p.label ?? {})
      .filter(([l, v]) => l !== this.locale && v !== undefined)
      .map(([l, v]) => mamoruProp('label', oneLine(v!), l));
    return compact({
      id,
      class: p.class,
      props: [...(p.props ?? []).map(propOut), ...renamed(id, p.id), ...labelTranslations],
      links: mapList(p.links, linkOut),
      label: this.optText(p.label),
      usage: p.usage,
      constraints: mapList(p.constraints, (c) =>
        compact({
          description: c.description,
          tests: mapList(c.tests, (t) => compact({ expression: t.expression, remarks: t.remarks })),
        }),
      ),
      guidelines: mapList(p.guidelines, (prose) => ({ prose })),
      values: p.values ? [...p.values] : undefined,
      select:
        p.select &&
        compact({
          'how-many': p.select.howMany,
          choice: p.select.choice.map((c) => mapInserts(c, this.inserts)),
        }),
      remarks: p.remarks,
    });
  }

  control(c: Control): OscalControl {
    const id = oscalIdOf('control', c.id);
    return compact({
      id,
      class: c.class,
      title: this.text(c.title),
      params: c.params?.map((p) => this.param(p)),
      props: [
        ...writeProps(c.props, c.displayId, c.id),
        ...renamed(id, c.id),
        ...this.partsMark(c),
      ],
      links: mapList(c.links, linkOut),
      parts: this.parts(c, 'statement', c.guidance),
      controls: c.controls?.map((x) => this.control(x)),
    });
  }

  /** `position` as in import.ts: a group whose ID the import would make from it needs none. */
  group(g: ControlGroup, position: string): OscalGroup {
    const id = g.id === `group-${position}` ? undefined : oscalIdOf('group', g.id);
    return compact({
      id,
      class: g.class ?? (g.kind === 'group' ? undefined : g.kind),
      title: this.text(g.title),
      params: g.params?.map((p) => this.param(p)),
      props: [
        ...writeProps(g.props, g.displayId, id === undefined ? position : g.id),
        ...renamed(id ?? g.id, g.id),
        ...this.partsMark(g),
      ],
      links: mapList(g.links, linkOut),
      parts: this.parts(g, 'overview'),
      groups: g.groups?.map((x, i) => this.group(x, `${position}.${i + 1}`)),
      controls: g.controls?.map((x) => this.control(x)),
    });
  }

  requirement(r: RequirementNode): OscalGroup {
    const id = oscalIdOf('requirement', r.id);
    return compact({
      id,
      class: 'requirement',
      title: this.text(r.title),
      props: [...writeProps(undefined, r.displayId, r.id), mamoruProp('mamoru-id', r.id)],
      parts: this.parts(r, 'overview'),
      groups: r.children?.map((x) => this.requirement(x)),
    });
  }

  term(t: Term): OscalPart {
    return compact({
      id: oscalIdOf('term', t.id),
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

/** The library as an OSCAL catalog document (`{ catalog: … }`) in `options.locale`. */
export function toOscalCatalog(lib: Library, options: OscalExportOptions): OscalCatalogDocument {
  const { locale } = options;
  const languages = libraryLanguages(lib);
  if (!languages.includes(locale)) {
    throw new Error(
      `library ${lib.id} has no "${locale}" texts (its languages: ${languages.join(', ')})`,
    );
  }
  const imported = lib.oscalMetadata;
  const ex = new Exporter(locale, imported === undefined, lib);
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

  // An imported catalog's catalog-level controls go back to the catalog level.
  const ungrouped = imported ? lib.controlGroups.find((g) => g.id === UNGROUPED_ID) : undefined;
  const groups: OscalGroup[] = lib.controlGroups
    .filter((g) => g !== ungrouped)
    .map((g, i) => ex.group(g, String(i + 1)));
  if (lib.requirements.length > 0) {
    groups.push(
      ex.container('requirements', { groups: lib.requirements.map((r) => ex.requirement(r)) }),
    );
  }
  if (lib.terms.length > 0)
    groups.push(ex.container('terms', { parts: lib.terms.map((t) => ex.term(t)) }));

  const resources = (lib.resources ?? []).map(resourceOut);
  let metadata: OscalMetadata;
  if (imported) {
    const { title: _t, version: _v, 'last-modified': _m, ...rest } = imported;
    metadata = {
      title: ex.text(lib.name),
      'last-modified': lastModified,
      version: lib.version,
      'oscal-version': OSCAL_VERSION,
      ...rest,
    };
  } else {
    const [source, header] = ownResources(lib, locale, resourceUuid);
    resources.unshift(source);
    resources.push(header);
    metadata = compact({
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
    });
  }

  return {
    catalog: compact({
      uuid: catalogUuid,
      metadata,
      params: lib.params?.map((p) => ex.param(p)),
      controls: ungrouped?.controls?.map((c) => ex.control(c)),
      groups,
      'back-matter': resources.length ? { resources } : undefined,
    }),
  };
}
