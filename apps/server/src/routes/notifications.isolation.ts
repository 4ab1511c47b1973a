import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The notifications' lines of tenant-isolation.test.ts: B's manager holds a
 * notification of B's approval request; A never reads, counts or marks it.
 */
export interface NotificationsOfB {
  notificationId: string;
  values: string[];
}

/** Call after B's approval requests exist (B's manager is their approver). */
export async function createNotificationsOfB(managerB: Client): Promise<NotificationsOfB> {
  const res = await managerB.get('/api/v1/notifications?limit=200');
  expect(res.statusCode, res.body).toBe(200);
  const [first] = res.json<{ items: { id: string; subject: { id: string } }[] }>().items;
  expect(first).toBeDefined();
  return { notificationId: first!.id, values: [first!.id] };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  control: { as: 'managerB'; status: number };
}

export function notificationProbes<B extends { notifications: NotificationsOfB }>(): Probe<B>[] {
  return [
    {
      route: 'POST /api/v1/notifications/:id/read',
      url: (b) => `/api/v1/notifications/${b.notifications.notificationId}/read`,
      control: { as: 'managerB', status: 200 },
    },
  ];
}

/** Lists that must never show B's notifications to A. */
export const NOTIFICATION_LISTS = [
  '/api/v1/notifications?limit=200',
  '/api/v1/notifications?unread=true&limit=200',
];
