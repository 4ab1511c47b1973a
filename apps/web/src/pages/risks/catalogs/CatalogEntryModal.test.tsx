import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render';
import { CatalogEntryModal } from './CatalogEntryModal';

describe('threat form: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('marks the related controls and the English description', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/threats': { items: [], nextCursor: null },
      'POST /api/v1/threats': problem(422, 'Check the values entered.', {
        errors: [
          {
            field: 'relatedControls.0',
            code: 'risk_control_unknown',
            message: '99.9 is not a control of the certification criteria annex.',
          },
          { field: 'body.description.en', code: 'too_big', message: 'Too long.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<CatalogEntryModal kind="threats" entry={null} onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Code/ }), {
      target: { value: 'T-90' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Name \(Japanese\)/ }), {
      target: { value: '落雷' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Name \(English\)/ }), {
      target: { value: 'Lightning' },
    });
    fireEvent.submit(within(dialog).getByRole('textbox', { name: /^Code/ }).closest('form')!);

    expect(
      await within(dialog).findByText('99.9 is not a control of the certification criteria annex.'),
    ).toBeTruthy();
    const description = within(dialog).getByRole('textbox', { name: 'Description (English)' });
    expect(description.getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByRole('alert').textContent).not.toContain('relatedControls');
  });
});
