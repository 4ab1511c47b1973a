import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { peopleManager, promoterRole, roleFixture } from './fixtures';
import { IsmsPolicyRolesPanel } from './IsmsPolicyRolesPanel';

describe('ISMS roles beside the ISMS policy', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists the roles, their responsibilities and holders in Japanese', async () => {
    const session = peopleManager();
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes({ ...session, user: { ...session.user, locale: 'ja' } }),
        'GET /api/v1/isms-roles': { items: [roleFixture, promoterRole] },
      }).fetch,
    );
    renderWithProviders(<IsmsPolicyRolesPanel />);
    const table = await screen.findByRole(
      'table',
      { name: 'ISMSの役割と責任' },
      { timeout: 20_000 },
    );
    const manager = within(table).getByText('ISMS管理責任者').closest('tr')!;
    expect(within(manager).getByText('ISMSを運用し、状況を経営層に報告する。')).toBeTruthy();
    expect(within(manager).getByText('Hanako Sato')).toBeTruthy();
    const promoter = within(table).getByText('推進委員').closest('tr')!;
    expect(within(promoter).getByText('担当者なし')).toBeTruthy();
    expect(screen.getByRole('link', { name: '役割の一覧を開く' }).getAttribute('href')).toBe(
      '/people/roles',
    );
  });

  it('stays away for readers without people:read', async () => {
    const api = fakeApi({ ...signedInRoutes(sessionInfo('staff')) });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(
      <>
        <IsmsPolicyRolesPanel />
        <p>policy text</p>
      </>,
    );
    expect(await screen.findByText('policy text', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(api.calls.some((c) => c.path === '/api/v1/isms-roles')).toBe(false);
  });
});
