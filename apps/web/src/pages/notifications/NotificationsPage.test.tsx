import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Notification, NotificationPreferences } from '@mamoru/contracts';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const slow = { timeout: 20_000 };

const approval: Notification = {
  id: '00000000-0000-4000-8000-00000000a001',
  kind: 'approval_requested',
  subject: { type: 'approval', id: '00000000-0000-4000-8000-00000000b001' },
  title: 'Access control policy',
  params: { approvalType: 'isms_policy', version: 2 },
  href: '/approvals',
  readAt: null,
  createdAt: '2026-12-07T01:00:00.000Z',
  emailStatus: 'sent',
};
const overdue: Notification = {
  ...approval,
  id: '00000000-0000-4000-8000-00000000a002',
  kind: 'overdue',
  subject: { type: 'document_review', id: 'doc-1' },
  title: 'DOC-002 Backup procedure',
  params: { itemKind: 'document_review', area: 'documents', dueOn: '2026-11-27', days: 10 },
  href: '/documents/doc-1',
  readAt: '2026-12-07T02:00:00.000Z',
  emailStatus: 'suppressed',
};
const preferences: NotificationPreferences = {
  kinds: [
    { kind: 'approval_requested', email: 'immediate' },
    { kind: 'incident_deadline', email: 'immediate' },
    { kind: 'due_soon', email: 'digest' },
    { kind: 'overdue', email: 'digest' },
    { kind: 'escalation', email: 'digest' },
  ],
  digestFrequency: 'daily',
  emailEnabled: false,
};

describe('NotificationsPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('words each notification, marks one read and says email is off', slow, async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/notifications': { items: [approval, overdue], nextCursor: null },
      'GET /api/v1/notifications/unread-count': { unread: 1 },
      'GET /api/v1/me/notification-preferences': preferences,
      'POST /api/v1/notifications/00000000-0000-4000-8000-00000000a001/read': {
        ...approval,
        readAt: '2026-12-07T03:00:00.000Z',
      },
      'PUT /api/v1/me/notification-preferences': preferences,
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/notifications');

    const link = await screen.findByRole(
      'link',
      { name: 'ISMS policy “Access control policy” (version 2) waits for your approval' },
      slow,
    );
    expect(link.getAttribute('href')).toBe('/approvals');
    screen.getByRole('link', {
      name: 'Overdue since 2026-11-27 (10 days): Document review “DOC-002 Backup procedure”',
    });
    screen.getByText(/Not emailed \(address outside the organization\)/);
    screen.getByText(/Email is off on this server/);
    expect(screen.getByRole('link', { name: 'Notifications (1 unread)' })).toBeTruthy();

    const row = link.closest('li')!;
    fireEvent.click(within(row as HTMLElement).getByRole('button', { name: 'Mark as read' }));
    await vi.waitFor(() =>
      expect(api.calls.some((c) => c.method === 'POST' && c.path.endsWith('/read'))).toBe(true),
    );

    // Email preferences: approval requests no longer by email, sent as a whole.
    const group = screen.getByRole('radiogroup', { name: 'Approval requests' });
    fireEvent.click(within(group).getByRole('radio', { name: 'No email' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => {
      const put = api.calls.find((c) => c.method === 'PUT');
      expect(put?.body).toMatchObject({
        kinds: expect.arrayContaining([{ kind: 'approval_requested', email: 'off' }]),
        digestFrequency: 'daily',
      });
    });
  });
});
