// CISO Assistant framework library (YAML, intuitem/ciso-assistant-community
// backend/library/libraries) → Library. The requirement nodes form a tree
// through parent_urn; in Mamoru's model an assessable node is what an
// organization decides on and implements, so it becomes a control, and a
// non-assessable node (a chapter, a theme) becomes a group. Nodes under a
// control become its child controls (the model has no groups inside
// controls). ref_id is the display ID; `translations` give the other
// languages. See README.md for every field.
import { LibraryValidationError } from '../errors.ts';
import type { Control, ControlGroup, Library, LocalizedText } from '../types.ts';
import { forest, isObj, slug, str, structureIssues, type Node, type Obj } from './ciso-tree.ts';
import { FormatError } from './errors.ts';
import { warning, type ImportWarning } from './warnings.ts';

/** True when the document is a CISO Assistant library (any kind of objects). */
export const isCisoLibrary = (doc: unknown): doc is Obj =>
  isObj(doc) && isObj(doc.objects) && (typeof doc.urn === 'string' || 'framework' in doc.objects);

// Fields of a requirement node that the library model has no place for.
const KEPT_OUT = [
  'implementation_groups',
  'questions',
  'reference_controls',
  'threats',
  'weight',
  'importance',
];
const NODE_ID = /^[\p{L}\p{N}_][\p{L}\p{N}._-]*$/u;
const EVIDENCE: Record<string, string> = {
  en: 'Typical evidence',
  ja: '典型的な証跡',
  fr: 'Preuves typiques',
};

/** Where a library node came from: the requirement node's ref_id and urn. */
export type CisoOrigins = Map<string, string>;

class Converter {
  readonly origins: CisoOrigins = new Map();
  private readonly ids = new Set<string>();
  private readonly keptOut = new Map<string, number>();
  private untranslated = new Map<string, number>();

  constructor(
    private readonly primary: string,
    private readonly languages: readonly string[],
  ) {}

  /** A text in every library language; a missing translation falls back to the primary text. */
  text(raw: Obj, field: string): LocalizedText | undefined {
    const own = str(raw[field]);
    const translations = isObj(raw.translations) ? raw.translations : {};
    const out: Record<string, string> = {};
    for (const lang of this.languages) {
      const t = lang === this.primary ? own : str((translations[lang] as Obj | undefined)?.[field]);
      if (t !== undefined) out[lang] = t;
    }
    const fallback = own ?? Object.values(out)[0];
    if (fallback === undefined) return undefined;
    for (const lang of this.languages) {
      if (out[lang] === undefined) {
        out[lang] = fallback;
        this.untranslated.set(lang, (this.untranslated.get(lang) ?? 0) + 1);
      }
    }
    return out;
  }

  private id(raw: Obj, urn: string, index: number): string {
    const tail = urn.slice(urn.lastIndexOf(':') + 1);
    const clean = (s: string) =>
      s
        .replace(/[^\p{L}\p{N}._-]+/gu, '-')
        .replace(/^[^\p{L}\p{N}_]+/u, '')
        .slice(0, 100);
    for (const candidate of [str(raw.ref_id), tail].map((c) => (c ? clean(c) : ''))) {
      if (candidate && NODE_ID.test(candidate) && !this.ids.has(candidate)) {
        this.ids.add(candidate);
        return candidate;
      }
    }
    const fallback = `node-${index + 1}`;
    this.ids.add(fallback);
    return fallback;
  }

  private common(n: Node) {
    const { raw } = n;
    const ref = str(raw.ref_id);
    const id = this.id(raw, n.urn, n.index);
    this.origins.set(id, ref ? `requirement node ${ref} (${n.urn})` : `requirement node ${n.urn}`);
    for (const field of KEPT_OUT) {
      if (raw[field] !== undefined && raw[field] !== null)
        this.keptOut.set(field, (this.keptOut.get(field) ?? 0) + 1);
    }
    const title = this.text(raw, 'name') ?? this.text(raw, 'ref_id') ?? { [this.primary]: id };
    return {
      id,
      displayId: ref && !/[\r\n]/.test(ref) && ref.length <= 200 ? ref : id,
      title: this.fill(title),
      summary: this.text(raw, 'description'),
    };
  }

  /** A text in every library language (titles made from a single ref_id). */
  fill(t: LocalizedText): LocalizedText {
    const any = Object.values(t).find((v) => v !== undefined)!;
    return Object.fromEntries(this.languages.map((l) => [l, t[l] ?? any]));
  }

  private guidance(raw: Obj): LocalizedText | undefined {
    const annotation = this.text(raw, 'annotation');
    const evidence = this.text(raw, 'typical_evidence');
    if (!evidence) return annotation;
    const out: Record<string, string> = {};
    for (const lang of this.languages) {
      const label = `${EVIDENCE[lang] ?? EVIDENCE.en!}:\n${evidence[lang]!}`;
      out[lang] = annotation ? `${annotation[lang]!}\n\n${label}` : label;
    }
    return out;
  }

  control(n: Node): Control {
    const c = this.common(n);
    return compact({
      ...c,
      guidance: this.guidance(n.raw),
      controls: n.children.length ? n.children.map((x) => this.control(x)) : undefined,
    });
  }

  group(n: Node): ControlGroup {
    const c = this.common(n);
    const groups: ControlGroup[] = [];
    const controls: Control[] = [];
    for (const child of n.children) {
      if (child.raw.assessable === true) controls.push(this.control(child));
      else groups.push(this.group(child));
    }
    return compact({
      ...c,
      kind: 'group' as const,
      groups: groups.length ? groups : undefined,
      controls: controls.length ? controls : undefined,
    });
  }

  warnings(orphans: Node[]): ImportWarning[] {
    const out: ImportWarning[] = [];
    if (this.keptOut.size > 0) {
      const count = Math.max(...this.keptOut.values());
      out.push(
        warning('catalog_warning_ciso_fields', {
          fields: [...this.keptOut.keys()].join(', '),
          count,
        }),
      );
    }
    for (const [locale, count] of this.untranslated)
      out.push(
        warning('catalog_warning_ciso_untranslated', { locale, count, fallback: this.primary }),
      );
    if (orphans.length > 0)
      out.push(
        warning('catalog_warning_ciso_orphans', {
          count: orphans.length,
          ref: str(orphans[0]!.raw.ref_id) ?? orphans[0]!.urn,
        }),
      );
    return out;
  }
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Reads a CISO Assistant framework library (already parsed) into a Library. */
export function fromCisoLibrary(
  doc: Obj,
  sourceName: string,
): { library: Library; origins: CisoOrigins; warnings: ImportWarning[] } {
  const objects = doc.objects as Obj;
  if (!isObj(objects.framework)) {
    const held = Object.keys(objects).slice(0, 6).join(', ') || 'nothing';
    throw new FormatError('catalog_ciso_no_framework', { objects: held });
  }
  const issues = structureIssues(doc);
  if (issues.length > 0)
    throw new LibraryValidationError(sourceName, issues, 'not a readable CISO Assistant framework');
  const framework = objects.framework;
  const primary = str(doc.locale) ?? 'en';
  const head = isObj(doc.translations) ? doc : framework;
  const translated = isObj(head.translations) ? Object.keys(head.translations) : [];
  const languages = [...new Set([primary, ...translated])];
  if (!languages.includes('ja') && !languages.includes('en'))
    throw new FormatError('catalog_ciso_no_language', { languages: languages.join(', ') });

  const converter = new Converter(primary, languages);
  const { roots, orphans } = forest(framework.requirement_nodes as Obj[]);
  const controlGroups: ControlGroup[] = [];
  let loose: Control[] = [];
  const flush = () => {
    if (loose.length === 0) return;
    controlGroups.push({
      id: `_top-${controlGroups.length + 1}`,
      displayId: '—',
      kind: 'group',
      title: converter.text(framework, 'name') ?? converter.text(doc, 'name')!,
      controls: loose,
    });
    loose = [];
  };
  for (const root of roots) {
    if (root.raw.assessable === true) loose.push(converter.control(root));
    else {
      flush();
      controlGroups.push(converter.group(root));
    }
  }
  flush();

  const name = converter.text(doc, 'name') ??
    converter.text(framework, 'name') ?? { [primary]: 'CISO Assistant framework' };
  const provider = str(doc.provider);
  const copyright = str(doc.copyright);
  const everywhere = (s: string) => Object.fromEntries(languages.map((l) => [l, s]));
  const urnTail = typeof doc.urn === 'string' ? doc.urn.slice(doc.urn.lastIndexOf(':') + 1) : '';
  const library = compact({
    formatVersion: 1 as const,
    id: slug(urnTail || str(doc.ref_id) || str(framework.ref_id) || '') || 'ciso-framework',
    version: str(doc.version) ?? '1',
    name: converter.fill(name),
    publisher: provider ? everywhere(provider) : undefined,
    description: converter.text(doc, 'description') ?? converter.text(framework, 'description'),
    source: compact({
      title: str(doc.name) ?? str(framework.name) ?? urnTail,
      note: copyright ? everywhere(copyright) : undefined,
    }),
    requirements: [],
    controlGroups,
    terms: [],
  }) as Library;
  return { library, origins: converter.origins, warnings: converter.warnings(orphans) };
}
