import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderWithProviders } from '../../../test/render';
import { FeedbackFormModal } from './FeedbackFormModal';
import { feedbackFixture, partyFixture } from './fixtures';
import { PartyFormModal } from './PartyFormModal';
import { RespondModal } from './RespondModal';

describe('interested parties forms: a refused save', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('marks the party name taken (422) and keeps the dialog open', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'POST /api/v1/interested-parties': problem(422, 'Check the values entered.', {
        errors: [
          {
            field: 'name',
            code: 'interested_party_name_taken',
            message: 'An interested party with this name is already registered.',
          },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const onClose = vi.fn();
    renderWithProviders(<PartyFormModal party={null} onClose={onClose} />);
    const dialog = await screen.findByRole('dialog', { name: 'Add a party' });
    const name = within(dialog).getByRole('textbox', { name: /^Name/ });
    fireEvent.change(name, { target: { value: '株主' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('An interested party with this name is already registered.'),
    ).toBeTruthy();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(onClose).not.toHaveBeenCalled();
    const sent = api.calls.find((c) => c.method === 'POST')!;
    expect(sent.body).toMatchObject({ name: '株主', kind: 'customer' });
  });

  it('places the received date (422) and a schema error on the content (400)', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'POST /api/v1/interested-party-feedback': problem(422, 'Check the values entered.', {
        errors: [
          {
            field: 'receivedOn',
            code: 'feedback_date_future',
            message: 'The date cannot be later than today.',
          },
          { field: 'body.content', code: 'too_big', message: 'Too long.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(
      <FeedbackFormModal feedback={null} parties={[partyFixture]} onClose={() => {}} />,
    );
    const dialog = await screen.findByRole('dialog', { name: 'Record feedback' });
    const content = within(dialog).getByRole('textbox', { name: /^What was said/ });
    fireEvent.change(content, { target: { value: '要望を受けた' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('The date cannot be later than today.')).toBeTruthy();
    expect(within(dialog).getByText('Too long.')).toBeTruthy();
    expect(content.getAttribute('aria-invalid')).toBe('true');
    const sent = api.calls.find((c) => c.method === 'POST')!;
    expect(sent.body).toMatchObject({ partyId: partyFixture.id, content: '要望を受けた' });
  });

  it('asks for a response before sending, then places a date refused by the server', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      [`POST /api/v1/interested-party-feedback/${feedbackFixture.id}/response`]: problem(
        422,
        'Check the values entered.',
        {
          errors: [
            {
              field: 'respondedOn',
              code: 'feedback_response_before_receipt',
              message: 'The response cannot be dated before the feedback was received.',
            },
          ],
        },
      ),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderWithProviders(<RespondModal feedback={feedbackFixture} onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: /株式会社みなと物流/ });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the response' }));
    expect(await within(dialog).findByText('Required')).toBeTruthy();
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Our response/ }), {
      target: { value: '説明した' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the response' }));
    expect(
      await within(dialog).findByText(
        'The response cannot be dated before the feedback was received.',
      ),
    ).toBeTruthy();
    const sent = api.calls.find((c) => c.method === 'POST')!;
    expect(sent.headers.get('if-match')).toBe('"1"');
  });
});
