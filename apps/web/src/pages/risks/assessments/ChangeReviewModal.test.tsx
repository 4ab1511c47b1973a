import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AreaStrings } from '../../../i18n/lazy-areas';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render';
import { assessmentRun, changeReview } from '../fixtures';
import { ChangeReviewModal } from './ChangeReviewModal';

/** Opens a Mantine select and picks an option (its dropdown may still be in its opening transition). */
async function pick(combobox: HTMLElement, name: string) {
  combobox.focus();
  fireEvent.click(combobox);
  fireEvent.click(await screen.findByRole('option', { name, hidden: true }));
}

const runs = [assessmentRun(2, { title: 'After the move' }), assessmentRun(1)];

function show(review: Parameters<typeof ChangeReviewModal>[0]['review'], onClose = () => {}) {
  renderWithProviders(
    <Suspense>
      <AreaStrings area="riskChanges">
        <ChangeReviewModal review={review} runs={runs} onClose={onClose} />
      </AreaStrings>
    </Suspense>,
  );
}

describe('recording a review of change', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks what changed before sending, then links the chosen reassessment', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'POST /api/v1/risk-change-reviews': (req) => ({
        status: 201,
        body: changeReview(req.body as object),
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const onClose = vi.fn();
    show(null, onClose);
    const dialog = await screen.findByRole('dialog');
    await pick(within(dialog).getByRole('combobox', { name: /Kind of change/ }), 'Technology');
    fireEvent.click(within(dialog).getByText('Changed'));
    fireEvent.submit(within(dialog).getByRole('button', { name: 'Save' }).closest('form')!);

    expect(await within(dialog).findByText('Say what changed.')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByRole('textbox', { name: /What changed/ }), {
      target: { value: 'Moved mail to a cloud service' },
    });
    await pick(within(dialog).getByRole('combobox', { name: /Reassessment/ }), '2. After the move');
    fireEvent.submit(within(dialog).getByRole('button', { name: 'Save' }).closest('form')!);

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = api.calls.find((c) => c.method === 'POST')!;
    expect(post.body).toMatchObject({
      kind: 'technology',
      outcome: 'changed',
      description: 'Moved mail to a cloud service',
      assessmentId: runs[0]!.id,
    });
  });

  it('keeps the typed text and says so when someone saved first (412)', async () => {
    const review = changeReview({ version: 3, description: 'Nothing new' });
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      [`PATCH /api/v1/risk-change-reviews/${review.id}`]: problem(412, 'Precondition failed'),
    });
    vi.stubGlobal('fetch', api.fetch);
    const onClose = vi.fn();
    show(review, onClose);
    const dialog = await screen.findByRole('dialog', { name: 'Edit review of change' });
    const text = within(dialog).getByRole('textbox', { name: /Reasons for the decision/ });
    fireEvent.change(text, { target: { value: 'Checked with the board: nothing new' } });
    fireEvent.submit(text.closest('form')!);

    expect(await within(dialog).findByText('Someone else saved this review first')).toBeTruthy();
    expect((text as HTMLTextAreaElement).value).toBe('Checked with the board: nothing new');
    expect(onClose).not.toHaveBeenCalled();
    const patch = api.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"3"');
    expect(patch.body).toMatchObject({ outcome: 'no_change', assessmentId: null });
  });
});
