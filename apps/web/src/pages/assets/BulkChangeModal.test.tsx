import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { assetFixture } from './assetFixtures';
import { BulkChangeModal } from './BulkChangeModal';

describe('bulk asset change: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('marks the classification and names a refused asset by the selection', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/classifications': { items: [], nextCursor: null },
      'GET /api/v1/org-units': { items: [], nextCursor: null },
      'GET /api/v1/users': { items: [], nextCursor: null },
      'POST /api/v1/assets/bulk-update': problem(422, 'Check the values entered.', {
        errors: [
          { field: 'classificationId', code: 'reference_not_found', message: 'No such level.' },
          { field: 'ids.0', code: 'reference_not_found', message: 'No such asset.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(
      <BulkChangeModal ids={[assetFixture(1).id]} onClose={() => {}} onDone={() => {}} />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Change 1 asset' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Set the classification' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Review the change' }));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Change 1 asset' }));

    expect(await within(dialog).findByText('No such level.')).toBeTruthy();
    const alert = within(dialog).getByRole('alert');
    expect(within(alert).getByText('Selected assets: No such asset.')).toBeTruthy();
    expect(alert.textContent).not.toContain('ids.0');
  });
});
