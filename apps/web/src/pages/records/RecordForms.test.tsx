import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes, type FakeRoute } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import type { EvidenceRecord, RecordType } from './api';
import { recordFixture, recordTypeFixture as type } from './fixtures';

const visitorLog: RecordType = {
  ...type,
  id: '00000000-0000-4000-8000-000000000511',
  code: 'VISITORS',
  name: { ja: '入館記録', en: 'Visitor log' },
  fields: [
    {
      key: 'visitor',
      label: { ja: '訪問者', en: 'Visitor' },
      kind: 'text',
      required: true,
      options: [],
    },
    {
      key: 'visitDate',
      label: { ja: '訪問日', en: 'Visit date' },
      kind: 'date',
      required: true,
      options: [],
    },
    {
      key: 'escorted',
      label: { ja: '同行', en: 'Escorted' },
      kind: 'boolean',
      required: false,
      options: [],
    },
  ],
  version: 3,
};
const visit: EvidenceRecord = {
  ...recordFixture,
  id: '00000000-0000-4000-8000-000000000611',
  type: { id: visitorLog.id, code: visitorLog.code, name: visitorLog.name },
  title: 'Auditor visit',
  entries: { visitor: 'Aiko Sato', visitDate: '2026-03-02', escorted: 'true' },
  version: 7,
};

// The pages load lazily; on a busy machine the first render takes seconds.
const slow = { timeout: 20_000 };

/** An admin signed in, with these routes answered besides. */
function stubAdminApi(routes: Record<string, FakeRoute>) {
  vi.stubGlobal('fetch', fakeApi({ ...signedInRoutes(sessionInfo('admin')), ...routes }).fetch);
}

/** The record types page, its one type answered by `patch` when saved. */
function typesRoutes(patch: FakeRoute): Record<string, FakeRoute> {
  return {
    'GET /api/v1/record-types': { items: [type], nextCursor: null },
    'GET /api/v1/classifications': { items: [], nextCursor: null },
    [`PATCH /api/v1/record-types/${type.id}`]: patch,
  };
}

/** The visitor log record's page: the record, its type and its (no) files. */
const visitRoutes: Record<string, FakeRoute> = {
  [`GET /api/v1/records/${visit.id}`]: visit,
  [`GET /api/v1/record-types/${visitorLog.id}`]: visitorLog,
  'GET /api/v1/files': { items: [], nextCursor: null },
};

/** Opens the record types page and the edit form of its one type. */
async function openTypeEdit() {
  renderApp('/records/types');
  fireEvent.click(await screen.findByRole('button', { name: 'Edit Access review record' }, slow));
  return screen.findByRole('dialog', { name: 'Edit record type ACCESS-REVIEW' });
}

describe('record type and entry forms', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('edits a record type with a new entry field under If-Match', async () => {
    let saved: { ifMatch: string | null; body: unknown } | undefined;
    stubAdminApi(
      typesRoutes(({ headers, body }) => {
        saved = { ifMatch: headers.get('if-match'), body };
        return { body: { ...type, version: 2 } };
      }),
    );
    const dialog = await openTypeEdit();
    expect((within(dialog).getByLabelText(/^Code/) as HTMLInputElement).value).toBe(
      'ACCESS-REVIEW',
    );
    fireEvent.change(within(dialog).getByLabelText('Storage location'), {
      target: { value: 'Cabinet B-2' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add field' }));
    // An empty field is refused before the server is asked.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    // The key and the Japanese label; the English label is optional.
    expect(within(dialog).getAllByText('Required').length).toBe(2);
    expect(saved).toBeUndefined();
    fireEvent.change(within(dialog).getByLabelText(/^Key \(field 1\)/), {
      target: { value: 'reviewer' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Label in Japanese \(field 1\)/), {
      target: { value: '確認者' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Label in English \(field 1\)/), {
      target: { value: 'Reviewer' },
    });
    fireEvent.click(within(dialog).getByLabelText('Required (field 1)'));
    // A second field, moved above the first: the order is the entry form's.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add field' }));
    fireEvent.change(within(dialog).getByLabelText(/^Key \(field 2\)/), {
      target: { value: 'note' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Label in Japanese \(field 2\)/), {
      target: { value: '備考' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Label in English \(field 2\)/), {
      target: { value: 'Note' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move field 2 up' }));
    fireEvent.click(within(dialog).getByRole('switch', { name: /Active/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() =>
      expect(saved).toEqual({
        ifMatch: '"1"',
        body: expect.objectContaining({
          code: 'ACCESS-REVIEW',
          storageLocation: 'Cabinet B-2',
          active: false,
          fields: [
            {
              key: 'note',
              label: { ja: '備考', en: 'Note' },
              kind: 'text',
              required: false,
              options: [],
            },
            {
              key: 'reviewer',
              label: { ja: '確認者', en: 'Reviewer' },
              kind: 'text',
              required: true,
              options: [],
            },
          ],
        }),
      }),
    );
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says so when someone else saved the type meanwhile, keeping the input', async () => {
    stubAdminApi(typesRoutes(problem(412, 'Someone else changed this', { code: 'stale_version' })));
    const dialog = await openTypeEdit();
    fireEvent.change(within(dialog).getByLabelText('Disposal method'), {
      target: { value: 'Shred on site' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(
      await within(dialog).findByText('Someone else changed this record type', {}, slow),
    ).toBeTruthy();
    expect((within(dialog).getByLabelText('Disposal method') as HTMLInputElement).value).toBe(
      'Shred on site',
    );
  });

  it("shows a record's entries by their labels and edits them, with the server's refusal on the field", async () => {
    const patches: { ifMatch: string | null; body: unknown }[] = [];
    stubAdminApi({
      ...visitRoutes,
      [`PATCH /api/v1/records/${visit.id}`]: ({ headers, body }) => {
        patches.push({ ifMatch: headers.get('if-match'), body });
        return patches.length === 1
          ? problem(422, 'The request is not valid.', {
              code: 'validation',
              errors: [
                {
                  field: 'entries.visitDate',
                  code: 'date_invalid',
                  message: '"2026-02-30" is not a date (YYYY-MM-DD).',
                },
              ],
            })
          : { body: { ...visit, version: 8 } };
      },
    });
    renderApp(`/records/${visit.id}`);
    const entries = await screen.findByRole('region', { name: 'Entries' }, slow);
    expect(await within(entries).findByText('Visitor', {}, slow)).toBeTruthy();
    expect(within(entries).getByText('Aiko Sato')).toBeTruthy();
    expect(within(entries).getByText('Yes')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Edit entries' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit entries' });
    const visitor = within(dialog).getByLabelText(/^Visitor/) as HTMLTextAreaElement;
    expect(visitor.value).toBe('Aiko Sato');
    fireEvent.change(visitor, { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save entries' }));
    expect(within(dialog).getByText('Required')).toBeTruthy();
    expect(patches).toEqual([]);

    fireEvent.change(visitor, { target: { value: 'Ken Ito' } });
    fireEvent.click(within(dialog).getByLabelText('Escorted'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save entries' }));
    expect(await within(dialog).findAllByText(/is not a date/, {}, slow)).not.toHaveLength(0);
    expect(patches[0]).toEqual({
      ifMatch: '"7"',
      body: { entries: { visitor: 'Ken Ito', visitDate: '2026-03-02', escorted: 'false' } },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save entries' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(patches).toHaveLength(2);
  });

  it('asks for the entries of the chosen type when a record is created', async () => {
    let created: unknown;
    stubAdminApi({
      'GET /api/v1/record-types': {
        items: [visitorLog, { ...type, id: '00000000-0000-4000-8000-000000000599', active: false }],
        nextCursor: null,
      },
      'GET /api/v1/records': { items: [], nextCursor: null },
      'POST /api/v1/records': ({ body }) => {
        created = body;
        return { status: 201, body: visit };
      },
      ...visitRoutes,
    });
    renderApp('/records');
    const newRecord = await screen.findByRole('button', { name: 'New record' }, slow);
    // Enabled once the types have loaded (one of them active).
    await vi.waitFor(() => expect((newRecord as HTMLButtonElement).disabled).toBe(false), slow);
    fireEvent.click(newRecord);
    const dialog = await screen.findByRole('dialog', { name: 'New record' });
    fireEvent.change(within(dialog).getByLabelText(/^Title/), {
      target: { value: 'Auditor visit' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create record' }));
    expect(within(dialog).getAllByText('Required')).toHaveLength(2);
    expect(created).toBeUndefined();
    fireEvent.change(within(dialog).getByLabelText(/^Visitor/), {
      target: { value: 'Aiko Sato' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Visit date/), {
      target: { value: '2026-03-02' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create record' }));
    await vi.waitFor(() =>
      expect(created).toMatchObject({
        typeId: visitorLog.id,
        entries: { visitor: 'Aiko Sato', visitDate: '2026-03-02', escorted: 'false' },
      }),
    );
  });
});
