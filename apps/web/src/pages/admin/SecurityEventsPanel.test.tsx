import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SecurityEvent } from '../../api/types';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const admin = sessionInfo('admin');

function event(n: number, extra: Partial<SecurityEvent> = {}): SecurityEvent {
  return {
    id: `00000000-0000-4000-8000-0000000003${String(n).padStart(2, '0')}`,
    occurredAt: '2026-12-01T09:00:00.000Z',
    kind: 'login_failed',
    userId: null,
    userName: 'Hanako Sato',
    account: 'hanako@example.com',
    address: '203.0.113.9',
    method: 'POST',
    route: '/api/v1/auth/login',
    status: 401,
    reason: 'login_failed',
    requestId: null,
    ...extra,
  };
}

describe('security events on the audit log page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('switches to security events and filters them by kind', async () => {
    const api = fakeApi({
      ...signedInRoutes(admin),
      'GET /api/v1/audit/events': { items: [], nextCursor: null },
      'GET /api/v1/audit/security-events': ({ query }) => ({
        body: {
          items:
            query.get('kind') === 'forbidden'
              ? [event(2, { kind: 'forbidden', status: 403, reason: 'forbidden', account: null })]
              : [event(1)],
          nextCursor: null,
        },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/admin/audit');

    fireEvent.click(await screen.findByText('Security events'));
    expect(await screen.findByText('hanako@example.com')).toBeTruthy();
    const table = () => within(screen.getByRole('table', { name: 'Security events' }));
    expect(table().getByText('Failed sign-in')).toBeTruthy();
    expect(table().getByText('203.0.113.9')).toBeTruthy();
    expect(table().getByText('POST /api/v1/auth/login → 401')).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Event' }), {
      target: { value: 'forbidden' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(screen.queryByText('hanako@example.com')).toBeNull());
    const refreshed = await screen.findByRole('table', { name: 'Security events' });
    expect(await within(refreshed).findByText('Permission refused')).toBeTruthy();
    expect(
      api.calls.some(
        (call) =>
          call.path === '/api/v1/audit/security-events' && call.query.get('kind') === 'forbidden',
      ),
    ).toBe(true);
  });
});
