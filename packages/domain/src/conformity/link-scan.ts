import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * Test helper: every link the conformity rules and guidance can produce, read
 * from their source (not from one run's data, so a link shown only in a rare
 * state is still found). String constants and small href helpers
 * (`const X = (id) => \`/a/${id}\``) are resolved; any other interpolation
 * becomes `:x`. Only test code imports this (TypeScript is a dev dependency).
 */

export type ScannedLink = { file: string; path: string; params: string[] };

type Defs = Map<string, ts.Expression>;

const sourcesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourcesIn(full);
    const skip = /\.test\.ts$|fixtures|link-scan/.test(e.name);
    return e.name.endsWith('.ts') && !skip ? [full] : [];
  });

/** Every `const NAME = <expr>` of a file (the first one of a name). */
function definitions(file: ts.SourceFile): Defs {
  const defs: Defs = new Map();
  const visit = (node: ts.Node) => {
    const d = node;
    if (ts.isVariableDeclaration(d) && ts.isIdentifier(d.name) && d.initializer) {
      if (!defs.has(d.name.text)) defs.set(d.name.text, d.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return defs;
}

/** The texts an expression can make, as far as they can be known statically. */
function evaluate(node: ts.Expression, defs: Defs, depth = 0): string[] {
  if (depth > 8) return [':x'];
  const next = (n: ts.Expression) => evaluate(n, defs, depth + 1);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isParenthesizedExpression(node)) return next(node.expression);
  if (ts.isTemplateExpression(node)) {
    return node.templateSpans.reduce(
      (texts, span) =>
        texts.flatMap((t) => next(span.expression).map((v) => t + v + span.literal.text)),
      [node.head.text],
    );
  }
  if (ts.isIdentifier(node)) {
    const def = defs.get(node.text);
    return def && !ts.isArrowFunction(def) ? next(def) : [':x'];
  }
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
    const def = defs.get(node.expression.text);
    return def && ts.isArrowFunction(def) && !ts.isBlock(def.body) ? next(def.body) : [':x'];
  }
  // `kind === 'a' ? 'clause' : 'control'`: either branch can reach a link.
  if (ts.isConditionalExpression(node)) return [...next(node.whenTrue), ...next(node.whenFalse)];
  return [':x'];
}

const isLiteral = (n: ts.Node): n is ts.Expression =>
  ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n);

export function scanConformityLinks(dir: string): ScannedLink[] {
  const files = sourcesIn(dir).map((path) =>
    ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true),
  );
  // Exported constants are shared by name (people-links, improvement-links…);
  // a file's own definitions win over another file's.
  const shared: Defs = new Map();
  for (const f of files) for (const [k, v] of definitions(f)) if (!shared.has(k)) shared.set(k, v);
  const links: ScannedLink[] = [];
  for (const file of files) {
    const defs: Defs = new Map([...shared, ...definitions(file)]);
    const visit = (node: ts.Node) => {
      // Only outermost literals: a nested template is part of its parent's text.
      if (isLiteral(node) && !ts.isTemplateSpan(node.parent) && !isInsideTemplate(node)) {
        for (const text of evaluate(node, defs)) {
          if (text.startsWith('/') && !text.startsWith('//'))
            links.push(parse(file.fileName, text));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return links;
}

function isInsideTemplate(node: ts.Node): boolean {
  for (let p = node.parent; p; p = p.parent) if (ts.isTemplateExpression(p)) return true;
  return false;
}

function parse(file: string, href: string): ScannedLink {
  const [path = '', query = ''] = href.split('?');
  const params = query ? [...new URLSearchParams(query).keys()] : [];
  return { file: file.replace(/^.*\/conformity\//, ''), path, params };
}
