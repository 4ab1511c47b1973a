import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImportReport, Job } from '../../api/assets';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

function job(report: ImportReport): Job {
  return {
    id: '00000000-0000-4000-8000-000000000601',
    kind: 'assets.import',
    status: 'succeeded',
    phase: null,
    processed: report.rows,
    total: report.rows,
    result: report,
    error: null,
    createdAt: '2026-01-05T09:00:00.000Z',
    finishedAt: '2026-01-05T09:00:01.000Z',
  };
}

describe('asset import', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the validation report by row and column and does not commit an invalid file', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/assets': { items: [], nextCursor: null },
      'GET /api/v1/classifications': { items: [], nextCursor: null },
      'GET /api/v1/org-units': { items: [], nextCursor: null },
      'POST /api/v1/assets/import/validate': job({
        mode: 'validate',
        format: 'csv',
        committed: false,
        rows: 2,
        created: 1,
        updated: 0,
        unchanged: 0,
        skipped: 0,
        errorCount: 1,
        errors: [{ row: 3, column: 'Name', code: 'required', reason: 'A name is required.' }],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/assets');

    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import the asset inventory' });
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['Code,Name\nB-1,\n'], 'assets.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Check the file' }));

    const report = await within(dialog).findByRole('table', {
      name: 'Problems found in the file',
    });
    expect(within(report).getByText('A name is required.')).toBeTruthy();
    expect(within(report).getByText('Name')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Import' }).hasAttribute('disabled')).toBe(
      true,
    );
    const sent = api.calls.find((call) => call.path === '/api/v1/assets/import/validate');
    expect(sent?.headers.get('content-type')).toBe('text/csv');
    expect(api.calls.some((call) => call.path === '/api/v1/assets/import')).toBe(false);
  });
});

describe('the preview of a checked file', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  async function validate(report: ImportReport) {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/assets': { items: [], nextCursor: null },
      'GET /api/v1/classifications': { items: [], nextCursor: null },
      'GET /api/v1/org-units': { items: [], nextCursor: null },
      'POST /api/v1/assets/import/validate': job(report),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/assets');
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import the asset inventory' });
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['Code\n'], 'a.csv')] } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Check the file' }));
    return dialog;
  }

  const base: ImportReport = {
    mode: 'validate',
    format: 'csv',
    committed: false,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    errorCount: 0,
    errors: [],
  };

  it('lists each row with what happens and the changed fields as old → new', async () => {
    const dialog = await validate({
      ...base,
      rows: 150,
      created: 148,
      updated: 1,
      unchanged: 1,
      preview: [
        { row: 2, code: 'A-1', name: 'Mail server', change: 'unchanged', changes: [] },
        {
          row: 3,
          code: 'A-2',
          name: 'File shares',
          change: 'update',
          changes: [
            { field: 'name', before: 'File share', after: 'File shares' },
            { field: 'classification', before: 'Public', after: 'Confidential' },
            { field: 'custodian', before: 'ops@example.test', after: null },
          ],
        },
        { row: 4, code: 'A-3', name: 'Badge reader', change: 'create', changes: [] },
      ],
    });
    const table = await within(dialog).findByRole('table', {
      name: 'Rows of the file and what importing them does',
    });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Row', 'Code', 'Name', 'What happens', 'Changed fields']);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['2', 'A-1', 'Mail server', 'Unchanged', ''],
      [
        '3',
        'A-2',
        'File shares',
        'Changed',
        'Name: File share → File shares' +
          'Classification: Public → Confidential' +
          'Custodian: ops@example.test → —',
      ],
      ['4', 'A-3', 'Badge reader', 'New', ''],
    ]);
    expect(
      within(dialog).getByText('In this preview: 1 new, 1 changed, 1 unchanged.'),
    ).toBeTruthy();
    expect(
      within(dialog).getByText(
        'Showing the first 3 of 150 valid rows; the counts above cover them all.',
      ),
    ).toBeTruthy();
  });

  it('says so when no row is valid, and keeps the problems table', async () => {
    const dialog = await validate({
      ...base,
      rows: 1,
      errorCount: 1,
      errors: [{ row: 2, column: 'Name', code: 'value_required', reason: 'Required.' }],
      preview: [],
    });
    expect(await within(dialog).findByText('The file has no valid row to import.')).toBeTruthy();
    expect(within(dialog).getByRole('table', { name: 'Problems found in the file' })).toBeTruthy();
    expect(within(dialog).queryByRole('table', { name: /what importing them does/ })).toBeNull();
  });
});

describe('a queued import', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('says it is waiting for its turn, then shows its outcome', async () => {
    const report: ImportReport = {
      mode: 'validate',
      format: 'csv',
      committed: false,
      rows: 1,
      created: 1,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      errorCount: 0,
      errors: [],
    };
    const waiting: Job = { ...job(report), status: 'queued', phase: 'waiting', result: null };
    let polls = 0;
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/assets': { items: [], nextCursor: null },
      'GET /api/v1/classifications': { items: [], nextCursor: null },
      'GET /api/v1/org-units': { items: [], nextCursor: null },
      'POST /api/v1/assets/import/validate': () => ({ status: 202, body: waiting }),
      [`GET /api/v1/jobs/${waiting.id}`]: () => ({ body: ++polls < 2 ? waiting : job(report) }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/assets');

    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import the asset inventory' });
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['Code\n'], 'a.csv')] } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Check the file' }));

    expect(await within(dialog).findByText(/^Waiting: other imports/)).toBeTruthy();
    expect(await within(dialog).findByText(/^1 rows: 1 new/, {}, { timeout: 5000 })).toBeTruthy();
    expect(within(dialog).queryByText(/^Waiting: other imports/)).toBeNull();
  });
});
