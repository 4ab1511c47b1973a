import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { recordFixture as record, recordTypeFixture as type } from './fixtures';

const held = {
  ...record,
  id: '00000000-0000-4000-8000-000000000602',
  title: 'Held record',
  legalHold: { active: true, reason: 'Lawsuit' },
};

// The pages load lazily; on a busy machine the first render takes seconds.
const slow = { timeout: 20_000 };

describe('records', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists the register with status and hold, and filters by hold and retention due', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/record-types': { items: [type], nextCursor: null },
      'GET /api/v1/records': ({ query }) => ({
        body: {
          items: query.get('legalHold') === 'true' ? [held] : [record, held],
          nextCursor: null,
        },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/records');
    const table = await screen.findByRole('table', { name: 'Register' }, slow);
    expect(within(table).getByRole('link', { name: 'Quarterly access review' })).toBeTruthy();
    expect(within(table).getByText('Legal hold')).toBeTruthy();
    // Unfiltered, the register asks for records on hold and not on hold alike.
    const first = api.calls.find((c) => c.path === '/api/v1/records')!;
    expect(first.query.get('legalHold')).toBeNull();
    expect(first.query.get('status')).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: 'On legal hold' }));
    await vi.waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Register' })).queryByText(
          'Quarterly access review',
        ),
      ).toBeNull(),
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Retention ended (due for disposal)' }));
    await vi.waitFor(() => {
      const last = api.calls.filter((c) => c.path === '/api/v1/records').at(-1)!;
      expect(last.query.get('retentionDueBy')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(last.query.get('sort')).toBe('retentionEnd');
    });
  });

  it('opens filtered to the retention date a link carries, and the box clears it', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/record-types': { items: [type], nextCursor: null },
      'GET /api/v1/records': ({ query }) => ({
        body: { items: query.get('retentionDueBy') ? [held] : [record, held], nextCursor: null },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderApp('/records?retentionDueBy=2026-11-24');
    const table = await screen.findByRole('table', { name: 'Register' }, slow);
    expect(within(table).getByRole('link', { name: 'Held record' })).toBeTruthy();
    expect(within(table).queryByText('Quarterly access review')).toBeNull();
    const calls = () => api.calls.filter((c) => c.path === '/api/v1/records');
    expect(calls().every((c) => c.query.get('retentionDueBy') === '2026-11-24')).toBe(true);
    expect(calls()[0]!.query.get('sort')).toBe('retentionEnd');
    const box = screen.getByRole('checkbox', { name: 'Retention ended (due for disposal)' });
    expect((box as HTMLInputElement).checked).toBe(true);
    fireEvent.click(box);
    await vi.waitFor(() => expect(calls().at(-1)!.query.get('retentionDueBy')).toBeNull());
    // The filter is kept in the address: cleared there too.
    expect(router.state.location.search).not.toContain('retentionDueBy');
    expect(await screen.findByRole('link', { name: 'Quarterly access review' })).toBeTruthy();
  });

  it('sends the status and hold of the conformity link, and the badge removes the hold', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/record-types': { items: [type], nextCursor: null },
      'GET /api/v1/records': ({ query }) => ({
        body: {
          items: query.get('legalHold') === 'false' ? [record] : [record, held],
          nextCursor: null,
        },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/records?status=active&legalHold=false&retentionDueBy=2026-11-24');
    const table = await screen.findByRole('table', { name: 'Register' }, slow);
    expect(within(table).queryByText('Held record')).toBeNull();
    const calls = () => api.calls.filter((c) => c.path === '/api/v1/records');
    expect(calls()[0]!.query.get('status')).toBe('active');
    expect(calls()[0]!.query.get('legalHold')).toBe('false');
    expect(calls()[0]!.query.get('retentionDueBy')).toBe('2026-11-24');
    expect(screen.getByDisplayValue('Kept')).toBeTruthy();
    expect(screen.getByText('Not on legal hold')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove this filter' }));
    await vi.waitFor(() => expect(calls().at(-1)!.query.get('legalHold')).toBeNull());
    expect(calls().at(-1)!.query.get('status')).toBe('active');
    expect(await screen.findByRole('link', { name: 'Held record' })).toBeTruthy();
    expect(screen.queryByText('Not on legal hold')).toBeNull();
  });

  it('ignores a retention date, status or hold in the address that it does not know', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/record-types': { items: [type], nextCursor: null },
      'GET /api/v1/records': { items: [record], nextCursor: null },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/records?retentionDueBy=soon&status=gone&legalHold=maybe');
    await screen.findByRole('table', { name: 'Register' }, slow);
    const first = api.calls.find((c) => c.path === '/api/v1/records')!;
    expect(first.query.get('retentionDueBy')).toBeNull();
    expect(first.query.get('status')).toBeNull();
    expect(first.query.get('legalHold')).toBeNull();
  });

  it('asks for a record type before the first record', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(sessionInfo('admin')),
        'GET /api/v1/record-types': { items: [], nextCursor: null },
        'GET /api/v1/records': { items: [], nextCursor: null },
      }).fetch,
    );
    renderApp('/records');
    expect(await screen.findByText(/Create a record type first/, {}, slow)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'New record' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });

  it('shows why disposal is refused, and places a legal hold with a reason and If-Match', async () => {
    let hold: { ifMatch: string | null; body: unknown } | undefined;
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      [`GET /api/v1/records/${record.id}`]: record,
      'GET /api/v1/files': { items: [], nextCursor: null },
      [`POST /api/v1/records/${record.id}/disposal`]: ({ headers }) =>
        headers.get('if-match') === '"4"'
          ? problem(
              409,
              'The record must be kept until 2029-04-01; it can be disposed of from the day after.',
              { code: 'record_retention_not_ended' },
            )
          : problem(412, 'stale'),
      [`PUT /api/v1/records/${record.id}/legal-hold`]: ({ headers, body }) => {
        hold = { ifMatch: headers.get('if-match'), body };
        return { body: { ...record, legalHold: { active: true, reason: 'Audit' }, version: 5 } };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/records/${record.id}`);
    expect(
      await screen.findByRole('heading', { name: 'Quarterly access review' }, slow),
    ).toBeTruthy();
    expect(await screen.findByText('No files attached.', {}, slow)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Request disposal' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send for approval' }));
    expect(await within(dialog).findByText(/must be kept until 2029-04-01/, {}, slow)).toBeTruthy();
    fireEvent.keyDown(dialog, { key: 'Escape' });

    fireEvent.click(screen.getByRole('button', { name: 'Place legal hold' }));
    const holdDialog = await screen.findByRole('dialog', { name: 'Place legal hold' });
    fireEvent.change(within(holdDialog).getByLabelText('Reason for the hold'), {
      target: { value: 'Audit' },
    });
    fireEvent.click(within(holdDialog).getByRole('button', { name: 'Place hold' }));
    await vi.waitFor(() =>
      expect(hold).toEqual({ ifMatch: '"4"', body: { active: true, reason: 'Audit' } }),
    );
  });

  it('creates a record type, refusing an empty code first', async () => {
    let created: unknown;
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/record-types': { items: [type], nextCursor: null },
      'GET /api/v1/classifications': { items: [], nextCursor: null },
      'POST /api/v1/record-types': ({ body }) => {
        created = body;
        return { status: 201, body: { ...type, id: '00000000-0000-4000-8000-000000000502' } };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/records/types');
    expect(await screen.findByText('3 years', {}, slow)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'New record type' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create type' }));
    // The code and the Japanese name; the English name is optional.
    expect(within(dialog).getAllByText('Required').length).toBe(2);
    expect(created).toBeUndefined();
    fireEvent.change(within(dialog).getByLabelText(/^Code/), { target: { value: 'TRAINING' } });
    fireEvent.change(within(dialog).getByLabelText(/Name \(Japanese\)/), {
      target: { value: '教育記録' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Name \(English\)/), {
      target: { value: 'Training record' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create type' }));
    await vi.waitFor(() =>
      expect(created).toMatchObject({
        code: 'TRAINING',
        name: { ja: '教育記録', en: 'Training record' },
        retention: { value: 1, unit: 'years' },
      }),
    );
  });
});
