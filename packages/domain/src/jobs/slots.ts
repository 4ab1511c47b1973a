import { DomainError } from '../errors.ts';

/**
 * How many imports, exports and generations run at once. Each running job may
 * hold a database connection (an import's writing transaction), so without a
 * bound ten imports take every pooled connection and log-in, /readyz and every
 * other request wait behind them. Per organization at most `perOrganization`
 * run and `queuePerOrganization` wait (the job shows as 'waiting'); the whole
 * server runs at most `total` background jobs at once, leaving connections
 * for requests.
 * Beyond that the caller gets 429 with a Retry-After.
 *
 * The slots live in this process: each server instance bounds its own work.
 */
export interface SlotLimits {
  perOrganization: number;
  queuePerOrganization: number;
  total: number;
  /** Seconds a refused caller is asked to wait before trying again. */
  retryAfterSeconds: number;
}

export type Release = () => void;

interface Waiter {
  organizationId: string;
  grant: (release: Release) => void;
}

export class JobSlots {
  private running = new Map<string, number>();
  private waiting: Waiter[] = [];
  private runningTotal = 0;

  constructor(readonly limits: SlotLimits) {}

  /** Work running now for the organization. */
  runningFor(organizationId: string) {
    return this.running.get(organizationId) ?? 0;
  }

  /** Work waiting for a slot for the organization. */
  waitingFor(organizationId: string) {
    return this.waiting.filter((w) => w.organizationId === organizationId).length;
  }

  private free(organizationId: string) {
    return (
      this.runningTotal < this.limits.total &&
      this.runningFor(organizationId) < this.limits.perOrganization
    );
  }

  private take(organizationId: string): Release {
    this.running.set(organizationId, this.runningFor(organizationId) + 1);
    this.runningTotal += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.runningFor(organizationId) - 1;
      if (left > 0) this.running.set(organizationId, left);
      else this.running.delete(organizationId);
      this.runningTotal -= 1;
      this.next();
    };
  }

  /** Hands freed slots to the longest-waiting work that may now run. */
  private next() {
    for (let i = 0; i < this.waiting.length;) {
      const waiter = this.waiting[i]!;
      if (this.free(waiter.organizationId)) {
        this.waiting.splice(i, 1);
        waiter.grant(this.take(waiter.organizationId));
      } else i += 1;
    }
  }

  private refuse(): DomainError {
    return new DomainError('too_many_requests', 'jobs_busy', {
      seconds: this.limits.retryAfterSeconds,
      limit: this.limits.perOrganization,
    });
  }

  /**
   * A slot now, for work done within the request (an export, a small import);
   * 429 when the organization's are taken. The server-wide bound is for
   * background work, which piles up: a request holds its connection anyway.
   */
  tryAcquire(organizationId: string): Release {
    if (this.runningFor(organizationId) >= this.limits.perOrganization) throw this.refuse();
    return this.take(organizationId);
  }

  /**
   * A slot for background work: `granted` resolves at once when a slot is
   * free; else the work queues (`waiting`, 429 when the queue is full) and
   * `granted` resolves when its turn comes.
   */
  enqueue(organizationId: string): { waiting: boolean; granted: Promise<Release> } {
    if (this.free(organizationId)) {
      return { waiting: false, granted: Promise.resolve(this.take(organizationId)) };
    }
    if (this.waitingFor(organizationId) >= this.limits.queuePerOrganization) throw this.refuse();
    const granted = new Promise<Release>((grant) => {
      this.waiting.push({ organizationId, grant });
    });
    return { waiting: true, granted };
  }
}
