import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { DocumentFormModal } from './DocumentFormModal';

describe('document form: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('puts an unknown control ID on the annex controls input and labels the rest', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/users': { items: [], nextCursor: null },
      'GET /api/v1/org-units': { items: [], nextCursor: null },
      'GET /api/v1/classification-levels': { items: [], nextCursor: null },
      'POST /api/v1/documents': problem(422, 'Check the values entered.', {
        errors: [
          {
            field: 'controlIds.0',
            code: 'document_control_unknown',
            message: 'Annex control "99.9" is not in the annex of the certification criteria.',
          },
          { field: 'title', code: 'field_required', message: 'Required.' },
          { field: 'policyFields.scope', code: 'too_big', message: 'Too long.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<DocumentFormModal onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'New document' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create document' }));

    expect(
      await within(dialog).findByText(
        'Annex control "99.9" is not in the annex of the certification criteria.',
      ),
    ).toBeTruthy();
    const controls = within(dialog).getByLabelText('Annex controls');
    expect(controls.getAttribute('aria-invalid')).toBe('true');
    const title = within(dialog).getByLabelText(/^Title/);
    expect(title.getAttribute('aria-invalid')).toBe('true');
    // A field the form has no input for is listed, never as a raw path.
    const alert = within(dialog).getByRole('alert');
    expect(within(alert).getByText('Too long.')).toBeTruthy();
    expect(alert.textContent).not.toContain('policyFields');
  });
});
