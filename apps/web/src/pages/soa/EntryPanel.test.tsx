import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import type { SoaEntry } from './api';
import { EntryPanel } from './EntryPanel';

const excluded: SoaEntry = {
  controlId: '3.1.2',
  displayId: '3(1)②',
  own: false,
  domainId: '3',
  domainDisplayId: '3',
  domainTitle: { ja: '情報セキュリティポリシー', en: 'Security policy' },
  objectiveId: '3.1',
  objectiveDisplayId: '3(1)',
  objectiveTitle: { ja: '情報セキュリティポリシー', en: 'Information security policy' },
  title: { ja: 'ポリシーの公表', en: 'Publication of the policy' },
  summary: { ja: '要約', en: 'Summary.' },
  applicable: false,
  proposed: false,
  reasons: [],
  exclusionReason: '',
  riskAcceptedBy: null,
  riskAcceptedOn: null,
  implementationStatus: 'not_started',
  links: [],
  ownerUserId: null,
  notes: '',
  updatedBy: null,
  updatedAt: '2026-01-05T09:00:00.000Z',
};

describe('SoA entry form: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('marks the exclusion reason and names a link error by its list', async () => {
    vi.stubGlobal('fetch', fakeApi(signedInRoutes(sessionInfo('admin'))).fetch);
    const refused = new ApiError({
      status: 422,
      title: 'Check the values entered.',
      problem: {
        errors: [
          { field: 'exclusionReason', message: 'Say why it is excluded.' },
          { field: 'links.0.id', message: 'Not a document of the organization.' },
        ],
      },
    });
    renderWithProviders(
      <EntryPanel
        entry={excluded}
        onClose={() => {}}
        users={[]}
        editable
        saving={false}
        error={refused}
        onSave={async () => {}}
      />,
    );
    const drawer = await screen.findByRole('dialog');
    const reason = within(drawer).getByRole('textbox', { name: 'Reason for exclusion' });
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    expect(within(drawer).getByText('Say why it is excluded.')).toBeTruthy();
    const alert = within(drawer).getByRole('alert');
    expect(
      within(alert).getByText(
        'Implementing documents and evidence: Not a document of the organization.',
      ),
    ).toBeTruthy();
    expect(alert.textContent).not.toContain('links.0');
  });
});
