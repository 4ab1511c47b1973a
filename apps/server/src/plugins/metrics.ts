import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { backup } from '@mamoru/domain';
import { sendProblem } from './problem.ts';

/** Compares digests, so neither the token's length nor its prefix leaks through timing. */
function sameToken(given: string, expected: string) {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Prometheus metrics at /metrics: process defaults plus request durations by
 * route pattern (never by raw URL, so ids do not explode the label set).
 * Metrics reveal load, routes and versions, so the endpoint exists only when
 * MAMORU_METRICS_TOKEN is set and answers only `Authorization: Bearer <token>`.
 */
export const metricsPlugin = fp(async (app) => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'mamoru_' });
  const duration = new Histogram({
    name: 'mamoru_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const backupDir = app.config.backup.dir;
  if (backupDir) {
    // Read from the folder at each scrape: true whichever instance wrote the
    // backup, and across restarts. Alert when the newest is older than a day and a bit.
    let newest: Promise<backup.BackupFile[]> | undefined;
    const listed = () =>
      (newest ??= backup.listBackups(backupDir).finally(() => (newest = undefined)));
    new Gauge({
      name: 'mamoru_backup_last_timestamp_seconds',
      help: 'When the newest backup in MAMORU_BACKUP_DIR was taken (0: none yet)',
      registers: [registry],
      async collect() {
        const [last] = await listed();
        this.set(last ? last.takenAt.getTime() / 1000 : 0);
      },
    });
    new Gauge({
      name: 'mamoru_backup_last_size_bytes',
      help: 'Size of the newest backup in MAMORU_BACKUP_DIR',
      registers: [registry],
      async collect() {
        const [last] = await listed();
        this.set(last?.bytes ?? 0);
      },
    });
    new Gauge({
      name: 'mamoru_backup_files',
      help: 'Backups kept in MAMORU_BACKUP_DIR',
      registers: [registry],
      async collect() {
        this.set((await listed()).length);
      },
    });
  }
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  const token = app.config.metricsToken;
  if (!token) {
    app.log.info('MAMORU_METRICS_TOKEN is not set: /metrics is not served');
    return;
  }
  app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
    const authorization = request.headers.authorization ?? '';
    const given = authorization.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
    if (!given || !sameToken(given, token)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendProblem(request, reply, 401, 'metrics_token_invalid');
    }
    reply.type(registry.contentType);
    return registry.metrics();
  });
});
