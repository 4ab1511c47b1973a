import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { JobSlots } from './slots.ts';

const limits = { perOrganization: 2, queuePerOrganization: 1, total: 3, retryAfterSeconds: 7 };

describe('job slots', () => {
  it('runs at most the per-organization number at once and queues the next', async () => {
    const slots = new JobSlots(limits);
    const a = slots.enqueue('o1');
    const b = slots.enqueue('o1');
    const c = slots.enqueue('o1');
    expect([a.waiting, b.waiting, c.waiting]).toEqual([false, false, true]);
    expect(slots.runningFor('o1')).toBe(2);
    expect(slots.waitingFor('o1')).toBe(1);
    const release = await a.granted;
    let third = false;
    void c.granted.then(() => (third = true));
    release();
    release(); // a second call must not free a second slot
    await c.granted;
    expect(third).toBe(true);
    expect(slots.runningFor('o1')).toBe(2);
    expect(slots.waitingFor('o1')).toBe(0);
  });

  it('answers 429 with the seconds to wait once the queue is full', () => {
    const slots = new JobSlots(limits);
    slots.enqueue('o1');
    slots.enqueue('o1');
    slots.enqueue('o1');
    const refused = (() => {
      try {
        slots.enqueue('o1');
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ kind: 'too_many_requests', params: { seconds: 7 } });
    expect(() => slots.tryAcquire('o1')).toThrow(DomainError);
  });

  it("does not let one organization's queue hold back another's work", () => {
    const slots = new JobSlots(limits);
    slots.enqueue('o1');
    slots.enqueue('o1');
    slots.enqueue('o1');
    expect(slots.enqueue('o2').waiting).toBe(false);
    // The server-wide bound (3) is now reached: o3's job waits though its own count is 0,
    // while its work within a request still runs.
    expect(slots.enqueue('o3').waiting).toBe(true);
    expect(() => slots.tryAcquire('o4')).not.toThrow();
  });
});
