import { defineConfig } from 'vitest/config';

// Browser tests: the real server as a child process, driven with Debian's chromium.
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('.', import.meta.url).pathname,
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts its own server and browser; two files at a time keep both CI
    // cores busy while one waits on the other's browser (488 s of tests in 276 s).
    fileParallelism: true,
    maxWorkers: 2,
  },
});
