import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { NewStructureModal } from './NewStructureModal';

describe('new organization unit / location: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('marks the code the server refused and adds nothing', async () => {
    const created = vi.fn();
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'POST /api/v1/locations': problem(422, 'Check the values entered.', {
        errors: [
          { field: 'code', code: 'code_taken', message: 'This code is already used.' },
          { field: 'kind', code: 'invalid_value', message: 'Unknown kind.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(
      <NewStructureModal kind="location" onClose={() => {}} onCreated={created} />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'New location' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Code/ }), {
      target: { value: 'HQ' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Name/ }), {
      target: { value: 'Head office' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));

    const code = within(dialog).getByRole('textbox', { name: /^Code/ });
    await vi.waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('This code is already used.')).toBeTruthy();
    expect(within(dialog).getByText('Unknown kind.')).toBeTruthy();
    expect(created).not.toHaveBeenCalled();
  });
});
