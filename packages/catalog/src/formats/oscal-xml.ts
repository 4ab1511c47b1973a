// OSCAL catalog XML → the OSCAL JSON model.
//
// Choice (see also README.md): NIST's official converters are XSLT 3.0
// stylesheets (usnistgov/OSCAL, `*_xml-to-json-converter.xsl`). In Node the
// only XSLT 3.0 processor is SaxonJS, which is free of charge but not open
// source (Saxonica licence) and several MB, and the stylesheets would have to
// be compiled to SEF and shipped; the Java oscal-cli needs a JVM. No
// maintained npm package converts OSCAL XML. So this file converts the catalog
// model only, on top of saxes (xml.ts), following the metaschema rules of the
// catalog: which elements repeat (and the JSON array name of each group-as),
// which are markup-line or markup-multiline (turned back into Markdown by
// markup.ts, params into `{{ insert: param, id }}`), and which elements carry
// their value as text. Elements outside the model are reported and left out.
import { FormatError } from './errors.ts';
import { BLOCK_ELEMENTS, inlineMarkdown, multilineMarkdown } from './markup.ts';
import { warning, type ImportWarning } from './warnings.ts';
import { childElements, textOf, type XmlElement } from './xml.ts';

export const OSCAL_NS = 'http://csrc.nist.gov/ns/oscal/1.0';

/** OSCAL root elements (and JSON root keys) of the models that are not catalogs. */
export const OSCAL_OTHER_MODELS: Readonly<Record<string, string>> = {
  profile: 'profile',
  'component-definition': 'component definition',
  'system-security-plan': 'system security plan',
  'assessment-plan': 'assessment plan',
  'assessment-results': 'assessment results',
  'plan-of-action-and-milestones': 'plan of action and milestones',
  'mapping-collection': 'mapping collection',
};

type As = 'object' | 'line' | 'multiline' | 'string' | 'wrapped';
interface Rule {
  key: string;
  many?: true;
  as: As;
}

const one = (key: string, as: As): Rule => ({ key, as });
const many = (key: string, as: As): Rule => ({ key, many: true, as });

// Child element → JSON member, for the catalog model (catalog, metadata,
// control-common and back-matter metaschemas). Context-free except `address`.
const RULES: Readonly<Record<string, Rule>> = {
  metadata: one('metadata', 'object'),
  title: one('title', 'line'),
  published: one('published', 'string'),
  'last-modified': one('last-modified', 'string'),
  version: one('version', 'string'),
  'oscal-version': one('oscal-version', 'string'),
  revisions: one('revisions', 'wrapped'),
  'document-id': many('document-ids', 'object'),
  prop: many('props', 'object'),
  link: many('links', 'object'),
  role: many('roles', 'object'),
  location: many('locations', 'object'),
  party: many('parties', 'object'),
  'responsible-party': many('responsible-parties', 'object'),
  action: many('actions', 'object'),
  remarks: one('remarks', 'multiline'),
  description: one('description', 'multiline'),
  usage: one('usage', 'multiline'),
  param: many('params', 'object'),
  control: many('controls', 'object'),
  group: many('groups', 'object'),
  part: many('parts', 'object'),
  label: one('label', 'line'),
  constraint: many('constraints', 'object'),
  test: many('tests', 'object'),
  expression: one('expression', 'string'),
  guideline: many('guidelines', 'object'),
  value: many('values', 'string'),
  select: one('select', 'object'),
  choice: many('choice', 'line'),
  'back-matter': one('back-matter', 'object'),
  resource: many('resources', 'object'),
  citation: one('citation', 'object'),
  text: one('text', 'line'),
  rlink: many('rlinks', 'object'),
  hash: many('hashes', 'object'),
  base64: one('base64', 'object'),
  name: one('name', 'string'),
  'short-name': one('short-name', 'string'),
  'external-id': many('external-ids', 'object'),
  'email-address': many('email-addresses', 'string'),
  'telephone-number': many('telephone-numbers', 'object'),
  address: many('addresses', 'object'),
  'addr-line': many('addr-lines', 'string'),
  city: one('city', 'string'),
  state: one('state', 'string'),
  'postal-code': one('postal-code', 'string'),
  country: one('country', 'string'),
  url: many('urls', 'string'),
  'location-uuid': many('location-uuids', 'string'),
  'member-of-organization': many('member-of-organizations', 'string'),
  'party-uuid': many('party-uuids', 'string'),
};

// Elements whose text is a member of their JSON object.
const TEXT_MEMBER: Readonly<Record<string, string>> = {
  'document-id': 'identifier',
  hash: 'value',
  base64: 'value',
  'telephone-number': 'number',
  'external-id': 'id',
};

/** Where each JSON pointer of the converted document came from in the XML. */
export type XmlOrigins = Map<string, { path: string; line: number }>;

class Converter {
  readonly origins: XmlOrigins = new Map();
  private readonly skipped = new Map<string, { count: number; path: string }>();

  warnings(): ImportWarning[] {
    return [...this.skipped].map(([element, s]) =>
      warning('catalog_warning_xml_skipped', { element, count: s.count, path: s.path }),
    );
  }

  private skip(e: XmlElement) {
    const s = this.skipped.get(e.name);
    if (s) s.count++;
    else this.skipped.set(e.name, { count: 1, path: e.path });
  }

  object(e: XmlElement, pointer: string): Record<string, unknown> {
    this.origins.set(pointer, { path: e.path, line: e.line });
    const out: Record<string, unknown> = { ...e.attrs };
    const textMember = TEXT_MEMBER[e.name];
    if (textMember) out[textMember] = textOf(e).trim();
    // A link's text is a markup-line in the element itself.
    if (e.name === 'link') {
      const text = inlineMarkdown(e);
      if (text) out.text = text;
      return out;
    }
    const children = childElements(e);
    const blocks = children.filter((c) => BLOCK_ELEMENTS.has(c.name));
    if (blocks.length > 0 && (e.name === 'part' || e.name === 'guideline'))
      out.prose = multilineMarkdown(blocks);
    for (const child of children) {
      if (BLOCK_ELEMENTS.has(child.name) && 'prose' in out) continue;
      let rule = child.ns === e.ns ? RULES[child.name] : undefined;
      if (child.name === 'address' && e.name === 'location') rule = one('address', 'object');
      if (!rule) {
        this.skip(child);
        continue;
      }
      const list = rule.many ? ((out[rule.key] as unknown[] | undefined) ?? []) : undefined;
      const at = list ? `${pointer}/${rule.key}/${list.length}` : `${pointer}/${rule.key}`;
      this.origins.set(at, { path: child.path, line: child.line });
      const value = this.value(child, rule.as, at);
      if (list) {
        list.push(value);
        out[rule.key] = list;
      } else out[rule.key] = value;
    }
    return out;
  }

  private value(e: XmlElement, as: As, pointer: string): unknown {
    switch (as) {
      case 'object':
        return this.object(e, pointer);
      case 'line':
        return inlineMarkdown(e);
      case 'string':
        return textOf(e).trim();
      case 'multiline': {
        const blocks = childElements(e);
        return blocks.some((b) => BLOCK_ELEMENTS.has(b.name))
          ? multilineMarkdown(blocks)
          : inlineMarkdown(e);
      }
      case 'wrapped':
        return childElements(e).map((c, i) => this.object(c, `${pointer}/${i}`));
    }
  }
}

/**
 * Converts an OSCAL XML document (its root element) into the OSCAL JSON
 * model `{ catalog: … }`, with where each JSON node came from and what was
 * left out. Refuses other roots by name.
 */
export function oscalXmlToJson(root: XmlElement): {
  document: { catalog: Record<string, unknown> };
  origins: XmlOrigins;
  warnings: ImportWarning[];
} {
  const model = OSCAL_OTHER_MODELS[root.name];
  if (root.ns === OSCAL_NS && model)
    throw new FormatError('catalog_oscal_model', { model, root: root.name });
  // A catalog without the namespace is read too: its elements are all in no namespace.
  if (root.name !== 'catalog' || (root.ns !== OSCAL_NS && root.ns !== '')) {
    const shown = root.name.length > 40 ? `${root.name.slice(0, 40)}…` : root.name;
    const namespaced = root.ns && root.ns !== OSCAL_NS ? ` xmlns="${root.ns.slice(0, 80)}"` : '';
    throw new FormatError('catalog_xml_root', { root: `${shown}${namespaced}` });
  }
  const converter = new Converter();
  const catalog = converter.object(root, '/catalog');
  converter.origins.set('', { path: root.path, line: root.line });
  return { document: { catalog }, origins: converter.origins, warnings: converter.warnings() };
}
