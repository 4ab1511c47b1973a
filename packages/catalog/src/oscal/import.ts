// OSCAL catalog → Library. Any OSCAL 1.x catalog gives a single-language
// library; a Mamoru export (see export.ts) gives back the original library:
// IDs from `mamoru-id` props, every language from `translation` parts, the
// requirement tree and terms from the container groups, the library-level
// fields from the header resource.
import { LibraryValidationError } from '../errors.ts';
import { parseLibrary } from '../load.ts';
import type {
  Control,
  ControlGroup,
  ControlParam,
  GroupKind,
  Library,
  Locale,
  LocalizedText,
  RequirementNode,
  Term,
} from '../types.ts';
import { oscalInputIssues } from './input-schema.ts';
import {
  findProp,
  HEADER_RESOURCE_TYPE,
  inNamespace,
  MAMORU_NS,
  type OscalCatalog,
  type OscalCatalogDocument,
  type OscalControl,
  type OscalGroup,
  type OscalParam,
  type OscalPart,
  type OscalProp,
} from './model.ts';
import { isOscalPart, renderParts } from './prose.ts';

export interface OscalImportOptions {
  /** Library ID (slug). Default: the Mamoru export's ID, else a slug of the catalog title. */
  readonly id?: string;
  /** Language of the catalog's texts. A Mamoru export records its own, which wins. */
  readonly locale: Locale;
  /** Named in error messages, e.g. the uploaded file's name. */
  readonly sourceName?: string;
}

const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const KINDS: readonly string[] = ['domain', 'objective', 'group'] satisfies GroupKind[];
const UNGROUPED_TITLE: Record<string, string> = {
  en: 'Ungrouped controls',
  ja: 'グループ外の管理策',
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Header = Pick<
  Library,
  'formatVersion' | 'id' | 'version' | 'name' | 'publisher' | 'description' | 'source' | 'mappings'
>;

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const mamoruProp = (props: readonly OscalProp[] | undefined, name: string): string | undefined =>
  findProp(props, name, MAMORU_NS)?.value;

/** The OSCAL `label` prop; a class-less one wins over e.g. `class: "sp800-53a"`. */
function labelOf(props: readonly OscalProp[] | undefined): string | undefined {
  const labels = (props ?? []).filter((p) => p.name === 'label' && inNamespace(p.ns, undefined));
  return (labels.find((p) => p.class === undefined) ?? labels[0])?.value.trim() || undefined;
}

function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

class Importer {
  constructor(
    private readonly locale: Locale,
    private readonly params: ReadonlyMap<string, OscalParam>,
  ) {}

  /** The OSCAL text in the catalog's locale plus the other languages of Mamoru `translation` parts. */
  private text(
    value: string | undefined,
    parts: readonly OscalPart[] | undefined,
    pick: (t: OscalPart) => string | undefined,
  ): LocalizedText | undefined {
    const out: Record<string, string> = {};
    if (value !== undefined) out[this.locale] = value;
    for (const t of parts ?? []) {
      if (t.name !== 'translation' || !inNamespace(t.ns, MAMORU_NS)) continue;
      const lang = mamoruProp(t.props, 'lang');
      const v = pick(t);
      if (lang !== undefined && v !== undefined) out[lang] = v;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }

  /**
   * Title, summary (from `statement` or `overview` parts) and guidance of a
   * node. A node of a Mamoru export (it has a `mamoru-id`) holds our own
   * texts: read them verbatim. Other catalogs' parts are rendered to text.
   */
  private texts(node: OscalControl | OscalGroup, proseName: string) {
    const { parts } = node;
    const verbatim = mamoruProp(node.props, 'mamoru-id') !== undefined;
    const prose = (name: string): string | undefined =>
      verbatim
        ? parts?.find((p) => p.name === name && isOscalPart(p))?.prose
        : renderParts(parts, name, this.params);
    const guidance = (t: OscalPart): string | undefined =>
      t.parts?.find((p) => p.name === 'guidance' && inNamespace(p.ns, MAMORU_NS))?.prose;
    return {
      title: this.text(verbatim ? node.title : node.title.trim(), parts, (t) => t.title) ?? {},
      summary: this.text(prose(proseName), parts, (t) => t.prose),
      guidance: this.text(prose('guidance'), parts, guidance),
    };
  }

  param(p: OscalParam): ControlParam {
    const own = p.label?.trim();
    const label: Record<string, string> = own ? { [this.locale]: own } : {};
    for (const prop of p.props ?? []) {
      if (prop.name === 'label' && inNamespace(prop.ns, MAMORU_NS) && prop.class)
        label[prop.class] = prop.value;
    }
    // Our texts carry no edge whitespace; OSCAL strings may.
    const values = p.values?.map((v) => v.trim()).filter(Boolean);
    const choice = p.select?.choice?.map((v) => v.trim()).filter(Boolean);
    return compact({
      id: mamoruProp(p.props, 'mamoru-id') ?? p.id,
      label: Object.keys(label).length > 0 ? label : undefined,
      values: values?.length ? values : undefined,
      select: choice?.length ? compact({ howMany: p.select?.['how-many'], choice }) : undefined,
    });
  }

  control(c: OscalControl): Control {
    const { title, summary, guidance } = this.texts(c, 'statement');
    return compact({
      id: mamoruProp(c.props, 'mamoru-id') ?? c.id,
      displayId: labelOf(c.props) ?? c.id,
      title,
      summary,
      guidance,
      params: c.params?.length ? c.params.map((p) => this.param(p)) : undefined,
      controls: c.controls?.length ? c.controls.map((x) => this.control(x)) : undefined,
    });
  }

  /** `position` (e.g. "2.1") names a group that has no OSCAL id. */
  group(g: OscalGroup, position: string): ControlGroup {
    const fallbackId = g.id ?? `group-${position}`;
    const { title, summary } = this.texts(g, 'overview');
    return compact({
      id: mamoruProp(g.props, 'mamoru-id') ?? fallbackId,
      displayId: labelOf(g.props) ?? g.id ?? position,
      kind: (g.class !== undefined && KINDS.includes(g.class) ? g.class : 'group') as GroupKind,
      title,
      summary,
      groups: g.groups?.length
        ? g.groups.map((x, i) => this.group(x, `${position}.${i + 1}`))
        : undefined,
      controls: g.controls?.length ? g.controls.map((x) => this.control(x)) : undefined,
    });
  }

  requirement(g: OscalGroup, position: string): RequirementNode {
    const { title, summary } = this.texts(g, 'overview');
    const id = mamoruProp(g.props, 'mamoru-id') ?? g.id ?? position;
    // summary is required; when it is missing, parseLibrary reports the node.
    const children = g.groups?.map((x, i) => this.requirement(x, `${position}.${i + 1}`));
    return compact({ id, displayId: labelOf(g.props) ?? id, title, summary: summary!, children });
  }

  term(p: OscalPart, position: number): Term {
    return {
      id: mamoruProp(p.props, 'mamoru-id') ?? p.id ?? `term-${position}`,
      term: this.text(p.title, p.parts, (t) => t.title) ?? {},
      definition: this.text(p.prose, p.parts, (t) => t.prose) ?? {},
    };
  }
}

/** Every param of the catalog by OSCAL ID: inserts may reference params of enclosing groups. */
function collectParams(cat: OscalCatalog): Map<string, OscalParam> {
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

/** Library-level fields: Mamoru's header resource when present, else from OSCAL metadata. */
function readHeader(cat: OscalCatalog, locale: Locale, sourceName: string): Header {
  const resources = cat['back-matter']?.resources ?? [];
  const index = resources.findIndex(
    (r) => mamoruProp(r.props, 'type') === HEADER_RESOURCE_TYPE && r.base64,
  );
  if (index >= 0) {
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
  const meta = cat.metadata;
  const roles = meta['responsible-parties'] ?? [];
  const publisherUuid = (roles.find((r) => r['role-id'] === 'publisher') ??
    roles.find((r) => r['role-id'] === 'creator'))?.['party-uuids'][0];
  const publisher = meta.parties?.find((p) => p.uuid === publisherUuid)?.name?.trim();
  const title = meta.title.trim();
  const remarks = meta.remarks?.trim();
  const published = /^\d{4}-\d{2}-\d{2}/.exec(meta.published ?? '')?.[0];
  return compact({
    formatVersion: 1 as const,
    id: slugify(title) || `oscal-${cat.uuid.slice(0, 8).toLowerCase()}`,
    version: meta.version,
    name: { [locale]: title },
    publisher: publisher ? { [locale]: publisher } : undefined,
    description: remarks ? { [locale]: remarks } : undefined,
    source: compact({ title, published }),
  });
}

/**
 * Reads an OSCAL catalog document (`{ "catalog": … }`) into a validated
 * Library. Throws LibraryValidationError with JSON paths when the input is
 * not a readable catalog or does not make a valid library.
 */
export function fromOscalCatalog(json: unknown, options: OscalImportOptions): Library {
  const sourceName = options.sourceName ?? 'OSCAL catalog';
  const inputIssues = oscalInputIssues(json);
  if (inputIssues.length > 0)
    throw new LibraryValidationError(sourceName, inputIssues, 'not a readable OSCAL catalog');
  const cat = (json as OscalCatalogDocument).catalog;

  const recorded = mamoruProp(cat.metadata.props, 'lang');
  const locale = recorded !== undefined && LOCALE.test(recorded) ? recorded : options.locale;
  if (!LOCALE.test(locale)) throw new Error(`not a language tag: ${locale}`);
  const importer = new Importer(locale, collectParams(cat));

  const requirements: RequirementNode[] = [];
  const terms: Term[] = [];
  const controlGroups: ControlGroup[] = [];
  (cat.groups ?? []).forEach((g, i) => {
    const container = mamoruProp(g.props, 'container');
    if (container === 'requirements')
      requirements.push(
        ...(g.groups ?? []).map((x, j) => importer.requirement(x, `${i + 1}.${j + 1}`)),
      );
    else if (container === 'terms') {
      const parts = (g.parts ?? []).filter(
        (p) => p.name === 'term' && inNamespace(p.ns, MAMORU_NS),
      );
      terms.push(...parts.map((p, j) => importer.term(p, j + 1)));
    } else controlGroups.push(importer.group(g, String(i + 1)));
  });
  // Our format keeps controls in groups; catalog-level controls get a group of their own.
  if (cat.controls?.length) {
    controlGroups.push({
      id: '_ungrouped',
      displayId: '—',
      kind: 'group',
      title: { [locale]: UNGROUPED_TITLE[locale] ?? UNGROUPED_TITLE.en! },
      controls: cat.controls.map((c) => importer.control(c)),
    });
  }

  const header: Mutable<Header> = { ...readHeader(cat, locale, sourceName) };
  if (options.id !== undefined) header.id = options.id;
  const lib = compact({ ...header, requirements, controlGroups, terms });
  return parseLibrary(lib, `${sourceName} (as a library)`);
}
