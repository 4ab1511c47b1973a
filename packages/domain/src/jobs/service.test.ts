import { describe, expect, it } from 'vitest';
import type { JobRow } from '@mamoru/db/repositories/jobs';
import {
  STALE_AFTER_MS,
  memoryProgressReporter,
  withInterruption,
  withLiveProgress,
} from './service.ts';

const job = (status: string, heartbeatAgoMs: number, now: number): JobRow => ({
  id: 'j',
  organizationId: 'o',
  kind: 'asset_import',
  status,
  phase: 'writing',
  processed: 10,
  total: 20,
  result: null,
  error: null,
  createdBy: null,
  createdAt: new Date(now - heartbeatAgoMs),
  heartbeatAt: new Date(now - heartbeatAgoMs),
  finishedAt: null,
});

describe('a job whose runner went away', () => {
  const now = Date.now();
  it('reads as failed with job_interrupted once its heartbeat is stale', () => {
    expect(withInterruption(job('running', STALE_AFTER_MS + 1, now), now)).toMatchObject({
      status: 'failed',
      phase: null,
      error: 'job_interrupted',
    });
    expect(withInterruption(job('queued', STALE_AFTER_MS + 1, now), now).status).toBe('failed');
  });

  it('is left alone while its heartbeat is fresh, or once it has finished', () => {
    expect(withInterruption(job('running', 1000, now), now).status).toBe('running');
    expect(withInterruption(job('succeeded', STALE_AFTER_MS * 10, now), now).status).toBe(
      'succeeded',
    );
  });
});

describe('progress reported inside a transaction', () => {
  it('is kept in memory and shown on the running job, never written through a connection', async () => {
    const now = Date.now();
    const running = { ...job('running', 1000, now), id: 'live-1' };
    await memoryProgressReporter('live-1')({ phase: 'writing', processed: 3000, total: 9000 });
    expect(withLiveProgress(running)).toMatchObject({
      phase: 'writing',
      processed: 3000,
      total: 9000,
    });
    // A finished job shows its stored outcome, not the last report.
    const done = { ...running, status: 'succeeded', phase: null };
    expect(withLiveProgress(done).phase).toBeNull();
  });
});
