import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CompetenceGap } from '../../api/people';
import { fakeApi, problem, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import {
  emptyPage,
  hanakoId,
  peopleManager,
  personSummary,
  roleFixture,
  salesUnit,
  settingsFixture,
} from './fixtures';

const slow = { timeout: 40_000 };

const gap: CompetenceGap = {
  user: { id: hanakoId, name: 'Hanako Sato' },
  unit: salesUnit,
  requirement: {
    id: '00000000-0000-4000-8000-000000000081',
    kind: 'qualification',
    name: '情報処理安全確保支援士',
    nameEn: 'Registered security specialist',
  },
  source: { kind: 'role', code: 'ISMS_MANAGER', name: 'ISMS manager' },
  status: 'expiring',
  dueOn: '2026-12-31',
};

const common = {
  'GET /api/v1/org-units': { items: [{ ...salesUnit, active: true }], nextCursor: null },
  'GET /api/v1/isms-roles': { items: [roleFixture] },
  'GET /api/v1/people-settings': settingsFixture,
};

describe('people list and gap view', { timeout: 120_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('takes the list filters from the address and shows gaps per person', async () => {
    const api = fakeApi({
      ...signedInRoutes(peopleManager()),
      ...common,
      'GET /api/v1/people': { items: [personSummary], nextCursor: null },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/people?unitId=${salesUnit.id}&gaps=true`);
    const table = await screen.findByRole('table', { name: 'People' }, slow);
    expect(within(table).getByRole('link', { name: 'Hanako Sato' })).toBeTruthy();
    expect(within(table).getByText('2 gaps')).toBeTruthy();
    expect(within(table).getByText('1 expiring')).toBeTruthy();
    const call = api.calls.find((c) => c.path === '/api/v1/people')!;
    expect(call.query.get('unitId')).toBe(salesUnit.id);
    expect(call.query.get('gaps')).toBe('true');
    expect(
      (screen.getByRole('checkbox', { name: 'Only people with gaps' }) as HTMLInputElement).checked,
    ).toBe(true);
  });

  it('says so when nobody matches', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(peopleManager()),
        ...common,
        'GET /api/v1/people': emptyPage,
      }).fetch,
    );
    renderApp('/people?gaps=true');
    expect(await screen.findByText('Nobody matches these filters.', {}, slow)).toBeTruthy();
  });

  it('lists gaps with their source and status, filtered by the address', async () => {
    const api = fakeApi({
      ...signedInRoutes(peopleManager()),
      ...common,
      'GET /api/v1/competence-gaps': { items: [gap], nextCursor: null },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/people/gaps?status=expiring&userId=${hanakoId}`);
    const table = await screen.findByRole('table', { name: 'Competence gaps' }, slow);
    const row = within(table).getByText('Registered security specialist').closest('tr')!;
    expect(within(row).getByText('Expiring soon')).toBeTruthy();
    expect(within(row).getByText('Role: ISMS manager')).toBeTruthy();
    const call = api.calls.find((c) => c.path === '/api/v1/competence-gaps')!;
    expect(call.query.get('status')).toBe('expiring');
    expect(call.query.get('userId')).toBe(hanakoId);
    // The warning days come from the settings.
    const expiring = screen.getByRole('button', { name: 'Expiring within 90 days' });
    fireEvent.click(expiring);
    await waitFor(() =>
      expect(
        api.calls.some((c) => c.path === '/api/v1/competence-gaps' && !c.query.has('status')),
      ).toBe(true),
    );
  });

  it('shows an empty gap view, and a failed load with a retry', async () => {
    let fail = true;
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(peopleManager()),
        ...common,
        'GET /api/v1/competence-gaps': () =>
          fail ? problem(500, 'The gap view failed.') : { body: emptyPage },
      }).fetch,
    );
    renderApp('/people/gaps');
    expect(await screen.findByText('The gap view failed.', {}, slow)).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('No competence gaps')).toBeTruthy();
  });
});
