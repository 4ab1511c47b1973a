// OSCAL prose → readable plain text: nested parts become indented, labelled
// lines and parameter insertions become bracketed placeholders, because a
// Mamoru summary is one text, not a tree with template variables.
import { findProp, inNamespace, type OscalParam, type OscalPart } from './model.ts';

const INSERT = /\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}/g;
// Choices can insert other params; a cycle must not hang the import.
const MAX_INSERT_DEPTH = 5;

/**
 * Replaces `{{ insert: param, id }}` by the param's assigned values
 * (`[a, b]`), its selection (`[selection: a, b]`, or
 * `[selection (one or more): a, b]`) or its label (`[label]`), in that order
 * of preference; an unknown param becomes `[id]`.
 */
export function renderInserts(
  text: string,
  params: ReadonlyMap<string, OscalParam>,
  depth = 0,
): string {
  return text.replace(INSERT, (_match, id: string) => {
    const param = params.get(id);
    if (!param || depth >= MAX_INSERT_DEPTH) return `[${id}]`;
    if (param.values?.length) return `[${param.values.map((v) => v.trim()).join(', ')}]`;
    const choice = param.select?.choice;
    if (choice?.length) {
      const head =
        param.select?.['how-many'] === 'one-or-more' ? 'selection (one or more)' : 'selection';
      return `[${head}: ${choice.map((c) => renderInserts(c.trim(), params, depth + 1)).join(', ')}]`;
    }
    return `[${param.label ?? id}]`;
  });
}

/** Whether a part is a plain OSCAL part (not an extension such as Mamoru's translations). */
export function isOscalPart(part: OscalPart): boolean {
  return inNamespace(part.ns, undefined);
}

/**
 * A part and its sub-parts as text. Labelled sub-parts (a., 1., …) become
 * list items, one per line, their own sub-items indented two spaces per
 * level; unlabelled sub-parts become paragraphs separated by a blank line.
 * A sub-part's title leads its text.
 */
export function renderPart(part: OscalPart, params: ReadonlyMap<string, OscalParam>): string {
  const blocks: { text: string; item: boolean }[] = [];
  const own = part.prose ? renderInserts(part.prose, params).trim() : '';
  if (own) blocks.push({ text: own, item: false });
  for (const child of (part.parts ?? []).filter(isOscalPart)) {
    const label = findProp(child.props, 'label')?.value;
    const body = renderPart(child, params);
    if (label) {
      const head = child.title ? `${label} ${child.title}` : label;
      const [first, ...rest] = (body ? `${head} ${body}` : head).split('\n');
      const text = [first, ...rest.map((line) => (line ? `  ${line}` : line))].join('\n');
      blocks.push({ text, item: true });
    } else {
      const text = child.title && body ? `${child.title}\n${body}` : (child.title ?? body);
      if (text) blocks.push({ text, item: false });
    }
  }
  return blocks.map((b, i) => (i === 0 ? b.text : (b.item ? '\n' : '\n\n') + b.text)).join('');
}

/** Texts of all plain OSCAL parts named `name`, rendered and joined; undefined when none has text. */
export function renderParts(
  parts: readonly OscalPart[] | undefined,
  name: string,
  params: ReadonlyMap<string, OscalParam>,
): string | undefined {
  const texts = (parts ?? [])
    .filter((p) => p.name === name && isOscalPart(p))
    .map((p) => renderPart(p, params))
    .filter((t) => t.length > 0);
  return texts.length > 0 ? texts.join('\n\n') : undefined;
}
