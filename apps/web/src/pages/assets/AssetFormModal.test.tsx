import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { assetFixture } from './assetFixtures';
import { AssetFormModal } from './AssetFormModal';

const asset = assetFixture(1);

describe('asset form: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('marks each field the server names and lists the rest by label', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/classifications': { items: [], nextCursor: null },
      'GET /api/v1/org-units': { items: [], nextCursor: null },
      'GET /api/v1/locations': { items: [], nextCursor: null },
      'GET /api/v1/users': { items: [], nextCursor: null },
      [`PATCH /api/v1/assets/${asset.id}`]: problem(422, 'Check the values entered.', {
        errors: [
          { field: 'body.nextReviewDate', code: 'invalid_format', message: 'Not a date.' },
          { field: 'tags.1', code: 'too_big', message: 'Too long.' },
          { field: 'value', code: 'invalid', message: 'Derived, not set.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<AssetFormModal asset={asset} opened onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'Edit A-001' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findByText('Not a date.')).toBeTruthy();
    expect(within(dialog).getByLabelText('Next review').getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByText('Too long.')).toBeTruthy();
    const alert = within(dialog).getByRole('alert');
    expect(alert.textContent).toContain('Derived, not set.');
    expect(alert.textContent).not.toContain('nextReviewDate');
  });
});
