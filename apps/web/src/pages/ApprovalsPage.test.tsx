import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Approval } from '../api/types';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../test/fakeApi';
import { renderApp } from '../test/render';

const manager = sessionInfo('admin', {
  displayName: 'Mika Manager',
  roles: ['isms_manager'],
});
manager.permissions = { ...manager.permissions, 'approvals:decide': 'all' };

const request: Approval = {
  id: '00000000-0000-4000-8000-0000000000f1',
  approvalType: 'soa',
  entityType: 'soa',
  entityId: 'soa-1',
  entityVersion: 3,
  title: 'Statement of applicability 2026',
  authorId: manager.user.id,
  requestedBy: manager.user.id,
  requestedAt: '2026-03-01T10:00:00.000Z',
  assigneeUserId: null,
  assigneeRole: 'isms_manager',
  segregateAuthor: true,
  proposal: null,
  status: 'pending',
  decidedBy: null,
  decidedAt: null,
  comment: null,
  names: { author: 'Mika Manager', requestedBy: 'Mika Manager', assignee: null, decidedBy: null },
};

describe('approvals inbox', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists what waits for me and shows the server’s reason when a decision is refused', async () => {
    const api = fakeApi({
      ...signedInRoutes(manager),
      'GET /api/v1/users': { items: [manager.user], nextCursor: null },
      'GET /api/v1/approvals': { items: [request], nextCursor: null },
      [`POST /api/v1/approvals/${request.id}/decision`]: problem(
        403,
        'You cannot approve your own work: segregation of duties requires another approver.',
        { code: 'approval_own_object' },
      ),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/approvals');

    const row = (await screen.findByText('Statement of applicability 2026')).closest('tr')!;
    expect(within(row).getByText('v3')).toBeTruthy();
    expect(within(row).getByText('You')).toBeTruthy();
    expect(within(row).getByText('Pending')).toBeTruthy();
    expect(api.calls.find((call) => call.path === '/api/v1/approvals')?.query.get('mine')).toBe(
      'true',
    );

    fireEvent.click(
      within(row).getByRole('button', { name: 'Approve Statement of applicability 2026' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Approve this request?' });
    fireEvent.change(within(dialog).getByLabelText('Comment (optional)'), {
      target: { value: 'Looks complete' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));

    const error = await within(dialog).findByTestId('decision-error');
    expect(error.textContent).toContain('You cannot decide this request');
    expect(error.textContent).toContain('segregation of duties requires another approver');
    const decision = api.calls.find((call) => call.path.endsWith('/decision'));
    expect(decision?.body).toEqual({ decision: 'approved', comment: 'Looks complete' });
  });

  it('says so when nothing is waiting', async () => {
    vi.stubGlobal('fetch', fakeApi(signedInRoutes(sessionInfo('staff'))).fetch);
    renderApp('/approvals');
    expect(await screen.findByText('Nothing is waiting for you')).toBeTruthy();
  });
});
