import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '@mamoru/db';
import type { EnqueueOptions, JobContext, JobQueue, QueuedJob, ScheduledJob } from '@mamoru/domain';

/** pg-boss keeps its tables in this schema of our database. */
export const JOBS_SCHEMA = 'pgboss';

export interface BackgroundJobsOptions {
  database: Database;
  log: FastifyBaseLogger;
  scheduled: readonly ScheduledJob[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each handler has its own payload
  queued: readonly QueuedJob<any>[];
  /** Run workers, the cron monitor and maintenance here; false: this instance only enqueues. */
  workers: boolean;
  /** How often workers look for work and the cron monitor for due ticks. */
  pollSeconds: number;
  /** Cron per scheduled job name, replacing the listed one (operators, tests). */
  cronOverrides?: Record<string, string>;
}

/** Retries of a failed scheduled run: 30 s, then about a minute later. */
const SCHEDULED_RETRIES = { retryLimit: 2, retryDelay: 30, retryBackoff: true };

/**
 * Durable background work in the application's own database through pg-boss,
 * on PostgreSQL and on the embedded PGlite alike (pg-boss talks to it through
 * Database.executeSql). Started lazily: an instance whose workers are off
 * still creates pg-boss's schema and queues on its first enqueue.
 */
export class BackgroundJobs implements JobQueue {
  private boss: PgBoss;
  private starting: Promise<void> | undefined;
  private readonly queued: Map<string, QueuedJob>;

  constructor(private readonly options: BackgroundJobsOptions) {
    this.queued = new Map(options.queued.map((q) => [q.name, q]));
    // A mistyped name in MAMORU_JOBS_SCHEDULES stops the start, not the schedule silently.
    const { scheduled, cronOverrides = {} } = options;
    const unknown = Object.keys(cronOverrides).filter((n) => !scheduled.some((s) => s.name === n));
    if (unknown.length) throw new Error(`no scheduled job named ${unknown.join(', ')}`);
    this.boss = this.newBoss();
  }

  private newBoss() {
    const { database, workers, pollSeconds, log } = this.options;
    const boss = new PgBoss({
      db: { executeSql: (text, values) => database.executeSql(text, values) },
      schema: JOBS_SCHEMA,
      migrate: true,
      supervise: workers,
      schedule: workers,
      pollingIntervalSeconds: pollSeconds,
      cronMonitorIntervalSeconds: Math.min(pollSeconds, 45),
      cronWorkerIntervalSeconds: Math.min(pollSeconds, 45),
    });
    // Without a listener an 'error' event (a poll that failed) would crash the process.
    boss.on('error', (err) => log.error({ err }, 'background jobs'));
    return boss;
  }

  /** Installs pg-boss's schema, creates the queues and, with workers, schedules and works. */
  start(): Promise<void> {
    this.starting ??= this.startWithRetries().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  /**
   * Instances starting together on a fresh database race in pg-boss's set-up
   * (its CREATE SCHEMA IF NOT EXISTS after another's commit fails on
   * pg_namespace; two create_queue of one name deadlock). The loser starts
   * again with a new pg-boss, which finds what the winner made.
   */
  private async startWithRetries() {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.begin();
        return;
      } catch (err) {
        // Half started: no timer of pg-boss may outlive the failure (and the pool).
        await this.boss.stop({ graceful: false }).catch(() => undefined);
        if (attempt >= 3) throw err;
        this.options.log.warn({ err, attempt }, 'background jobs: start failed, trying again');
        await new Promise((r) => setTimeout(r, 200 + Math.random() * 800));
        this.boss = this.newBoss();
      }
    }
  }

  private async begin() {
    const { scheduled, workers, log } = this.options;
    await this.boss.start();
    for (const job of scheduled) await this.ensureQueue({ name: job.name, ...SCHEDULED_RETRIES });
    for (const job of this.queued.values()) {
      await this.ensureQueue({
        name: job.name,
        retryLimit: job.retryLimit ?? 3,
        retryDelay: job.retryDelaySeconds ?? 30,
        retryBackoff: true,
        expireInSeconds: job.expireInSeconds ?? 900,
      });
    }
    if (!workers) return;
    await this.syncSchedules();
    for (const job of scheduled) await this.work(job.name, (ctx) => job.run(ctx));
    for (const job of this.queued.values()) {
      await this.work(job.name, (ctx, data, attempt) => job.run({ ...ctx, data, attempt }));
    }
    log.info(
      { scheduled: scheduled.map((s) => s.name), queued: [...this.queued.keys()] },
      'background jobs started',
    );
  }

  /** Creates the queue, or brings an existing one's retry policy up to date. */
  private async ensureQueue(queue: PgBoss.Queue) {
    await this.boss.createQueue(queue.name, queue);
    await this.boss.updateQueue(queue.name, queue);
  }

  /** The schedules in the database become exactly the listed ones (all instances agree). */
  private async syncSchedules() {
    const { scheduled, cronOverrides = {} } = this.options;
    const listed = new Set(scheduled.map((s) => s.name));
    for (const old of await this.boss.getSchedules()) {
      if (!listed.has(old.name)) await this.boss.unschedule(old.name);
    }
    for (const job of scheduled) {
      await this.boss.schedule(job.name, cronOverrides[job.name] ?? job.cron, {}, { tz: 'UTC' });
    }
  }

  private async work(
    name: string,
    run: (ctx: JobContext, data: object, attempt: number) => Promise<void>,
  ) {
    const { database, log, pollSeconds } = this.options;
    const options = {
      batchSize: 1,
      includeMetadata: true as const,
      pollingIntervalSeconds: pollSeconds,
    };
    await this.boss.work<object>(name, options, async ([job]) => {
      if (!job) return;
      const started = Date.now();
      const attempt = job.retryCount + 1;
      const jobLog = log.child({ job: name, jobId: job.id, attempt });
      try {
        await run({ db: database.db, now: new Date(started), log: jobLog }, job.data, attempt);
      } catch (err) {
        jobLog.error({ err }, 'background job failed');
        throw err;
      }
      jobLog.info({ ms: Date.now() - started }, 'background job done');
    });
  }

  async enqueue(name: string, data: object, options: EnqueueOptions = {}) {
    if (!this.queued.has(name)) throw new Error(`no queued job named ${name}`);
    await this.start();
    return this.boss.send(name, data, options.startAfter ? { startAfter: options.startAfter } : {});
  }

  /**
   * Stops taking work and waits up to timeoutMs for running jobs; those
   * still running then are failed, so they are retried (by another instance
   * or after the restart).
   */
  async stop(timeoutMs: number) {
    if (!this.starting) return;
    await this.starting.catch(() => undefined);
    await this.boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
  }
}
