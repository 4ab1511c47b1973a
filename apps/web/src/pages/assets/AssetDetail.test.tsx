import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { assetFixture, registerRoutes } from './assetFixtures';

const SLOW = 30_000;
const a1 = assetFixture(1);
const server = assetFixture(2, { code: 'SRV-01', name: 'Web server', category: 'physical' });
const database = assetFixture(3, { code: 'DB-01', name: 'Orders database' });

describe('asset detail: dependencies and history', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it(
    'adds a link found by a server-side search and removes one, under the asset ETag',
    async () => {
      const puts: { ifMatch: string | null; body: unknown }[] = [];
      let outgoing = [
        { type: 'runs_on', asset: { id: server.id, code: 'SRV-01', name: 'Web server' } },
      ];
      const api = fakeApi({
        ...registerRoutes,
        'GET /api/v1/assets': ({ query }) => ({
          body: {
            items: query.get('q') === 'orders' ? [database] : [a1, server],
            nextCursor: null,
          },
        }),
        [`GET /api/v1/assets/${a1.id}`]: { ...a1, version: 7 },
        [`GET /api/v1/assets/${a1.id}/dependencies`]: () => ({ body: { outgoing, incoming: [] } }),
        [`GET /api/v1/assets/${a1.id}/history`]: {
          items: [
            {
              seq: 4,
              occurredAt: '2026-01-06T10:00:00.000Z',
              actorId: null,
              actorName: 'Aiko Admin',
              action: 'asset.updated',
              entityType: 'asset',
              entityId: a1.id,
              before: null,
              after: null,
              requestId: null,
              hash: 'x',
            },
          ],
          nextCursor: null,
        },
        [`PUT /api/v1/assets/${a1.id}/dependencies`]: ({ headers, body }) => {
          puts.push({ ifMatch: headers.get('if-match'), body });
          const items = (body as { items: { type: string; assetId: string }[] }).items;
          outgoing = items.map((i) => {
            const target = [server, database].find((x) => x.id === i.assetId)!;
            return { type: i.type, asset: { id: target.id, code: target.code, name: target.name } };
          });
          return { body: { outgoing, incoming: [] } };
        },
      });
      vi.stubGlobal('fetch', api.fetch);
      renderApp('/assets');

      fireEvent.click(await screen.findByRole('button', { name: 'A-001' }, { timeout: 20_000 }));
      const drawer = await screen.findByRole('dialog', { name: /A-001/ });
      expect(await within(drawer).findByText('Runs on: SRV-01 Web server')).toBeTruthy();
      expect(await within(drawer).findByText(/Aiko Admin: asset.updated/)).toBeTruthy();

      // The picker asks the server, with what was typed.
      const picker = within(drawer).getByRole('combobox', { name: 'Asset' });
      // Typing happens in the focused input (Mantine ignores writes to an unfocused one).
      picker.focus();
      fireEvent.click(picker);
      fireEvent.change(picker, { target: { value: 'orders' } });
      fireEvent.click(await screen.findByRole('option', { name: 'DB-01 Orders database' }));
      expect(
        api.calls.some((c) => c.path === '/api/v1/assets' && c.query.get('q') === 'orders'),
      ).toBe(true);
      fireEvent.click(within(drawer).getByRole('button', { name: 'Add' }));
      expect(await within(drawer).findByText('Depends on: DB-01 Orders database')).toBeTruthy();
      expect(puts[0]).toEqual({
        ifMatch: '"7"',
        body: {
          items: [
            { type: 'runs_on', assetId: server.id },
            { type: 'depends_on', assetId: database.id },
          ],
        },
      });

      fireEvent.click(within(drawer).getByRole('button', { name: 'Remove the link to SRV-01' }));
      await vi.waitFor(() => expect(puts).toHaveLength(2));
      expect(puts[1]!.body).toEqual({ items: [{ type: 'depends_on', assetId: database.id }] });
      await vi.waitFor(() => expect(within(drawer).queryByText(/SRV-01 Web server/)).toBeNull());
    },
    SLOW,
  );
});
