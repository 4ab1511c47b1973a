import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes, type FakeRoute } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { AUDIT_ID, auditorSession, findingFixture } from './checklistFixtures';
import { FindingsPanel } from './FindingsPanel';

const base = `/api/v1/audits/${AUDIT_ID}`;
const corrected = {
  ...findingFixture,
  status: 'corrected' as const,
  correction: 'Accounts removed',
  correctedBy: { id: '00000000-0000-4000-8000-000000000009', name: 'Kenji Auditee' },
  version: 2,
};

function renderPanel(items: unknown[], routes: Record<string, FakeRoute> = {}) {
  const api = fakeApi({
    ...signedInRoutes(auditorSession()),
    [`GET ${base}/findings`]: { items },
    ...routes,
  });
  vi.stubGlobal('fetch', api.fetch);
  renderWithProviders(<FindingsPanel auditId={AUDIT_ID} />);
  return api;
}

describe('audit findings panel', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists findings with their item, unit, due date and status', async () => {
    renderPanel([findingFixture, corrected]);
    expect((await screen.findAllByText('Two accounts of leavers were still active')).length).toBe(
      2,
    );
    expect(screen.getAllByText('A.9.2.1 User registration')).toHaveLength(2);
    expect(screen.getAllByText('Overdue')).toHaveLength(2);
    expect(screen.getByText('Open')).toBeTruthy();
    expect(screen.getByText('Corrected by Kenji Auditee')).toBeTruthy();
    // Verification is offered only once a correction exists.
    expect(screen.getAllByRole('button', { name: 'Verify' })).toHaveLength(1);
  });

  it('records the correction with the version read', async () => {
    let sent: { body: unknown; ifMatch: string | null } | undefined;
    renderPanel([findingFixture], {
      [`POST ${base}/findings/${findingFixture.id}/correction`]: (request) => {
        sent = { body: request.body, ifMatch: request.headers.get('if-match') };
        return { body: corrected };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Record correction' }));
    const dialog = await screen.findByRole('dialog', { name: 'Correction of finding 1' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Correction made/ }), {
      target: { value: 'Accounts removed' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(sent).toBeDefined());
    expect(sent).toEqual({ body: { correction: 'Accounts removed' }, ifMatch: '"1"' });
  });

  it('shows why a verification by the corrector is refused (422)', async () => {
    renderPanel([corrected], {
      [`POST ${base}/findings/${corrected.id}/verification`]: problem(422, 'Check the values.', {
        errors: [
          {
            field: 'verifiedBy',
            code: 'audit_finding_verifier_is_corrector',
            message: 'The person who made the correction cannot verify it.',
          },
        ],
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Verify' }));
    const dialog = await screen.findByRole('dialog', { name: 'Verify finding 1' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText(/The person who made the correction cannot verify it\./),
    ).toBeTruthy();
  });

  it('edits an open finding and marks the unit a refused save (422) names', async () => {
    let sent: unknown;
    renderPanel([findingFixture], {
      'GET /api/v1/org-units': {
        items: [{ id: '00000000-0000-4000-8000-00000000f002', name: 'Sales' }],
        nextCursor: null,
      },
      [`PATCH ${base}/findings/${findingFixture.id}`]: (request) => {
        sent = request.body;
        return problem(422, 'Check the values entered.', {
          errors: [
            {
              field: 'unitId',
              code: 'audit_finding_unit_not_auditee',
              message: 'Choose one of the auditee units.',
            },
          ],
        });
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Finding 1' });
    fireEvent.change(within(dialog).getByLabelText('Correct by'), {
      target: { value: '2026-02-28' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Choose one of the auditee units.')).toBeTruthy();
    expect(sent).toEqual({
      description: 'Two accounts of leavers were still active',
      unitId: '00000000-0000-4000-8000-00000000f001',
      dueDate: '2026-02-28',
    });
  });
});
