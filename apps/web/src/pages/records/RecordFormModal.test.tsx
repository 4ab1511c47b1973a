import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { recordTypeFixture } from './fixtures';
import { RecordFormModal } from './RecordFormModal';

describe('new record: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('marks the description and the link it evidences, which it used to drop', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'POST /api/v1/records': problem(422, 'Check the values entered.', {
        errors: [
          { field: 'body.description', code: 'too_big', message: 'Too long.' },
          { field: 'links.0.id', code: 'reference_not_found', message: 'No such object.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(
      <RecordFormModal types={[{ ...recordTypeFixture, fields: [] }]} onClose={() => {}} />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'New record' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Title/ }), {
      target: { value: '2026 access review' },
    });
    // An object outside the catalog: its kind is typed, as the API has always taken it.
    const kind = within(dialog).getByRole('combobox', { name: 'Evidences (kind of object)' });
    kind.focus();
    fireEvent.keyDown(kind, { key: 'ArrowDown' });
    fireEvent.click(await screen.findByRole('option', { name: 'Other object', hidden: true }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Kind of object' }), {
      target: { value: 'asset' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Evidences (ID)' }), {
      target: { value: 'A-999' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create record' }));

    expect(await within(dialog).findByText('No such object.')).toBeTruthy();
    expect(within(dialog).getByText('Too long.')).toBeTruthy();
    const id = within(dialog).getByRole('textbox', { name: 'Evidences (ID)' });
    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(
      within(dialog).getByRole('textbox', { name: 'Description' }).getAttribute('aria-invalid'),
    ).toBe('true');
  });
});
