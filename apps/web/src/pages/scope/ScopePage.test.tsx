import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScopeVersion } from '../../api/scope';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const draft: ScopeVersion = {
  id: '00000000-0000-4000-8000-000000000501',
  number: 2,
  status: 'draft',
  businessActivities: 'Cloud payroll service',
  orgUnitIds: [],
  organizationNote: '',
  locationIds: [],
  locationNote: '',
  assetCategories: ['information'],
  assetNote: '',
  technology: '',
  boundaries: 'The office network',
  interfaces: [],
  exclusions: [
    {
      controlId: '8.1.3',
      reason: 'No development in house',
      riskAcceptedBy: '00000000-0000-4000-8000-000000000001',
      riskAcceptedOn: '2026-04-01',
    },
  ],
  createdBy: null,
  updatedBy: null,
  approvalId: null,
  approvedBy: null,
  approvedAt: null,
  version: 7,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
};

describe('scope page', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the draft with its exclusions, saves with If-Match and submits for approval', async () => {
    let put: { ifMatch: string | null; body: unknown } | undefined;
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/scope': { current: draft, approved: null },
      'GET /api/v1/org-units': { items: [], nextCursor: null },
      'GET /api/v1/locations': { items: [], nextCursor: null },
      'GET /api/v1/users': { items: [], nextCursor: null },
      'PUT /api/v1/scope': ({ headers, body }) => {
        put = { ifMatch: headers.get('if-match'), body };
        return { body: { ...draft, version: 8 } };
      },
      [`POST /api/v1/scope/versions/${draft.id}/approval`]: { id: 'x' },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/scope');

    expect(await screen.findByText('Version 2: Draft')).toBeTruthy();
    expect(screen.getByDisplayValue('No development in house')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(put?.ifMatch).toBe('"7"'));
    expect(put?.body).toMatchObject({
      boundaries: 'The office network',
      exclusions: [{ namespace: 'control', id: '8.1.3', reason: 'No development in house' }],
    });

    fireEvent.click(screen.getByRole('button', { name: 'Submit for approval' }));
    await vi.waitFor(() =>
      expect(api.calls.some((call) => call.path.endsWith('/approval'))).toBe(true),
    );
  });
});
