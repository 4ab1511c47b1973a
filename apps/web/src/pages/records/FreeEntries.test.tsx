import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes, type FakeRoute } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import type { EvidenceRecord } from './api';
import { recordFixture as record, recordTypeFixture as type } from './fixtures';

// The record fixture's type defines no fields: its entries are free-form.
const review: EvidenceRecord = {
  ...record,
  entries: { reviewer: 'Aiko', scope: 'All admin accounts' },
};

// The pages load lazily; on a busy machine the first render takes seconds.
const slow = { timeout: 20_000 };

/** An admin signed in, on the review record's page, whose save is answered by `patch`. */
function stubRecordApi(patch: FakeRoute) {
  vi.stubGlobal(
    'fetch',
    fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      [`GET /api/v1/records/${review.id}`]: review,
      [`GET /api/v1/record-types/${type.id}`]: type,
      'GET /api/v1/files': { items: [], nextCursor: null },
      [`PATCH /api/v1/records/${review.id}`]: patch,
    }).fetch,
  );
}

/** Opens the review record's page and its entries form. */
async function openEntriesEdit() {
  renderApp(`/records/${review.id}`);
  fireEvent.click(await screen.findByRole('button', { name: 'Edit entries' }, slow));
  return screen.findByRole('dialog', { name: 'Edit entries' });
}

const input = (dialog: HTMLElement, label: RegExp) =>
  within(dialog).getByLabelText(label) as HTMLInputElement;

describe('free-form record entries', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('adds, renames and removes entries, refusing a name used twice, and saves under If-Match', async () => {
    const patches: { ifMatch: string | null; body: unknown }[] = [];
    stubRecordApi(({ headers, body }) => {
      patches.push({ ifMatch: headers.get('if-match'), body });
      return { body: { ...review, version: 5 } };
    });
    const dialog = await openEntriesEdit();
    expect(input(dialog, /^Name \(entry 1\)/).value).toBe('reviewer');
    expect(input(dialog, /^Text \(entry 2\)/).value).toBe('All admin accounts');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Add entry' }));
    fireEvent.change(input(dialog, /^Name \(entry 3\)/), { target: { value: ' reviewer ' } });
    fireEvent.change(input(dialog, /^Text \(entry 3\)/), { target: { value: '2026-Q1' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save entries' }));
    expect(within(dialog).getAllByText('This name is used by another entry')).toHaveLength(2);
    expect(patches).toEqual([]);

    fireEvent.change(input(dialog, /^Name \(entry 3\)/), { target: { value: ' period ' } });
    fireEvent.change(input(dialog, /^Name \(entry 1\)/), { target: { value: 'approver' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Remove entry 2' }));
    // A row left blank is not sent.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add entry' }));
    expect(within(dialog).queryByText('This name is used by another entry')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save entries' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(patches).toEqual([
      { ifMatch: '"4"', body: { entries: { approver: 'Aiko', period: '2026-Q1' } } },
    ]);
  });

  it('asks for a name and refuses one longer than the server takes', async () => {
    const patches: unknown[] = [];
    stubRecordApi(({ body }) => {
      patches.push(body);
      return { body: review };
    });
    const dialog = await openEntriesEdit();
    fireEvent.change(input(dialog, /^Name \(entry 1\)/), { target: { value: '' } });
    fireEvent.change(input(dialog, /^Name \(entry 2\)/), { target: { value: 'x'.repeat(101) } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save entries' }));
    expect(within(dialog).getByText('Required')).toBeTruthy();
    expect(within(dialog).getByText('At most 100 characters')).toBeTruthy();
    expect(patches).toEqual([]);
  });

  it('says so when someone else saved the record meanwhile, keeping the input', async () => {
    stubRecordApi(problem(412, 'Someone else changed this', { code: 'stale_version' }));
    const dialog = await openEntriesEdit();
    fireEvent.change(input(dialog, /^Text \(entry 1\)/), { target: { value: 'Ken Ito' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save entries' }));
    expect(
      await within(dialog).findByText('Someone else changed this record', {}, slow),
    ).toBeTruthy();
    expect(input(dialog, /^Text \(entry 1\)/).value).toBe('Ken Ito');
  });

  it('takes free-form entries when a record of a type without fields is created', async () => {
    let created: unknown;
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(sessionInfo('admin')),
        'GET /api/v1/record-types': { items: [type], nextCursor: null },
        'GET /api/v1/records': { items: [], nextCursor: null },
        'POST /api/v1/records': ({ body }) => {
          created = body;
          return { status: 201, body: review };
        },
        [`GET /api/v1/records/${review.id}`]: review,
        [`GET /api/v1/record-types/${type.id}`]: type,
        'GET /api/v1/files': { items: [], nextCursor: null },
      }).fetch,
    );
    renderApp('/records');
    const newRecord = await screen.findByRole('button', { name: 'New record' }, slow);
    await vi.waitFor(() => expect((newRecord as HTMLButtonElement).disabled).toBe(false), slow);
    fireEvent.click(newRecord);
    const dialog = await screen.findByRole('dialog', { name: 'New record' });
    fireEvent.change(within(dialog).getByLabelText(/^Title/), {
      target: { value: 'Quarterly access review' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add entry' }));
    fireEvent.change(input(dialog, /^Name \(entry 1\)/), { target: { value: 'reviewer' } });
    fireEvent.change(input(dialog, /^Text \(entry 1\)/), { target: { value: 'Aiko' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add entry' }));
    fireEvent.change(input(dialog, /^Name \(entry 2\)/), { target: { value: 'reviewer' } });
    fireEvent.change(input(dialog, /^Text \(entry 2\)/), { target: { value: 'Ken' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create record' }));
    expect(within(dialog).getAllByText('This name is used by another entry')).toHaveLength(2);
    expect(created).toBeUndefined();
    fireEvent.change(input(dialog, /^Name \(entry 2\)/), { target: { value: 'approver' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create record' }));
    await vi.waitFor(() =>
      expect(created).toMatchObject({
        typeId: type.id,
        entries: { reviewer: 'Aiko', approver: 'Ken' },
      }),
    );
  });
});
