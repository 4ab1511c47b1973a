import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const HERE = 'a'.repeat(64);
const PHONE = 'b'.repeat(64);

function session(id: string, current: boolean, userAgent: string, ipAddress: string) {
  return {
    id,
    current,
    createdAt: '2026-03-01T09:00:00.000Z',
    lastSeenAt: current ? '2026-03-02T10:00:00.000Z' : '2026-03-02T08:30:00.000Z',
    expiresAt: '2026-03-02T21:00:00.000Z',
    ipAddress,
    userAgent,
  };
}

describe('your sessions on the profile page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists device, address and last activity, marks this browser, and ends another session', async () => {
    let items = [
      session(
        PHONE,
        false,
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile Safari/604.1',
        '198.51.100.23',
      ),
      session(
        HERE,
        true,
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/130.0 Safari/537.36',
        '203.0.113.5',
      ),
    ];
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('staff')),
      'GET /api/v1/me/sessions': () => ({ body: { items } }),
      'GET /api/v1/tokens': { items: [] },
      [`DELETE /api/v1/me/sessions/${PHONE}`]: () => {
        items = items.filter((s) => s.id !== PHONE);
        return { status: 204 };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/profile');

    const card = await screen.findByRole('region', { name: 'Active sessions' });
    const rows = await within(card).findAllByRole('row');
    // The header, then this browser first.
    expect(rows[1]!.textContent).toContain('Chrome on Windows');
    expect(rows[1]!.textContent).toContain('This browser');
    expect(rows[1]!.textContent).toContain('203.0.113.5');
    expect(rows[2]!.textContent).toContain('Safari on iOS');
    expect(rows[2]!.textContent).toContain('198.51.100.23');
    // This browser cannot be ended from here (that is signing out).
    expect(within(rows[1]!).queryByRole('button')).toBeNull();

    fireEvent.click(
      within(rows[2]!).getByRole('button', { name: 'End the session on Safari on iOS' }),
    );
    expect(await screen.findByText('Session ended')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'DELETE' && c.path.endsWith(PHONE))).toBe(true);
    expect(await within(card).findByText('Chrome on Windows')).toBeTruthy();
    expect(within(card).queryByText('Safari on iOS')).toBeNull();
  });
});
