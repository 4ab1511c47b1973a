import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render';
import { StartRunModal } from './StartRunModal';

describe('new assessment run: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('marks the date and the reason text the server refused', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'POST /api/v1/risk-assessments': problem(422, 'Check the values entered.', {
        errors: [
          { field: 'assessedOn', code: 'date_future', message: 'Not in the future.' },
          { field: 'body.reasonText', code: 'field_required', message: 'Say what changed.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<StartRunModal first onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Title/ }), {
      target: { value: 'Annual review' },
    });
    fireEvent.submit(
      within(dialog)
        .getByRole('textbox', { name: /^Title/ })
        .closest('form')!,
    );

    expect(await within(dialog).findByText('Say what changed.')).toBeTruthy();
    expect(within(dialog).getByText('Not in the future.')).toBeTruthy();
    expect(within(dialog).getByRole('alert').textContent).not.toContain('Say what changed.');
  });
});
