import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** Every setting Mamoru reads from the environment; the README's table lists the same. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  MAMORU_DATA_DIR: z.string().min(1).default('./data'),
  MAMORU_DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAMORU_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  MAMORU_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  MAMORU_TRUST_PROXY: bool.default(false),
  MAMORU_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  MAMORU_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  MAMORU_WEB_DIST: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolMax: number;
  logLevel: string;
  bodyLimit: number;
  shutdownTimeoutMs: number;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  webDist: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.MAMORU_DATA_DIR),
    dbPoolMax: e.MAMORU_DB_POOL_MAX,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.MAMORU_BODY_LIMIT,
    shutdownTimeoutMs: e.MAMORU_SHUTDOWN_TIMEOUT_MS,
    trustProxy: e.MAMORU_TRUST_PROXY,
    sessionIdleMinutes: e.MAMORU_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.MAMORU_SESSION_MAX_HOURS,
    webDist: e.MAMORU_WEB_DIST
      ? resolve(e.MAMORU_WEB_DIST)
      : new URL('../../web/dist', import.meta.url).pathname,
  };
}
