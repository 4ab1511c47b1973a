import type { QueuedJob } from './queue.ts';

/**
 * Every queued job of the product; an area adds its handler here (one import
 * and one entry). A job enqueued under a name not listed is refused. Kept
 * apart from queue.ts so a handler's module may import `enqueue` without an
 * import cycle.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry has its own payload type
export const queuedJobs: readonly QueuedJob<any>[] = [];
