import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { AUDIT_ID, auditorSession, checklistFixture } from './checklistFixtures';
import { ChecklistLineModal } from './ChecklistLineModal';

describe('checklist line form', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('adds an own question, and marks the fields a refused save (422) names', async () => {
    const bodies: unknown[] = [];
    const api = fakeApi({
      ...signedInRoutes(auditorSession()),
      [`POST /api/v1/audits/${AUDIT_ID}/checklist/lines`]: (request) => {
        bodies.push(request.body);
        return problem(422, 'Check the values entered.', {
          errors: [
            { field: 'body.promptJa', code: 'too_small', message: 'Write the question.' },
            { field: 'promptEn', code: 'too_big', message: 'Too long.' },
          ],
        });
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ChecklistLineModal auditId={AUDIT_ID} line={null} onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'Add a question' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Question (English)' }), {
      target: { value: 'Sample the entry logs' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Write the question.')).toBeTruthy();
    expect(within(dialog).getByText('Too long.')).toBeTruthy();
    expect(bodies).toEqual([{ kind: 'custom', promptJa: '', promptEn: 'Sample the entry logs' }]);
  });

  it('rewords a line with the version read', async () => {
    const line = checklistFixture.items[1]!;
    let ifMatch: string | null = null;
    const api = fakeApi({
      ...signedInRoutes(auditorSession()),
      [`PATCH /api/v1/audits/${AUDIT_ID}/checklist/lines/${line.id}`]: (request) => {
        ifMatch = request.headers.get('if-match');
        return { body: line };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    const onClose = vi.fn();
    renderWithProviders(<ChecklistLineModal auditId={AUDIT_ID} line={line} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog', { name: 'Reword the question' });
    expect(
      (
        within(dialog).getByRole('textbox', {
          name: /^Question \(Japanese\)/,
        }) as HTMLTextAreaElement
      ).value,
    ).toBe('入退室記録を確認する');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(ifMatch).toBe('"3"');
  });
});
