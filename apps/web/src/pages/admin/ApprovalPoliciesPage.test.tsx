import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { ApprovalPoliciesPage } from './ApprovalPoliciesPage';

describe('approval policies: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("puts the refusal at the row's segregation switch, with no raw path", async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/roles': {
        roles: ['admin', 'top_management'],
        permissions: ['approvals:decide'],
        grants: { top_management: { 'approvals:decide': 'all' } },
      },
      'GET /api/v1/approval-policies': {
        items: [
          {
            approvalType: 'isms_policy',
            approverRole: 'top_management',
            segregateAuthor: true,
            pendingChange: null,
          },
        ],
      },
      'PUT /api/v1/approval-policies/isms_policy': problem(422, 'Check the values entered.', {
        errors: [
          {
            field: 'segregateAuthor',
            code: 'enforced',
            message: 'The ISMS policy always keeps its author from approving it.',
          },
          { field: 'reason', code: 'too_big', message: 'Too long.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ApprovalPoliciesPage />);

    fireEvent.click(
      await screen.findByRole('switch', { name: 'Segregation of duties for ISMS policy' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save the policy for ISMS policy' }));

    const message = await screen.findByText(
      'The ISMS policy always keeps its author from approving it.',
    );
    // The page's help is an alert too: the refusal is the one with the problem's title.
    const alert = screen
      .getAllByRole('alert')
      .find((a) => a.textContent?.includes('Check the values entered.'))!;
    expect(alert.contains(message)).toBe(false);
    expect(alert.textContent).toContain('Too long.');
    expect(alert.textContent).not.toContain('segregateAuthor');
    expect(alert.textContent).not.toContain('reason');
  });
});
