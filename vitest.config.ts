import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const nodeTests = [
  'packages/*/src/**/*.test.ts',
  'apps/server/src/**/*.test.ts',
  'apps/cli/src/**/*.test.ts',
  'bench/src/**/*.test.ts',
];

/**
 * Test files that replace a module with vi.mock (today some web tests; the
 * node tests record routes through Fastify's own hook). A mock must apply to the whole
 * module graph a file loads, so these files keep a fresh one (isolate: true);
 * found by reading the files, so new ones need no list kept by hand.
 */
function filesMockingModules(roots: string[], test: RegExp): string[] {
  const found: string[] = [];
  for (const root of roots) {
    for (const entry of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      const path = `${root}/${entry}`;
      if (!test.test(path) || path.includes('node_modules')) continue;
      if (/\bvi\.(do)?[mM]ock\(/.test(readFileSync(path, 'utf8'))) found.push(path);
    }
  }
  return found;
}
const isolatedNodeTests = filesMockingModules(
  ['packages', 'apps/server/src', 'apps/cli/src', 'bench/src'],
  /\.test\.ts$/,
);
const isolatedWebTests = filesMockingModules(['apps/web/src'], /\.test\.tsx?$/);

const nodeProject = {
  environment: 'node',
  // Test databases get the shipped catalog after migrating, as production does.
  setupFiles: ['packages/domain/src/testing/database-setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

const webTests = ['apps/web/src/**/*.test.{ts,tsx}'];
const webProject = {
  environment: 'jsdom',
  setupFiles: ['apps/web/src/test/setup.ts'],
  // Mantine pages render slowly in jsdom while the node project shares the
  // cores; a limit, not a speed expectation.
  testTimeout: 30_000,
};

// Unit, data-layer and API tests; the browser tests live in e2e/ with their own config.
export default defineConfig({
  test: {
    globalSetup: ['packages/db/src/testing/global-setup.ts'],
    // Vitest's default (cores − 1) leaves one of CI's two cores idle; every file opens
    // its own databases, so two workers run side by side (measured: 56 s → 44 s on six
    // route files).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          ...nodeProject,
          name: 'node',
          include: nodeTests,
          exclude: ['**/node_modules/**', ...isolatedNodeTests],
          // One worker process runs file after file with the modules it already
          // loaded (fastify, drizzle, PGlite, the domain): importing them again for
          // every file cost seconds per file. Every file still opens its own
          // databases and app, and vitest restores mocks and stubs between files.
          isolate: false,
        },
      },
      ...(isolatedNodeTests.length > 0
        ? [{ test: { ...nodeProject, name: 'node-isolated', include: isolatedNodeTests } }]
        : []),
      {
        test: {
          ...webProject,
          name: 'web',
          include: webTests,
          exclude: ['**/node_modules/**', ...isolatedWebTests],
          // As in the node project: React, Mantine and the pages load once per
          // worker, not once per file. Each test renders into a fresh memory router
          // and query client, and setup.ts resets storage, i18n and the CSRF token.
          isolate: false,
        },
      },
      ...(isolatedWebTests.length > 0
        ? [{ test: { ...webProject, name: 'web-isolated', include: isolatedWebTests } }]
        : []),
    ],
  },
});
