import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { managerSession, reviewFixture, settingsFixture, userPage } from './fixtures';

// The pages load lazily; on a busy machine the first render takes seconds.
const slow = { timeout: 20_000 };

describe('management reviews list', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists reviews by year with status, the next due date and the overdue alert', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      'GET /api/v1/management-review-settings': { ...settingsFixture, nextDueOn: '2020-01-01' },
      'GET /api/v1/management-reviews': {
        items: [{ ...reviewFixture, overdue: true }],
        nextCursor: null,
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/management-review');
    const table = await screen.findByRole('table', { name: 'Reviews in 2026' }, slow);
    expect(within(table).getByRole('link', { name: reviewFixture.title })).toBeTruthy();
    expect(within(table).getByText('Planned')).toBeTruthy();
    expect(within(table).getByText('Overdue')).toBeTruthy();
    expect(await screen.findByText('A management review is overdue')).toBeTruthy();
    expect(screen.getByText(/interval since the last approved review has passed/)).toBeTruthy();
    expect(screen.getByText('Reviews every 12 months')).toBeTruthy();
    // A manager may change the interval and plan a review.
    expect(screen.getByRole('button', { name: 'Review interval' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Plan a review' })).toBeTruthy();
  });

  it('shows an empty state, and a reader is not offered planning', async () => {
    const session = managerSession();
    const { 'reviews:manage': _manage, ...readOnly } = session.permissions;
    const reader = { ...session, permissions: readOnly };
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(reader),
        'GET /api/v1/management-review-settings': settingsFixture,
        'GET /api/v1/management-reviews': { items: [], nextCursor: null },
      }).fetch,
    );
    renderApp('/management-review');
    expect(await screen.findByText('No management reviews yet', {}, slow)).toBeTruthy();
    expect(screen.getByText(/appear here once they are approved/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Plan a review' })).toBeNull();
  });

  it('plans a review and marks the fields a refusal (422) names', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      'GET /api/v1/management-review-settings': settingsFixture,
      'GET /api/v1/management-reviews': { items: [], nextCursor: null },
      'GET /api/v1/users': userPage,
      'POST /api/v1/management-reviews': problem(422, 'Check the values entered.', {
        errors: [
          {
            field: 'attendees',
            code: 'review_top_management_required',
            message: 'Invite at least one member of top management.',
          },
          { field: 'body.title', code: 'too_big', message: 'Too long.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/management-review');
    fireEvent.click(await screen.findByRole('button', { name: 'Plan a review' }, slow));
    const dialog = await screen.findByRole('dialog', { name: 'Plan a management review' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Title/ }), {
      target: { value: 'Review 2026' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Planned date/), {
      target: { value: '2026-12-01' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add a guest' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: "Guest's name" }), {
      target: { value: 'Outside adviser' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Plan review' }));

    expect(
      await within(dialog).findByText('Invite at least one member of top management.'),
    ).toBeTruthy();
    expect(within(dialog).getByText('Too long.')).toBeTruthy();
    expect(
      within(dialog)
        .getByRole('textbox', { name: /^Title/ })
        .getAttribute('aria-invalid'),
    ).toBe('true');
    const sent = api.calls.find(
      (c) => c.method === 'POST' && c.path === '/api/v1/management-reviews',
    )!;
    expect(sent.body).toMatchObject({
      title: 'Review 2026',
      plannedOn: '2026-12-01',
      attendees: [{ userId: null, name: 'Outside adviser', role: 'other' }],
    });
    // No agenda typed: the server's default agenda is asked for.
    expect((sent.body as Record<string, unknown>).agenda).toBeUndefined();
  });

  it('saves the interval under its version and marks a refused value (422)', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      'GET /api/v1/management-review-settings': settingsFixture,
      'GET /api/v1/management-reviews': { items: [], nextCursor: null },
      'PUT /api/v1/management-review-settings': problem(422, 'Check the values entered.', {
        errors: [{ field: 'intervalMonths', code: 'too_big', message: 'At most twelve months.' }],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/management-review');
    fireEvent.click(await screen.findByRole('button', { name: 'Review interval' }, slow));
    const dialog = await screen.findByRole('dialog', { name: 'Interval between reviews' });
    const months = within(dialog).getByRole('textbox', { name: 'Months between reviews' });
    fireEvent.change(months, { target: { value: '6' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('At most twelve months.')).toBeTruthy();
    expect(months.getAttribute('aria-invalid')).toBe('true');
    const call = api.calls.find((c) => c.method === 'PUT')!;
    expect(call.body).toEqual({ intervalMonths: 6 });
    expect(call.headers.get('If-Match')).toBe(`"${settingsFixture.version}"`);
  });
});
