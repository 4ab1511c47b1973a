import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';

/**
 * `npm ci --omit=dev` then `npm start` must work: everything the running
 * server imports has to be a runtime dependency. This walks the real import
 * graph from the entry point `npm start` runs (type-only imports aside,
 * dynamic `import('x')` included) and checks every package it reaches against
 * the `dependencies` of the workspace whose file imports it.
 */
const root = resolve(import.meta.dirname, '../../..');
const readJson = (path: string) =>
  JSON.parse(readFileSync(path, 'utf8')) as {
    name: string;
    scripts?: Record<string, string>;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    exports?: Record<string, string>;
    workspaces?: string[];
  };
const rootPackage = readJson(join(root, 'package.json'));
const workspaces = (rootPackage.workspaces ?? []).map((dir) => ({
  dir: join(root, dir),
  pkg: readJson(join(root, dir, 'package.json')),
}));
const byName = new Map(workspaces.map((w) => [w.pkg.name, w]));
const builtins = new Set(builtinModules);

/** The package part of a bare specifier: `drizzle-orm/pg-core` → `drizzle-orm`. */
const packageName = (specifier: string) =>
  specifier.startsWith('@')
    ? specifier.split('/').slice(0, 2).join('/')
    : (specifier.split('/')[0] ?? specifier);

/** The specifiers a module loads when it runs. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      const named = node.importClause?.namedBindings;
      const allTypes =
        named &&
        ts.isNamedImports(named) &&
        !node.importClause?.name &&
        named.elements.length > 0 &&
        named.elements.every((e) => e.isTypeOnly);
      if (!allTypes) found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && !node.isTypeOnly && node.moduleSpecifier) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A workspace package's export (`@mamoru/db/repositories/audit`) as a file. */
function workspaceFile(specifier: string): string {
  const name = packageName(specifier);
  const workspace = byName.get(name);
  if (!workspace) throw new Error(`unknown workspace ${name}`);
  const subpath = `.${specifier.slice(name.length)}`;
  const exports = workspace.pkg.exports ?? {};
  for (const [key, target] of Object.entries(exports)) {
    if (key === subpath) return join(workspace.dir, target);
    if (key.endsWith('*') && subpath.startsWith(key.slice(0, -1))) {
      return join(workspace.dir, target.replace('*', subpath.slice(key.length - 1)));
    }
  }
  throw new Error(`${specifier} is not exported by ${name}`);
}

const workspaceOf = (file: string) =>
  workspaces.find((w) => file.startsWith(`${w.dir}/`)) ?? { dir: root, pkg: rootPackage };

/** Every source file reachable from the entry and the packages each one imports. */
function walk(entry: string) {
  const files = new Set<string>();
  const missing: string[] = [];
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const workspace = workspaceOf(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        if (/\.(ts|js|mjs)$/.test(target) && existsSync(target)) queue.push(target);
        continue;
      }
      if (specifier.startsWith('node:') || builtins.has(specifier)) continue;
      const name = packageName(specifier);
      if (byName.has(name)) {
        queue.push(workspaceFile(specifier));
        continue;
      }
      if (!workspace.pkg.dependencies?.[name]) {
        missing.push(
          `${relative(root, file)} imports ${name}, not in ${workspace.pkg.name} dependencies`,
        );
      }
    }
  }
  return { files, missing };
}

describe('runtime dependencies of `npm start`', () => {
  const start = rootPackage.scripts?.start ?? '';

  it('loads its --import hooks from the root package dependencies', () => {
    const hooks = [...start.matchAll(/--import[= ](\S+)/g)].map((m) => m[1]!);
    expect(hooks).toEqual(['tsx']);
    for (const hook of hooks) expect(rootPackage.dependencies?.[hook]).toBeDefined();
  });

  it('reaches only packages its workspaces declare as dependencies', () => {
    const entry = join(root, /(\S+\.ts)/.exec(start)?.[1] ?? '');
    const { files, missing } = walk(entry);
    // The walk is not vacuous: it reaches the server, the domain and the database layer.
    const reached = [...files].map((f) => relative(root, f));
    expect(reached).toEqual(
      expect.arrayContaining([
        'apps/server/src/app.ts',
        'packages/domain/src/index.ts',
        'packages/db/src/client.ts',
      ]),
    );
    expect(missing).toEqual([]);
  });

  it('never reaches test helpers from the running server', () => {
    const entry = join(root, /(\S+\.ts)/.exec(start)?.[1] ?? '');
    const reached = [...walk(entry).files].map((f) => relative(root, f));
    expect(reached.filter((f) => /\.test\.ts$|\/testing\//.test(f))).toEqual([]);
  });

  it('runs the prepare step without dev dependencies', () => {
    expect(rootPackage.scripts?.prepare).toBe('node scripts/prepare.mjs');
  });
});
