import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { recordFixture } from './fixtures';
import { RecordActions } from './RecordActions';

describe('record actions: a refused request (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("puts a refused hold's reason at its input and lists another error without its path", async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      [`PUT /api/v1/records/${recordFixture.id}/legal-hold`]: problem(
        422,
        'Check the values entered.',
        {
          errors: [
            { field: 'reason', code: 'too_big', message: 'Too long.' },
            { field: 'active', code: 'disposal_pending', message: 'Disposal is pending.' },
          ],
        },
      ),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<RecordActions record={recordFixture} editable />);

    fireEvent.click(await screen.findByRole('button', { name: 'Place legal hold' }));
    const dialog = await screen.findByRole('dialog', { name: 'Place legal hold' });
    const reason = within(dialog).getByRole('textbox', { name: 'Reason for the hold' });
    fireEvent.change(reason, { target: { value: 'Litigation' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Place hold' }));

    await vi.waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('Too long.')).toBeTruthy();
    const alert = within(dialog).getByRole('alert');
    expect(alert.textContent).toContain('Disposal is pending.');
    expect(alert.textContent).not.toContain('Too long.');
    expect(alert.textContent).not.toContain('active');
  });
});
