import { resolve } from 'node:path';
import cronParser from 'cron-parser';
import { z } from 'zod';
import { parseTrustProxy, type TrustProxy } from './plugins/proxy.ts';
import { DEFAULT_IMPORT_LIMITS } from './tabular/read.ts';

const positive = z.coerce.number().int().min(1);
const limits = DEFAULT_IMPORT_LIMITS;

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
  MAMORU_EMBEDDED_SHARED_BUFFERS: z
    .string()
    .regex(/^[1-9]\d*(kB|MB|GB)$/, 'must be a size such as 32MB')
    .default('32MB'),
  MAMORU_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAMORU_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  MAMORU_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  MAMORU_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const parsed = parseTrustProxy(v);
      if (typeof parsed === 'object' && !Array.isArray(parsed) && parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed as TrustProxy;
    }),
  MAMORU_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  MAMORU_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  MAMORU_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  MAMORU_LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  MAMORU_LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  MAMORU_LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(0).max(60).default(8),
  MAMORU_WEB_DIST: z.string().optional(),
  MAMORU_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).default(52_428_800),
  // A guessable token would expose the metrics it guards: at least 24 characters.
  MAMORU_METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  MAMORU_AUDIT_SIGNING_KEY: z.string().optional(),
  MAMORU_SECRET_KEY: z.string().optional(),
  MAMORU_DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(1).default(5_000),
  MAMORU_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  MAMORU_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  MAMORU_JOBS_PER_ORGANIZATION: z.coerce.number().int().min(1).default(2),
  MAMORU_JOBS_QUEUE_PER_ORGANIZATION: z.coerce.number().int().min(0).default(20),
  MAMORU_JOBS_WORKERS: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  MAMORU_JOBS_POLL_SECONDS: z.coerce.number().int().min(1).max(45).default(5),
  MAMORU_JOBS_SCHEDULES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const parsed = parseSchedules(v);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed });
        return z.NEVER;
      }
      return parsed;
    }),
  MAMORU_BACKUP_DIR: z.string().optional(),
  MAMORU_BACKUP_KEEP: z.coerce.number().int().min(1).max(100_000).default(14),
  MAMORU_BACKUP_CRON: z
    .string()
    .optional()
    .refine((v) => v === undefined || validCron(v), {
      message: 'must be a cron of five fields (minute hour day month weekday), in UTC',
    }),
  MAMORU_IMPORT_MAX_UNCOMPRESSED_BYTES: positive.default(limits.maxUncompressedBytes),
  MAMORU_IMPORT_MAX_ROWS: positive.default(limits.maxRows),
  MAMORU_IMPORT_MAX_COLUMNS: positive.default(limits.maxColumns),
  MAMORU_IMPORT_MAX_CELL_CHARS: positive.default(limits.maxCellChars),
  // Catalog files up to this size import within the request; larger ones (to 50 MiB) as a job.
  MAMORU_CATALOG_IMPORT_MAX_BYTES: positive.max(52_428_800).default(5_242_880),
  MAMORU_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'must start with smtp:// or smtps://')
    .optional(),
  MAMORU_MAIL_FROM: z.string().min(3).optional(),
  MAMORU_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+/, 'must start with http:// or https://')
    .optional(),
  MAMORU_SMTP_REQUIRE_TLS: z.enum(['true', 'false']).default('false'),
  MAMORU_SMTP_TLS_REJECT_UNAUTHORIZED: z.enum(['true', 'false']).default('true'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  dbPoolMax: number;
  /** Embedded database only: PostgreSQL's shared_buffers inside PGlite (see docs/performance.md). */
  embeddedSharedBuffers: string;
  /** Server processes sharing the port (node:cluster); more than one needs PostgreSQL. */
  processes: number;
  logLevel: string;
  bodyLimit: number;
  shutdownTimeoutMs: number;
  /** Proxies in front of Mamoru whose X-Forwarded-* headers count (hop count or addresses). */
  trustProxy: TrustProxy;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Wrong passwords per account and address pair inside the window before 429. */
  loginMaxFailures: number;
  loginMaxFailuresPerAddress: number;
  loginWindowSeconds: number;
  /** The longest delay a log-in on an account under attack waits before its check. */
  loginMaxDelaySeconds: number;
  webDist: string;
  /** The largest evidence file an upload may carry (413 beyond it). */
  maxUploadBytes: number;
  /** Bearer token /metrics requires; unset, /metrics is not served at all. */
  metricsToken: string | undefined;
  /** An Ed25519 private key (PEM file) outside the database that signs audit chain anchors. */
  auditSigningKey: string | undefined;
  /** File with the 32-byte key that seals TOTP seeds and IdP client secrets at rest. */
  secretKey: string | undefined;
  /**
   * MAMORU_PUBLIC_URL without a trailing slash: the address users open Mamoru
   * at (WebAuthn rp ID and origin, SSO callback URLs). Unset: the request's host.
   */
  publicUrl: string | undefined;
  /** PostgreSQL: how long a request waits for a pooled connection before 503. */
  dbAcquireTimeoutMs: number;
  /** PostgreSQL: statement_timeout of every connection (0: none). */
  dbStatementTimeoutMs: number;
  /** PostgreSQL: idle_in_transaction_session_timeout of every connection (0: none). */
  dbIdleInTransactionTimeoutMs: number;
  /** Imports, exports and generations one organization runs at once… */
  jobsPerOrganization: number;
  /** …and how many more wait for a turn (429 beyond). */
  jobsQueuePerOrganization: number;
  /** Work background job queues and run schedules on this instance (else only enqueue). */
  jobWorkers: boolean;
  /** How often workers poll for work and the cron monitor for due ticks. */
  jobPollSeconds: number;
  /** Cron per scheduled job name, replacing the built-in one. */
  jobSchedules: Record<string, string>;
  /**
   * Scheduled whole-instance backups: `dir` unset, none are written; `cron`
   * unset, the job's own schedule (daily 18:00 UTC) holds.
   */
  backup: { dir: string | undefined; keep: number; cron: string | undefined };
  /** Catalog files up to this size import within the request; larger ones (to the hard cap) as a job. */
  catalogImportMaxBytes: number;
  /** What one import file may cost (422 naming the limit beyond). */
  importLimits: {
    maxUncompressedBytes: number;
    maxRows: number;
    maxColumns: number;
    maxCellChars: number;
  };
  /** Email through SMTP; null (no MAMORU_SMTP_URL): notifications stay in the app. */
  mail: {
    smtpUrl: string;
    from: string;
    /** The address users open Mamoru at, for links in mails. */
    publicUrl: string;
    requireTls: boolean;
    rejectUnauthorized: boolean;
  } | null;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (`PORT=` in an env file, `${VAR:-}` in compose) means
  // "not set": without this PORT= would coerce to 0, a random port.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = envSchema.safeParse(present);
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
    embeddedSharedBuffers: e.MAMORU_EMBEDDED_SHARED_BUFFERS,
    processes: e.MAMORU_PROCESSES,
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.MAMORU_BODY_LIMIT,
    shutdownTimeoutMs: e.MAMORU_SHUTDOWN_TIMEOUT_MS,
    trustProxy: e.MAMORU_TRUST_PROXY,
    sessionIdleMinutes: e.MAMORU_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.MAMORU_SESSION_MAX_HOURS,
    loginMaxFailures: e.MAMORU_LOGIN_MAX_FAILURES,
    loginMaxFailuresPerAddress: e.MAMORU_LOGIN_MAX_FAILURES_PER_ADDRESS,
    loginWindowSeconds: e.MAMORU_LOGIN_WINDOW_SECONDS,
    loginMaxDelaySeconds: e.MAMORU_LOGIN_MAX_DELAY_SECONDS,
    webDist: e.MAMORU_WEB_DIST
      ? resolve(e.MAMORU_WEB_DIST)
      : new URL('../../web/dist', import.meta.url).pathname,
    maxUploadBytes: e.MAMORU_MAX_UPLOAD_BYTES,
    metricsToken: e.MAMORU_METRICS_TOKEN,
    auditSigningKey: e.MAMORU_AUDIT_SIGNING_KEY ? resolve(e.MAMORU_AUDIT_SIGNING_KEY) : undefined,
    secretKey: e.MAMORU_SECRET_KEY ? resolve(e.MAMORU_SECRET_KEY) : undefined,
    publicUrl: e.MAMORU_PUBLIC_URL?.replace(/\/+$/, ''),
    dbAcquireTimeoutMs: e.MAMORU_DB_ACQUIRE_TIMEOUT_MS,
    dbStatementTimeoutMs: e.MAMORU_DB_STATEMENT_TIMEOUT_MS,
    dbIdleInTransactionTimeoutMs: e.MAMORU_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    jobsPerOrganization: e.MAMORU_JOBS_PER_ORGANIZATION,
    jobsQueuePerOrganization: e.MAMORU_JOBS_QUEUE_PER_ORGANIZATION,
    jobWorkers: e.MAMORU_JOBS_WORKERS,
    jobPollSeconds: e.MAMORU_JOBS_POLL_SECONDS,
    jobSchedules: e.MAMORU_JOBS_SCHEDULES,
    backup: {
      dir: e.MAMORU_BACKUP_DIR ? resolve(e.MAMORU_BACKUP_DIR) : undefined,
      keep: e.MAMORU_BACKUP_KEEP,
      cron: e.MAMORU_BACKUP_CRON?.trim().replace(/\s+/g, ' '),
    },
    catalogImportMaxBytes: e.MAMORU_CATALOG_IMPORT_MAX_BYTES,
    importLimits: {
      maxUncompressedBytes: e.MAMORU_IMPORT_MAX_UNCOMPRESSED_BYTES,
      maxRows: e.MAMORU_IMPORT_MAX_ROWS,
      maxColumns: e.MAMORU_IMPORT_MAX_COLUMNS,
      maxCellChars: e.MAMORU_IMPORT_MAX_CELL_CHARS,
    },
    mail: e.MAMORU_SMTP_URL
      ? {
          smtpUrl: e.MAMORU_SMTP_URL,
          from: e.MAMORU_MAIL_FROM ?? 'Mamoru <mamoru@localhost>',
          publicUrl: (e.MAMORU_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
          requireTls: e.MAMORU_SMTP_REQUIRE_TLS === 'true',
          rejectUnauthorized: e.MAMORU_SMTP_TLS_REJECT_UNAUTHORIZED === 'true',
        }
      : null,
  };
}

/**
 * `name=cron;name=cron` (e.g. `jobs.sweep-interrupted=* * * * *`) into a map,
 * or the reason it cannot be read. Cron fields are checked by pg-boss at start.
 */
function parseSchedules(value: string | undefined): Record<string, string> | string {
  const result: Record<string, string> = {};
  for (const entry of (value ?? '').split(';')) {
    if (!entry.trim()) continue;
    const at = entry.indexOf('=');
    const name = entry.slice(0, at).trim();
    const cron = entry.slice(at + 1).trim();
    if (at < 1 || !name || cron.split(/\s+/).length < 5) {
      return `"${entry.trim()}" is not name=cron (five fields)`;
    }
    result[name] = cron;
  }
  return result;
}

/** Five fields that pg-boss's cron parser (the same library) reads. */
function validCron(value: string): boolean {
  if (value.trim().split(/\s+/).length !== 5) return false;
  try {
    cronParser.parseExpression(value.trim(), { tz: 'UTC' });
    return true;
  } catch {
    return false;
  }
}
