import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render';
import { method, risk } from '../fixtures';
import { TreatmentForm } from './TreatmentForm';

const treated = risk(1, {
  treatmentOption: 'apply_controls',
  controls: [
    { controlId: '7.1.3', role: 'selected', justification: 'Fire doors' },
    { controlId: '7.2.1', role: 'selected', justification: '' },
  ],
});

async function renderForm(
  errors: { field: string; code: string; message: string }[],
  locale: 'ja' | 'en' = 'en',
) {
  const api = fakeApi({
    ...signedInRoutes(sessionInfo('admin', { locale })),
    [`PUT /api/v1/risks/${treated.id}/treatment`]: problem(422, 'Check the values entered.', {
      errors,
    }),
  });
  vi.stubGlobal('fetch', api.fetch);
  renderWithProviders(
    <TreatmentForm
      risk={treated}
      method={method().definition}
      editable
      suggested={[]}
      onSendResidual={() => {}}
    />,
  );
  // The form shows once the session is known.
  fireEvent.click(await screen.findByRole('button', { name: /Save treatment|リスク対応を保存/ }));
  return api;
}

describe('treatment form: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("marks the second control's justification and lists no raw field path", async () => {
    await renderForm([
      { field: 'selectedControls.1.justification', code: 'field_required', message: 'Required.' },
    ]);
    const second = screen.getByRole('textbox', { name: 'What it treats: 7.2.1' });
    await vi.waitFor(() => expect(second.getAttribute('aria-invalid')).toBe('true'));
    const first = screen.getByRole('textbox', { name: 'What it treats: 7.1.3' });
    expect(first.getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.getByText('Required.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).not.toContain('selectedControls');
  });

  it('labels, in Japanese, an error the form has no input for', async () => {
    // A Japanese user: the app speaks the user's language.
    await renderForm(
      [{ field: 'selectedControls', code: 'too_big', message: '多すぎます。' }],
      'ja',
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('選択した管理策: 多すぎます。')).toBeTruthy();
  });
});
