import { defineConfig } from 'vitest/config';

// Unit, data-layer and API tests; the browser tests live in e2e/ with their own config.
export default defineConfig({
  test: {
    globalSetup: ['packages/db/src/testing/global-setup.ts'],
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'apps/cli/src/**/*.test.ts',
            'bench/src/**/*.test.ts',
          ],
          // Test databases get the shipped catalog after migrating, as production does.
          setupFiles: ['packages/domain/src/testing/database-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          setupFiles: ['apps/web/src/test/setup.ts'],
          // Mantine pages render slowly in jsdom while the node project shares the
          // cores; a limit, not a speed expectation.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
