import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderWithProviders } from '../../test/render';
import { DetailsPanel } from './DetailsPanel';
import { DOC_ID, detail } from './fixtures';
import { ReviewsPanel } from './ReviewsPanel';

const refused = (field: string, message: string) =>
  problem(422, 'Check the values entered.', {
    errors: [{ field, code: 'too_big', message }],
  });

describe('document panels: a refused save (422)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("puts a refused review note at the review's note input, with no raw path", async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      [`GET /api/v1/documents/${DOC_ID}/reviews`]: { items: [] },
      [`POST /api/v1/documents/${DOC_ID}/reviews`]: refused('note', 'Too long.'),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<ReviewsPanel doc={detail()} manages />);

    fireEvent.click(await screen.findByRole('button', { name: 'Record review' }));
    const note = screen.getByRole('textbox', { name: 'Note' });
    await vi.waitFor(() => expect(note.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Too long.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).not.toContain('Too long.');
  });

  it('puts a refused withdrawal reason at its input, in Japanese', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin', { locale: 'ja' })),
      'GET /api/v1/org-units': { items: [], nextCursor: null },
      [`POST /api/v1/documents/${DOC_ID}/withdrawal`]: problem(
        422,
        '入力内容を確認してください。',
        {
          errors: [
            { field: 'reason', code: 'too_big', message: '長すぎます。' },
            { field: 'effectiveOn', code: 'invalid', message: '日付が正しくありません。' },
          ],
        },
      ),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<DetailsPanel doc={detail()} manages />);

    fireEvent.click(await screen.findByRole('button', { name: '廃止' }));
    fireEvent.change(screen.getByRole('textbox', { name: /^廃止の理由/ }), {
      target: { value: '統合したため' },
    });
    fireEvent.click(screen.getByRole('button', { name: '文書を廃止' }));
    const reason = screen.getByRole('textbox', { name: /^廃止の理由/ });
    await vi.waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('長すぎます。')).toBeTruthy();
    // An error the panel has no input for is listed as it is, never as a raw path.
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('日付が正しくありません。');
    expect(alert.textContent).not.toContain('effectiveOn');
  });
});
