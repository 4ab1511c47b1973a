import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render';
import { ActionFormModal } from './ActionFormModal';

describe('treatment plan action form: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('marks the risks it treats and the due date, and names the progress by its label', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/users': { items: [], nextCursor: null },
      'GET /api/v1/risks': { items: [], nextCursor: null },
      'POST /api/v1/treatment-plan': problem(422, 'Check the values entered.', {
        errors: [
          { field: 'riskIds.0', code: 'reference_not_found', message: 'No such risk.' },
          { field: 'body.dueDate', code: 'invalid_format', message: 'Not a date.' },
          { field: 'progress', code: 'too_big', message: 'At most 100.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ActionFormModal action={null} onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'New action of the treatment plan' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Title/ }), {
      target: { value: 'Install fire doors' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add an action' }));

    expect(await within(dialog).findByText('No such risk.')).toBeTruthy();
    expect(within(dialog).getByText('Not a date.')).toBeTruthy();
    const alert = within(dialog).getByRole('alert');
    expect(within(alert).getByText('Progress: At most 100.')).toBeTruthy();
    expect(alert.textContent).not.toContain('riskIds');
  });
});
