import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, sessionInfo, signedInRoutes } from '../test/fakeApi';
import { renderApp } from '../test/render';

describe('navigation by permission', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows administration to an administrator', async () => {
    vi.stubGlobal('fetch', fakeApi(signedInRoutes(sessionInfo('admin'))).fetch);
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    const admin = within(nav).getByRole('group', { name: 'Administration' });
    for (const name of ['Users', 'Roles and permissions', 'Audit log', 'Approval policies']) {
      expect(within(admin).getByRole('link', { name })).toBeTruthy();
    }
    expect(within(nav).getByRole('link', { name: 'Scope' })).toBeTruthy();
  });

  it('hides what a staff member cannot use, and refuses the page if opened directly', async () => {
    vi.stubGlobal('fetch', fakeApi(signedInRoutes(sessionInfo('staff'))).fetch);
    renderApp('/admin/users');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).queryByRole('group', { name: 'Administration' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Users' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Audit log' })).toBeNull();
    // ISMS areas need isms:read, which staff does not hold; the catalog needs catalog:read.
    expect(within(nav).queryByRole('link', { name: 'Scope' })).toBeNull();
    expect(within(nav).queryByRole('group', { name: 'Do' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Control catalog' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: /^Approvals/ })).toBeTruthy();
    expect(
      screen.getByRole('heading', { level: 1, name: 'You do not have access to this page' }),
    ).toBeTruthy();
  });
});
