import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SavedView } from '../../api/views';
import { fakeApi, problem } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { assetFixture, levelFixture, registerRoutes } from './assetFixtures';

const view: SavedView = {
  id: '00000000-0000-4000-8000-000000000901',
  area: 'assets',
  name: 'Software by value',
  definition: {
    filters: { category: 'software' },
    sort: 'value',
    direction: 'desc',
    columns: ['code', 'name', 'value'],
  },
  version: 3,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
};

async function pick(container: HTMLElement, name: string | RegExp, option: string) {
  // Popovers and menus are usable once their opening transition has run.
  fireEvent.click(await within(container).findByRole('combobox', { name }));
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

// A register with popovers and modals renders slowly in jsdom on a busy machine.
const SLOW = 60_000;

describe('asset register: views, inline edits and bulk changes', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it(
    'hides a column, saves the view on the server and applies a saved one',
    async () => {
      const api = fakeApi({
        ...registerRoutes,
        'GET /api/v1/assets': { items: [assetFixture(1)], nextCursor: null },
        'GET /api/v1/saved-views': { items: [view], nextCursor: null },
        'POST /api/v1/saved-views': ({ body }) => ({
          status: 201,
          body: { ...view, id: '00000000-0000-4000-8000-000000000902', ...(body as object) },
        }),
      });
      vi.stubGlobal('fetch', api.fetch);
      renderApp('/assets');
      // The first render of the lazy page can be slow on a busy machine.
      const table = await screen.findByRole(
        'table',
        { name: 'Asset inventory' },
        { timeout: 45_000 },
      );
      expect(within(table).getByRole('columnheader', { name: 'Category' })).toBeTruthy();

      fireEvent.click(screen.getByRole('button', { name: 'Columns' }));
      const chooser = await screen.findByRole('group', { name: 'Columns' });
      expect(await within(chooser).findByRole('checkbox', { name: 'Code' })).toHaveProperty(
        'disabled',
        true,
      );
      fireEvent.click(within(chooser).getByRole('checkbox', { name: 'Category' }));
      expect(within(table).queryByRole('columnheader', { name: 'Category' })).toBeNull();

      fireEvent.click(screen.getByRole('button', { name: 'Views' }));
      fireEvent.click(await screen.findByRole('menuitem', { name: 'Save as a new view…' }));
      const dialog = await screen.findByRole('dialog', { name: 'Save the current view' });
      fireEvent.change(within(dialog).getByRole('textbox', { name: /Name of the view/ }), {
        target: { value: 'Without category' },
      });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
      await vi.waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
      const sent = api.calls.find((c) => c.method === 'POST')!.body as SavedView;
      expect(sent.name).toBe('Without category');
      expect(sent.area).toBe('assets');
      expect(sent.definition.columns).not.toContain('category');
      expect(sent.definition.columns).toContain('owner');
      expect(await screen.findByText('View “Without category” saved')).toBeTruthy();

      // Applying a saved view: its filter goes to the server, its columns show.
      fireEvent.click(screen.getByRole('button', { name: /View: Without category/ }));
      fireEvent.click(await screen.findByRole('menuitem', { name: 'Software by value' }));
      await vi.waitFor(() =>
        expect(
          api.calls.some(
            (c) =>
              c.path === '/api/v1/assets' &&
              c.query.get('category') === 'software' &&
              c.query.get('sort') === 'value' &&
              c.query.get('direction') === 'desc',
          ),
        ).toBe(true),
      );
      const applied = await screen.findByRole('table', { name: 'Asset inventory' });
      expect(within(applied).queryByRole('columnheader', { name: 'Owner' })).toBeNull();
      expect(within(applied).getByRole('columnheader', { name: /Asset value/ })).toBeTruthy();
    },
    SLOW,
  );

  it(
    'edits the status in place with If-Match and keeps the value when someone else changed it',
    async () => {
      const patches: { ifMatch: string | null; body: unknown }[] = [];
      const api = fakeApi({
        ...registerRoutes,
        'GET /api/v1/assets': { items: [assetFixture(1)], nextCursor: null },
        [`PATCH /api/v1/assets/${assetFixture(1).id}`]: ({ headers, body }) => {
          patches.push({ ifMatch: headers.get('if-match'), body });
          return problem(412, 'Someone else changed this object after you loaded it.', {
            code: 'stale_version',
          });
        },
      });
      vi.stubGlobal('fetch', api.fetch);
      renderApp('/assets');

      fireEvent.click(
        await screen.findByRole(
          'button',
          { name: /^Change Status of A-001:\s*In use/ },
          { timeout: 45_000 },
        ),
      );
      const popover = await screen.findByRole('dialog');
      await pick(popover, 'Status', 'Retired');
      fireEvent.click(within(popover).getByRole('button', { name: 'Save' }));

      expect(await screen.findByText('Changed by someone else')).toBeTruthy();
      expect(patches).toEqual([{ ifMatch: '"5"', body: { status: 'retired' } }]);
      // The user's choice is still there, and reloading is offered instead of a blind retry.
      expect(within(popover).getByRole('combobox', { name: 'Status' })).toHaveProperty(
        'value',
        'Retired',
      );
      fireEvent.click(within(popover).getByRole('button', { name: 'Reload' }));
      await vi.waitFor(() =>
        expect(api.calls.filter((c) => c.path === '/api/v1/assets').length).toBeGreaterThan(1),
      );
      expect(within(popover).getByRole('combobox', { name: 'Status' })).toHaveProperty(
        'value',
        'Retired',
      );
      await vi.waitFor(() =>
        expect(within(popover).queryByText('Changed by someone else')).toBeNull(),
      );
    },
    SLOW,
  );

  it(
    'changes the classification of a selection after a confirmation, with a result toast',
    async () => {
      let bulk: unknown;
      const api = fakeApi({
        ...registerRoutes,
        'GET /api/v1/assets': {
          items: [assetFixture(1), assetFixture(2), assetFixture(3)],
          nextCursor: null,
        },
        'POST /api/v1/assets/bulk-update': ({ body }) => {
          bulk = body;
          return { body: { updated: 2 } };
        },
      });
      vi.stubGlobal('fetch', api.fetch);
      renderApp('/assets');

      fireEvent.click(
        await screen.findByRole('checkbox', { name: 'Select A-001' }, { timeout: 45_000 }),
      );
      fireEvent.click(screen.getByRole('checkbox', { name: 'Select A-003' }));
      const region = screen.getByRole('region', { name: 'Selected assets' });
      expect(within(region).getByText('2 assets selected')).toBeTruthy();
      fireEvent.click(
        within(region).getByRole('button', { name: 'Change owner or classification' }),
      );

      const dialog = await screen.findByRole('dialog', { name: 'Change 2 assets' });
      expect(within(dialog).getByRole('button', { name: 'Review the change' })).toHaveProperty(
        'disabled',
        true,
      );
      fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Set the classification' }));
      await pick(dialog, 'Classification', levelFixture(2).name.en);
      fireEvent.click(within(dialog).getByRole('button', { name: 'Review the change' }));
      expect(await within(dialog).findByText('Confirm the change')).toBeTruthy();
      expect(bulk).toBeUndefined();
      fireEvent.click(within(dialog).getByRole('button', { name: 'Change 2 assets' }));

      expect(await screen.findByText('2 assets changed')).toBeTruthy();
      expect(bulk).toEqual({
        ids: [assetFixture(1).id, assetFixture(3).id],
        classificationId: levelFixture(2).id,
      });
      expect(screen.queryByRole('region', { name: 'Selected assets' })).toBeNull();
    },
    SLOW,
  );
});
