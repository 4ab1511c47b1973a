import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { ChecklistImportModal } from './ChecklistImportModal';
import { AUDIT_ID, auditorSession } from './checklistFixtures';

const report = (applied: boolean, errors: number) => ({
  applied,
  changed: 2,
  errors,
  rows: [
    { row: 2, lineId: 'a', result: 'conform', changed: true, errors: [] },
    {
      row: 3,
      lineId: 'b',
      result: null,
      changed: true,
      errors: errors ? [{ field: 'result', code: 'audit_checklist_result_unknown' }] : [],
    },
  ],
});

describe('checklist import', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reports wrong rows from the check and applies only a clean file', async () => {
    let answer = report(false, 1);
    const api = fakeApi({
      ...signedInRoutes(auditorSession()),
      [`POST /api/v1/audits/${AUDIT_ID}/checklist/import`]: () => ({ body: answer }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ChecklistImportModal auditId={AUDIT_ID} onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'Import a filled checklist' });
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(['xlsx'], 'filled.xlsx');
    fireEvent.change(input, { target: { files: [file] } });
    const apply = within(dialog).getByRole('button', { name: 'Apply the results' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Check the file' }));
    expect(await within(dialog).findByText(/1 rows have problems/)).toBeTruthy();
    expect(within(dialog).getByText('The result is not one of the listed values.')).toBeTruthy();
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    expect(api.calls.at(-1)!.query.get('dryRun')).toBe('true');

    answer = report(false, 0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Check the file' }));
    expect(await within(dialog).findByText('No problems. 2 lines change.')).toBeTruthy();
    answer = report(true, 0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply the results' }));
    expect(await within(dialog).findByText('Applied: 2 lines changed.')).toBeTruthy();
    expect(api.calls.at(-1)!.query.get('dryRun')).toBe('false');
    expect(api.calls.at(-1)!.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });
});
