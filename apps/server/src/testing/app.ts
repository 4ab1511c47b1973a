import pino from 'pino';
import type { Database } from '@mamoru/db';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';

export type App = Awaited<ReturnType<typeof buildApp>>;

/** One parsed pino line: level 50 is error, 60 fatal. */
export interface LogLine {
  level: number;
  msg?: string;
  err?: { type?: string; message?: string; stack?: string };
  [key: string]: unknown;
}

export interface TestAppExtras {
  /** Runs after the app's own plugins and routes, before ready(): add test-only routes here. */
  setup?: (app: App) => void | Promise<void>;
  /**
   * When given, request handling logs as JSON into this array (at `logLevel`,
   * 'info' unless overridden) instead of staying silent. Lines written while
   * the app is being built still go to stdout.
   */
  logs?: LogLine[];
}

/** A server wired to a test database, with quiet logs; use app.inject() to call it. */
export async function buildTestApp(
  database: Database,
  overrides: Partial<Config> = {},
  { setup, logs }: TestAppExtras = {},
) {
  const base = loadConfig({ LOG_LEVEL: logs ? 'info' : 'silent' });
  // Job workers poll the database; a test that needs them passes jobWorkers: true.
  const config = { ...base, jobWorkers: false, ...overrides };
  const app = await buildApp({ config, database, logger: Boolean(logs) });
  if (logs) captureLogs(app, logs);
  await setup?.(app);
  await app.ready();
  return app;
}

/**
 * Points the app's pino logger (and every child logger, which reaches the
 * stream through its prototype) at an in-memory sink. buildApp only takes
 * `logger: boolean`, so the stream is swapped through pino's integration
 * symbols rather than passed in.
 */
function captureLogs(app: App, sink: LogLine[]) {
  const stream = {
    write(line: string) {
      for (const part of line.split('\n')) {
        if (part.trim()) sink.push(JSON.parse(part) as LogLine);
      }
    },
  };
  (app.log as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = stream;
}
