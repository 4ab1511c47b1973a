import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { NewLevelModal } from './NewLevelModal';

describe('new classification level: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('marks the code and the English description, and shows both', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'POST /api/v1/classifications': problem(422, 'Check the values entered.', {
        errors: [
          { field: 'code', code: 'code_taken', message: 'This code is already used.' },
          { field: 'body.description.en', code: 'too_big', message: 'Too long.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<NewLevelModal levels={[]} onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'New classification level' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Code/ }), {
      target: { value: 'personal' },
    });
    fireEvent.submit(within(dialog).getByRole('textbox', { name: /^Code/ }).closest('form')!);

    expect(await within(dialog).findByText('This code is already used.')).toBeTruthy();
    // Before, one placed error hid every other one.
    expect(within(dialog).getByText('Too long.')).toBeTruthy();
    expect(
      within(dialog)
        .getByRole('textbox', { name: 'Description (English)' })
        .getAttribute('aria-invalid'),
    ).toBe('true');
  });
});
