import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { assetFixture } from './assetFixtures';

const admin = sessionInfo('admin');

const asset = assetFixture;

const common = {
  ...signedInRoutes(admin),
  'GET /api/v1/classifications': { items: [], nextCursor: null },
  'GET /api/v1/org-units': { items: [], nextCursor: null },
  'GET /api/v1/locations': { items: [], nextCursor: null },
  'GET /api/v1/users': { items: [], nextCursor: null },
};

describe('asset register', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('renders the rows, loads more, filters and sorts through the API', async () => {
    const api = fakeApi({
      ...common,
      'GET /api/v1/assets': ({ query }) => {
        if (query.get('q') === 'nothing') return { body: { items: [], nextCursor: null } };
        if (query.get('cursor') === 'next')
          return { body: { items: [asset(3)], nextCursor: null } };
        return { body: { items: [asset(1), asset(2)], nextCursor: 'next' } };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/assets');

    // The page loads lazily, and its first render in a busy worker took longer than the
    // default 5 s (this wait failed two full runs under load).
    const table = await screen.findByRole(
      'table',
      { name: 'Asset inventory' },
      { timeout: 20_000 },
    );
    expect(within(table).getByText('A-001')).toBeTruthy();
    expect(within(table).getAllByText('Confidential')).toHaveLength(2);
    expect(within(table).getAllByText('3 / 2 / 1')).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('A-003')).toBeTruthy();

    fireEvent.click(within(table).getByRole('button', { name: /Asset value/ }));
    expect(
      api.calls.some(
        (call) => call.query.get('sort') === 'value' && call.query.get('direction') === 'asc',
      ),
    ).toBe(true);

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search assets' }), {
      target: { value: 'nothing' },
    });
    expect(await screen.findByText('No assets match these filters')).toBeTruthy();
    expect(
      api.calls.some((call) => call.path === '/api/v1/assets' && call.query.get('q') === 'nothing'),
    ).toBe(true);
  });

  it('offers to create the first asset when the register is empty', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({ ...common, 'GET /api/v1/assets': { items: [], nextCursor: null } }).fetch,
    );
    renderApp('/assets');
    expect(await screen.findByText('No information assets yet')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Create asset' }).length).toBeGreaterThan(1);
  });

  it('sends If-Match on edit and explains a 412', async () => {
    let ifMatch: string | null = null;
    const api = fakeApi({
      ...common,
      'GET /api/v1/assets': { items: [asset(1)], nextCursor: null },
      // The drawer edits the whole asset, read by id (the list item is slimmer).
      [`GET /api/v1/assets/${asset(1).id}`]: asset(1),
      [`GET /api/v1/assets/${asset(1).id}/dependencies`]: { outgoing: [], incoming: [] },
      [`GET /api/v1/assets/${asset(1).id}/history`]: { items: [], nextCursor: null },
      [`PATCH /api/v1/assets/${asset(1).id}`]: ({ headers }) => {
        ifMatch = headers.get('if-match');
        return problem(412, 'Someone else changed this object after you loaded it.', {
          code: 'stale_version',
        });
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/assets');

    fireEvent.click(await screen.findByRole('button', { name: 'A-001' }));
    const edit = await screen.findByRole<HTMLButtonElement>('button', { name: 'Edit' });
    await waitFor(() => expect(edit.disabled).toBe(false));
    fireEvent.click(edit);
    const dialog = await screen.findByRole('dialog', { name: 'Edit A-001' });
    fireEvent.change(within(dialog).getByLabelText(/^Name/), {
      target: { value: 'Renamed' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findByText('Someone else changed this asset')).toBeTruthy();
    expect(ifMatch).toBe('"5"');
  });
});
