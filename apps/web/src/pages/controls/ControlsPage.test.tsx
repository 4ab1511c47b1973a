import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { checkFixture, listItemFixture, unsetItemFixture } from './fixtures';
import { controlsSession } from './testSession';

const soa = { versionId: '00000000-0000-4000-8000-000000000d01', number: 2, status: 'approved' };
// The pages load lazily; on a busy machine the first render takes seconds.
const slow = { timeout: 20_000 };

describe('controls register', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists applicable controls with operation, coverage and the overdue banner, and filters', async () => {
    const api = fakeApi({
      ...signedInRoutes(controlsSession()),
      'GET /api/v1/users': { items: [], nextCursor: null },
      'GET /api/v1/controls': ({ query }) => ({
        body: {
          items:
            query.get('due') === 'overdue'
              ? [listItemFixture]
              : query.get('status') === 'unset'
                ? [unsetItemFixture]
                : [listItemFixture, unsetItemFixture],
          nextCursor: null,
          soa,
        },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/controls');
    const table = await screen.findByRole('table', { name: 'Applicable controls' }, slow);
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]!).getByRole('link', { name: 'A.5.15 Access control' })).toBeTruthy();
    expect(
      within(rows[1]!).getByRole('link', { name: 'A.5.15 Access control' }).getAttribute('href'),
    ).toBe('/controls/A.5.15');
    expect(within(rows[1]!).getByText('In operation')).toBeTruthy();
    expect(within(rows[1]!).getByText('1 procedures · 2 record types')).toBeTruthy();
    expect(within(rows[1]!).getByLabelText('Check overdue')).toBeTruthy();
    expect(within(rows[2]!).getByText('Not recorded')).toBeTruthy();
    expect(within(rows[2]!).getByText('Nothing evidences it')).toBeTruthy();
    expect(screen.getByText(/version 2 \(Approved\)/)).toBeTruthy();
    expect(screen.getByText('Checks are overdue')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show overdue only' }));
    await vi.waitFor(() => {
      const last = api.calls.filter((c) => c.path === '/api/v1/controls').at(-1)!;
      expect(last.query.get('due')).toBe('overdue');
    });
    // The banner leads to the overdue list; there it has nothing more to say.
    await vi.waitFor(() => expect(screen.queryByText('Checks are overdue')).toBeNull());
  });

  it('opens filtered by what the address carries, ignoring values it does not know', async () => {
    const api = fakeApi({
      ...signedInRoutes(controlsSession()),
      'GET /api/v1/users': { items: [], nextCursor: null },
      'GET /api/v1/controls': { items: [unsetItemFixture], nextCursor: null, soa },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/controls?status=unset&due=someday');
    await screen.findByRole('table', { name: 'Applicable controls' }, slow);
    const first = api.calls.find((c) => c.path === '/api/v1/controls')!;
    expect(first.query.get('status')).toBe('unset');
    expect(first.query.get('due')).toBeNull();
    expect(screen.queryByText('Checks are overdue')).toBeNull();
  });

  it('sends people to the statement of applicability when there is none yet', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(controlsSession()),
        'GET /api/v1/users': { items: [], nextCursor: null },
        'GET /api/v1/controls': { items: [], nextCursor: null, soa: null },
      }).fetch,
    );
    renderApp('/controls');
    expect(await screen.findByText('No statement of applicability yet', {}, slow)).toBeTruthy();
    expect(
      screen
        .getByRole('link', { name: 'Open the statement of applicability' })
        .getAttribute('href'),
    ).toBe('/statement-of-applicability');
  });

  it('offers the register as XLSX and PDF in both languages', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(controlsSession()),
        'GET /api/v1/users': { items: [], nextCursor: null },
        'GET /api/v1/controls': { items: [listItemFixture], nextCursor: null, soa },
      }).fetch,
    );
    renderApp('/controls');
    fireEvent.click(await screen.findByRole('button', { name: 'Export' }, slow));
    const xlsx = await screen.findByRole('menuitem', { name: 'Excel (Japanese)', hidden: true });
    expect(xlsx.getAttribute('href')).toBe('/api/v1/controls/export.xlsx?lang=ja');
    expect(
      screen.getByRole('menuitem', { name: 'PDF (English)', hidden: true }).getAttribute('href'),
    ).toBe('/api/v1/controls/export.pdf?lang=en');
  });

  it('shows the checks board, my checks, and records a result from a row', async () => {
    let recorded: unknown;
    const api = fakeApi({
      ...signedInRoutes(controlsSession()),
      'GET /api/v1/users': { items: [], nextCursor: null },
      'GET /api/v1/control-checks': { items: [checkFixture], nextCursor: null },
      [`POST /api/v1/control-checks/${checkFixture.id}/results`]: ({ body }) => {
        recorded = body;
        return {
          status: 201,
          body: { result: { id: '00000000-0000-4000-8000-000000000c09' }, check: checkFixture },
        };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/controls?tab=checks');
    const table = await screen.findByRole('table', { name: 'Checks of controls' }, slow);
    expect(within(table).getByText('Quarterly access rights review')).toBeTruthy();
    expect(within(table).getByText('Quarterly')).toBeTruthy();
    const calls = () => api.calls.filter((c) => c.path === '/api/v1/control-checks');
    expect(calls()[0]!.query.get('due')).toBe('overdue');
    expect(calls()[0]!.query.get('checkerId')).toBeNull();

    fireEvent.click(screen.getByRole('radio', { name: 'My checks' }));
    await vi.waitFor(() => expect(calls().at(-1)!.query.get('checkerId')).toBe('me'));

    fireEvent.click(within(table).getByRole('button', { name: 'Record result' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record result' }));
    expect(within(dialog).getByText('Required')).toBeTruthy();
    expect(recorded).toBeUndefined();
    fireEvent.change(within(dialog).getByLabelText(/Performed on/), {
      target: { value: '2026-04-02' },
    });
    const result = within(dialog).getByRole('combobox', { name: /^Result/ });
    result.focus();
    fireEvent.keyDown(result, { key: 'ArrowDown' });
    fireEvent.click(await screen.findByRole('option', { name: 'Partly effective', hidden: true }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'What was found' }), {
      target: { value: 'One account too many' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record result' }));
    await vi.waitFor(() =>
      expect(recorded).toEqual({
        performedOn: '2026-04-02',
        result: 'partly_effective',
        notes: 'One account too many',
      }),
    );
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
