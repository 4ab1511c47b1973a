import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render';
import { method } from '../fixtures';
import { BulkTreatmentModal } from './BulkTreatmentModal';
import { GenerateRisksModal } from './GenerateRisksModal';
import { ProposedActions } from './ProposedActions';
import { ResidualAcceptanceModal } from './ResidualAcceptanceModal';

describe('risk register dialogs: a refused request (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('puts a refused choice of a generation at its checkbox, with no raw path', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/assets': { items: [], nextCursor: null },
      'POST /api/v1/risks/generate': problem(422, 'Check the values entered.', {
        errors: [
          { field: 'ownerFromAsset', code: 'no_owner', message: 'Some assets have no owner.' },
          { field: 'limit', code: 'too_big', message: 'Too many risks at once.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<GenerateRisksModal onClose={() => {}} />);

    const dialog = await screen.findByRole('dialog', {
      name: 'Generate risks from assets and threats',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Generate' }));

    const owner = within(dialog).getByRole('checkbox', {
      name: 'Make the asset owner the risk owner',
    });
    // A checkbox shows its error under its label, inside its own root.
    const root = owner.closest<HTMLElement>('.mantine-Checkbox-root')!;
    expect(await within(root).findByText('Some assets have no owner.')).toBeTruthy();
    const alert = within(dialog).getByRole('alert');
    expect(alert.textContent).toContain('Too many risks at once.');
    expect(alert.textContent).not.toContain('ownerFromAsset');
    expect(alert.textContent).not.toContain('Some assets have no owner.');
  });

  it('puts a refused note at its input and labels a refused risk, in Japanese', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin', { locale: 'ja' })),
      'POST /api/v1/risks/residual-acceptances': problem(422, '入力内容を確認してください。', {
        errors: [
          { field: 'note', code: 'too_big', message: '長すぎます。' },
          { field: 'riskIds.1', code: 'no_decision', message: '対応が決まっていません。' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(
      <ResidualAcceptanceModal
        riskIds={['00000000-0000-4000-8000-000000000601', '00000000-0000-4000-8000-000000000602']}
        onClose={() => {}}
      />,
    );

    const dialog = await screen.findByRole('dialog', { name: '残留リスクの承認を申請' });
    fireEvent.click(within(dialog).getByRole('button', { name: '承認を申請' }));

    const note = within(dialog).getByRole('textbox', { name: /^経営陣への説明/ });
    await vi.waitFor(() => expect(note.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('長すぎます。')).toBeTruthy();
    const alert = within(dialog).getByRole('alert');
    expect(within(alert).getByText('承認を申請するリスク: 対応が決まっていません。')).toBeTruthy();
    expect(alert.textContent).not.toContain('riskIds');
  });
  it('puts a refused rationale of a bulk treatment at its input and names the selection', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/risk-methods': {
        items: [method({ status: 'approved', approvedAt: '2026-02-01T09:00:00.000Z' })],
        nextCursor: null,
      },
      'GET /api/v1/users': { items: [], nextCursor: null },
      'GET /api/v1/risks/selection': { count: 3, tag: 't1', notOwned: 0, pending: 0, max: 500 },
      'POST /api/v1/risks/bulk-treatment': problem(422, 'Check the values entered.', {
        errors: [
          { field: 'rationale', code: 'too_big', message: 'Too long.' },
          { field: 'filter.status', code: 'invalid', message: 'Not a status.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<BulkTreatmentModal filter={{}} onClose={() => {}} />);

    const dialog = await screen.findByRole('dialog', { name: 'Treat the filtered risks together' });
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Apply to 3 risks' }));

    const rationale = within(dialog).getByRole('textbox', { name: /^Rationale/ });
    await vi.waitFor(() => expect(rationale.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getByText('Too long.')).toBeTruthy();
    const alert = within(dialog)
      .getAllByRole('alert')
      .find((a) => a.textContent?.includes('Check the values entered.'))!;
    expect(within(alert).getByText('Risks of the filter: Not a status.')).toBeTruthy();
    expect(alert.textContent).not.toContain('Too long.');
    expect(alert.textContent).not.toContain('filter.status');
  });
  it('puts a refused due date of proposed actions at its input and names the controls, in Japanese', async () => {
    const riskId = '00000000-0000-4000-8000-000000000601';
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin', { locale: 'ja' })),
      'GET /api/v1/users': { items: [], nextCursor: null },
      'POST /api/v1/treatment-plan/proposals': {
        items: [
          {
            controlId: '5.15',
            displayId: '5.15',
            titleJa: 'アクセス制御',
            titleEn: 'Access control',
            riskIds: [riskId],
          },
        ],
      },
      'POST /api/v1/treatment-plan/from-treatment': problem(422, '入力内容を確認してください。', {
        errors: [
          { field: 'dueDate', code: 'past', message: '過去の日付です。' },
          { field: 'controlIds.0', code: 'has_action', message: 'すでに対策があります。' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ProposedActions riskIds={[riskId]} />);

    fireEvent.click(await screen.findByRole('button', { name: '処置1件を計画に追加' }));
    const due = screen.getByLabelText('期限');
    await vi.waitFor(() => expect(due.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('過去の日付です。')).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText('実施する管理策: すでに対策があります。')).toBeTruthy();
    expect(alert.textContent).not.toContain('controlIds');
  });
});
