import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApprovalSummary } from '../api/approvals';
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

const summary: ApprovalSummary = {
  approvalId: request.id,
  approvalType: 'soa',
  entityType: 'soa',
  title: request.title,
  detail: 'full',
  link: '/statement-of-applicability',
  requester: { id: manager.user.id, name: 'Mika Manager' },
  requestedAt: request.requestedAt,
  facts: [
    {
      label: { ja: '採用する管理策', en: 'Selected controls' },
      value: { ja: '90 / 93', en: '90 / 93' },
    },
  ],
  changes: {
    kind: 'entries',
    baseline: { number: 2 },
    items: [
      {
        controlId: '8.1.3',
        displayId: '8(1)③',
        kind: 'changed',
        fields: [
          {
            label: { ja: '採否', en: 'Selected' },
            before: { ja: '採用', en: 'Selected' },
            after: { ja: '不採用', en: 'Not selected' },
          },
        ],
      },
    ],
    more: 0,
  },
  risks: null,
  moreRisks: 0,
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
      [`GET /api/v1/approvals/${request.id}/summary`]: summary,
      [`POST /api/v1/approvals/${request.id}/decision`]: problem(
        403,
        'You cannot approve your own work: segregation of duties requires another approver.',
        { code: 'approval_own_object' },
      ),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/approvals');

    const row = (await screen.findByText('Statement of applicability 2026 v3')).closest('tr')!;
    expect(within(row).getByText('v3')).toBeTruthy();
    expect(within(row).getByText('You')).toBeTruthy();
    expect(within(row).getByText('Pending')).toBeTruthy();
    expect(api.calls.find((call) => call.path === '/api/v1/approvals')?.query.get('mine')).toBe(
      'true',
    );

    fireEvent.click(
      within(row).getByRole('button', { name: 'Approve Statement of applicability 2026 v3' }),
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

  it('shows what the request approves, with the changes since the approved version', async () => {
    const api = fakeApi({
      ...signedInRoutes(manager),
      'GET /api/v1/approvals': { items: [request], nextCursor: null },
      [`GET /api/v1/approvals/${request.id}/summary`]: summary,
      [`POST /api/v1/approvals/${request.id}/decision`]: { ...request, status: 'approved' },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/approvals');

    fireEvent.click(
      await screen.findByRole('button', { name: 'Review Statement of applicability 2026 v3' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'What this request approves' });
    const body = await within(dialog).findByTestId('approval-summary');
    expect(body.textContent).toContain('Requested by Mika Manager');
    expect(within(body).getByText('Selected controls').nextSibling?.textContent).toBe('90 / 93');
    expect(within(body).getByText('Changes since approved version 2')).toBeTruthy();
    // English shows the control's ID, with the field before and after.
    expect(within(body).getByText('8.1.3')).toBeTruthy();
    expect(within(body).getByText('Not selected').closest('ins')).toBeTruthy();
    expect(within(body).getByRole('link', { name: 'Open' }).getAttribute('href')).toBe(
      '/statement-of-applicability',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Approve' }));
    await vi.waitFor(() =>
      expect(api.calls.find((call) => call.path.endsWith('/decision'))?.body).toEqual({
        decision: 'approved',
      }),
    );
  });

  it('falls back to the title, link and requester when a type has no summary', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(manager),
        'GET /api/v1/approvals': { items: [request], nextCursor: null },
        [`GET /api/v1/approvals/${request.id}/summary`]: {
          ...summary,
          detail: 'basic',
          link: null,
          facts: [],
          changes: null,
        },
      }).fetch,
    );
    renderApp('/approvals');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Review Statement of applicability 2026 v3' }),
    );
    const body = await screen.findByTestId('approval-summary');
    expect(body.textContent).toContain('Requested by Mika Manager');
    expect(body.textContent).toContain('has no summary yet');
    expect(within(body).queryByRole('link')).toBeNull();
  });

  it('says so when nothing is waiting', async () => {
    vi.stubGlobal('fetch', fakeApi(signedInRoutes(sessionInfo('staff'))).fetch);
    renderApp('/approvals');
    expect(await screen.findByText('Nothing is waiting for you')).toBeTruthy();
  });
});
