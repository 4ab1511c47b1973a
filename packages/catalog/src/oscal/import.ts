// OSCAL catalog → Library. Another tool's catalog keeps everything the OSCAL
// catalog model holds (parts of every name, links, params, props, classes,
// back-matter, metadata) so that the export gives it back; its statement and
// guidance are also rendered to text as the summary and guidance. A Mamoru
// export (it has the header resource) gives back the original library: IDs
// from `mamoru-id` props, every language from `translation` parts, the
// requirement tree and terms from the container groups, the library-level
// fields from the header.
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
import { compact, dropUndefined, linkIn, mapList, partIn, propIn, resourceIn } from './convert.ts';
import { mapInserts } from './ids.ts';
import {
  collectParams,
  headerFromMetadata,
  readHeader,
  renamedParams,
  type Header,
} from './import-header.ts';
import { oscalInputIssues } from './input-schema.ts';
import { readProps } from './labels.ts';
import {
  findProp,
  inNamespace,
  MAMORU_NS,
  type OscalCatalogDocument,
  type OscalControl,
  type OscalGroup,
  type OscalParam,
  type OscalPart,
  type OscalProp,
  type OscalResource,
} from './model.ts';
import { toFileIssues } from './paths.ts';
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

const mamoruProp = (props: readonly OscalProp[] | undefined, name: string): string | undefined =>
  findProp(props, name, MAMORU_NS)?.value;
const isMamoru = (item: { ns?: string }): boolean => inNamespace(item.ns, MAMORU_NS);

class Importer {
  /** Where each library object came from in the input, for error paths. */
  readonly sources = new WeakMap<object, string>();

  constructor(
    private readonly locale: Locale,
    private readonly params: ReadonlyMap<string, OscalParam>,
    /** Whether the catalog is a Mamoru export. */
    private readonly mamoru: boolean,
    /** OSCAL param ID → library param ID, for the few a Mamoru export had to prefix. */
    private readonly inserts: ReadonlyMap<string, string>,
  ) {}

  private at<T extends object>(value: T, pointer: string): T {
    this.sources.set(value, pointer);
    return value;
  }

  /** The OSCAL text in the catalog's locale plus the languages of Mamoru `translation` parts. */
  private text(
    value: string | undefined,
    parts: readonly OscalPart[] | undefined,
    pick: (t: OscalPart) => string | undefined,
  ): LocalizedText | undefined {
    const out: Record<string, string> = {};
    if (value !== undefined) out[this.locale] = value;
    for (const t of parts ?? []) {
      if (t.name !== 'translation' || !isMamoru(t)) continue;
      const lang = mamoruProp(t.props, 'lang');
      const v = pick(t);
      if (lang !== undefined && v !== undefined) out[lang] = v;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }

  /**
   * Title, summary (from `statement` or `overview` parts), guidance and the
   * parts to keep. A node of a Mamoru export without `oscal-parts` holds our
   * own texts in its parts: read them verbatim. Any other node keeps its
   * parts as they are and its texts are their rendering.
   */
  private texts(node: OscalControl | OscalGroup, proseName: string) {
    const { parts } = node;
    const keep = !this.mamoru || mamoruProp(node.props, 'oscal-parts') !== undefined;
    const prose = (name: string): string | undefined =>
      keep
        ? renderParts(parts, name, this.params)
        : parts?.find((p) => p.name === name && isOscalPart(p))?.prose;
    const guidance = (t: OscalPart): string | undefined =>
      t.parts?.find((p) => p.name === 'guidance' && isMamoru(p))?.prose;
    return {
      title: this.text(keep ? node.title.trim() : node.title, parts, (t) => t.title) ?? {},
      summary: this.text(prose(proseName), parts, (t) => t.prose),
      guidance: this.text(prose('guidance'), parts, guidance),
      parts: keep
        ? mapList(
            parts?.filter((p) => !isMamoru(p)),
            (p) => partIn(p, this.inserts),
          )
        : undefined,
    };
  }

  param(p: OscalParam, pointer: string): ControlParam {
    const own = p.label?.trim();
    const label: Record<string, string> = own ? { [this.locale]: own } : {};
    for (const prop of p.props ?? []) {
      if (prop.name === 'label' && isMamoru(prop) && prop.class) label[prop.class] = prop.value;
    }
    const choice = p.select?.choice?.map((c) => mapInserts(c, this.inserts));
    const param: ControlParam = compact({
      id: mamoruProp(p.props, 'mamoru-id') ?? p.id,
      class: p.class,
      props: mapList(
        p.props?.filter((x) => !isMamoru(x)),
        propIn,
      ),
      links: mapList(p.links, linkIn),
      label: Object.keys(label).length > 0 ? label : undefined,
      usage: p.usage,
      constraints: mapList(p.constraints, (c) =>
        compact({
          description: c.description,
          tests: mapList(c.tests, (t) => compact({ expression: t.expression, remarks: t.remarks })),
        }),
      ),
      guidelines: mapList(p.guidelines, (g) => g.prose),
      values: mapList(p.values, (v) => v),
      select: choice?.length ? compact({ howMany: p.select?.['how-many'], choice }) : undefined,
      remarks: p.remarks,
    });
    return this.at(param, pointer);
  }

  private paramsOf(list: readonly OscalParam[] | undefined, pointer: string) {
    return list?.length ? list.map((p, i) => this.param(p, `${pointer}/params/${i}`)) : undefined;
  }

  control(c: OscalControl, pointer: string): Control {
    const id = mamoruProp(c.props, 'mamoru-id') ?? c.id;
    const { title, summary, guidance, parts } = this.texts(c, 'statement');
    const { displayId, props } = readProps(c.props, id);
    const control: Control = compact({
      id,
      displayId,
      title,
      summary,
      guidance,
      class: c.class,
      props,
      links: mapList(c.links, linkIn),
      params: this.paramsOf(c.params, pointer),
      parts,
      controls: c.controls?.length
        ? c.controls.map((x, i) => this.control(x, `${pointer}/controls/${i}`))
        : undefined,
    });
    return this.at(control, pointer);
  }

  /** `position` (e.g. "2.1") names a group that has no OSCAL id. */
  group(g: OscalGroup, position: string, pointer: string): ControlGroup {
    const named = mamoruProp(g.props, 'mamoru-id') ?? g.id;
    const { title, summary, parts } = this.texts(g, 'overview');
    const { displayId, props } = readProps(g.props, named ?? position);
    // The class names the kind when it is one; another class (NIST's
    // `family`) is kept. A Mamoru export writes no class for plain groups.
    const kind = (
      g.class !== undefined && KINDS.includes(g.class) ? g.class : 'group'
    ) as GroupKind;
    const keepClass = g.class !== undefined && (this.mamoru ? kind !== g.class : kind === 'group');
    const group: ControlGroup = compact({
      id: named ?? `group-${position}`,
      displayId,
      kind,
      title,
      summary,
      class: keepClass ? g.class : undefined,
      props,
      links: mapList(g.links, linkIn),
      params: this.paramsOf(g.params, pointer),
      parts,
      groups: g.groups?.length
        ? g.groups.map((x, i) => this.group(x, `${position}.${i + 1}`, `${pointer}/groups/${i}`))
        : undefined,
      controls: g.controls?.length
        ? g.controls.map((x, i) => this.control(x, `${pointer}/controls/${i}`))
        : undefined,
    });
    return this.at(group, pointer);
  }

  requirement(g: OscalGroup, position: string, pointer: string): RequirementNode {
    const { title, summary } = this.texts(g, 'overview');
    const id = mamoruProp(g.props, 'mamoru-id') ?? g.id ?? position;
    // summary is required; when it is missing, parseLibrary reports the node.
    const children = g.groups?.map((x, i) =>
      this.requirement(x, `${position}.${i + 1}`, `${pointer}/groups/${i}`),
    );
    const { displayId } = readProps(g.props, id);
    return this.at(compact({ id, displayId, title, summary: summary!, children }), pointer);
  }

  term(p: OscalPart, position: number, pointer: string): Term {
    return this.at(
      {
        id: mamoruProp(p.props, 'mamoru-id') ?? p.id ?? `term-${position}`,
        term: this.text(p.title, p.parts, (t) => t.title) ?? {},
        definition: this.text(p.prose, p.parts, (t) => t.prose) ?? {},
      },
      pointer,
    );
  }
}

/**
 * Reads an OSCAL catalog document (`{ "catalog": … }`) into a validated
 * Library. Throws LibraryValidationError with JSON paths into the input when
 * it is not a readable catalog or does not make a valid library.
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
  const mamoruHeader = readHeader(cat, sourceName);
  const params = collectParams(cat);
  const importer = new Importer(locale, params, mamoruHeader !== undefined, renamedParams(params));

  const requirements: RequirementNode[] = [];
  const terms: Term[] = [];
  const controlGroups: ControlGroup[] = [];
  (cat.groups ?? []).forEach((g, i) => {
    const container = mamoruProp(g.props, 'container');
    const at = `/catalog/groups/${i}`;
    if (container === 'requirements')
      requirements.push(
        ...(g.groups ?? []).map((x, j) =>
          importer.requirement(x, `${i + 1}.${j + 1}`, `${at}/groups/${j}`),
        ),
      );
    else if (container === 'terms') {
      (g.parts ?? []).forEach((p, j) => {
        if (p.name === 'term' && isMamoru(p))
          terms.push(importer.term(p, terms.length + 1, `${at}/parts/${j}`));
      });
    } else controlGroups.push(importer.group(g, String(i + 1), at));
  });
  // Our format keeps controls in groups; catalog-level controls get a group of their own.
  if (cat.controls?.length) {
    controlGroups.push({
      id: '_ungrouped',
      displayId: '—',
      kind: 'group',
      title: { [locale]: UNGROUPED_TITLE[locale] ?? UNGROUPED_TITLE.en! },
      controls: cat.controls.map((c, i) => importer.control(c, `/catalog/controls/${i}`)),
    });
  }

  const header: Mutable<Header> = { ...(mamoruHeader ?? headerFromMetadata(cat, locale)) };
  if (options.id !== undefined) header.id = options.id;
  // A Mamoru export's own resources (the header; the source, which exports
  // before the `library-source` type name only by its title) are not content.
  const ownResource = (r: OscalResource): boolean =>
    r.props?.some(isMamoru) === true ||
    (findProp(r.props, 'type')?.value === 'standard' && r.title === mamoruHeader?.source.title);
  const resources = (cat['back-matter']?.resources ?? []).filter(
    (r) => !mamoruHeader || !ownResource(r),
  );
  const { title: _t, version: _v, 'last-modified': _m, ...metadata } = cat.metadata;
  const lib = dropUndefined({
    ...header,
    requirements,
    controlGroups,
    terms,
    params: cat.params?.length
      ? cat.params.map((p, i) => importer.param(p, `/catalog/params/${i}`))
      : undefined,
    resources: mapList(resources, resourceIn),
    oscalMetadata: mamoruHeader ? undefined : metadata,
  });
  try {
    return parseLibrary(lib, sourceName);
  } catch (error) {
    if (!(error instanceof LibraryValidationError)) throw error;
    throw new LibraryValidationError(
      sourceName,
      toFileIssues(lib, importer.sources, error.issues),
      'cannot be imported as a library',
    );
  }
}
