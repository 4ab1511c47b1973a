import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import {
  decisionFixture,
  managerSession,
  packFixture,
  reviewFixture,
  topManagerId,
  userPage,
} from './fixtures';

const slow = { timeout: 20_000 };
const base = `/api/v1/management-reviews/${reviewFixture.id}`;

describe('one management review', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the input pack with labelled figures, links and notes, and prepares it (If-Match)', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      [`GET ${base}`]: reviewFixture,
      [`GET ${base}/inputs`]: packFixture,
      [`POST ${base}/prepare-inputs`]: { ...packFixture, preparedAt: '2026-11-02T09:00:00.000Z' },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/management-review/${reviewFixture.id}?tab=inputs`);
    const audits = await screen.findByRole('region', { name: /^a\) Audit results/ }, slow);
    expect(within(audits).getByText('Audits completed')).toBeTruthy();
    expect(within(audits).getByText('Major nonconformities')).toBeTruthy();
    // A figure the UI has no word for yet reads as a count, never as its raw key.
    expect(within(audits).getByText('Count')).toBeTruthy();
    expect(within(audits).queryByText('brandNewFigure')).toBeNull();
    const link = within(audits).getByRole('link', { name: /IA-0001 Audit of the sales unit/ });
    expect(link.getAttribute('href')).toBe(packFixture.sections[0]!.items[0]!.href);
    expect(within(audits).getByText('Closed')).toBeTruthy();
    expect(within(audits).getByText(/3 more items are counted/)).toBeTruthy();
    const feedback = screen.getByRole('region', { name: /^b\) Feedback/ });
    expect(within(feedback).getByText('Nothing to report for this period.')).toBeTruthy();
    expect(screen.getByText(/contractual changes come from the legal register/)).toBeTruthy();
    const incidents = screen.getByRole('region', { name: 'Security incidents' });
    expect(within(incidents).getByText(/does not hold this information yet/)).toBeTruthy();
    expect(screen.getByText('Preview: not yet prepared')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Prepare inputs' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Prepare the inputs for this review?',
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Prepare inputs' }));
    await vi.waitFor(() => {
      const call = api.calls.find((c) => c.path === `${base}/prepare-inputs`);
      expect(call?.headers.get('If-Match')).toBe(`"${reviewFixture.version}"`);
    });
  });

  it('records the review as held with the attendance', async () => {
    const review = { ...reviewFixture, status: 'inputs_prepared' as const };
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      [`GET ${base}`]: review,
      [`GET ${base}/inputs`]: { ...packFixture, preparedAt: '2026-11-02T09:00:00.000Z' },
      [`POST ${base}/hold`]: { ...review, status: 'held', heldOn: '2026-11-20' },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/management-review/${reviewFixture.id}?tab=minutes`);
    const card = await screen.findByRole('region', { name: 'Hold the review' }, slow);
    fireEvent.change(within(card).getByLabelText(/^Held on/), { target: { value: '2026-11-20' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Record as held' }));
    await vi.waitFor(() => {
      const call = api.calls.find((c) => c.path === `${base}/hold`);
      expect(call?.body).toEqual({
        heldOn: '2026-11-20',
        attendance: [{ attendeeId: reviewFixture.attendees[0]!.id, attended: true }],
      });
    });
  });

  it('lists decisions with their tracked action and maps a refused decision (422) to its fields', async () => {
    const review = { ...reviewFixture, status: 'held' as const, decisionCount: 1 };
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      [`GET ${base}`]: review,
      [`GET ${base}/decisions`]: { items: [decisionFixture], nextCursor: null },
      'GET /api/v1/users': userPage,
      [`POST ${base}/decisions`]: problem(422, 'Check the values entered.', {
        errors: [
          {
            field: 'procedureReason',
            code: 'decision_reason_required',
            message: 'Say what the change responds to.',
          },
          { field: 'dueDate', code: 'invalid_date', message: 'Not a date.' },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/management-review/${reviewFixture.id}?tab=decisions`);
    const table = await screen.findByRole('table', { name: 'Decisions' }, slow);
    expect(within(table).getByText('Resources needed')).toBeTruthy();
    expect(within(table).getByText(/1,200,000 JPY/)).toBeTruthy();
    expect(within(table).getByRole('link', { name: 'IMP-0007' }).getAttribute('href')).toBe(
      `/improvement/${decisionFixture.improvement!.id}`,
    );
    expect(screen.getByRole('button', { name: 'Submit for approval' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Record a decision' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record a decision' });
    const output = within(dialog).getByRole('combobox', { name: /^Kind of output/ });
    fireEvent.click(output);
    fireEvent.click(
      await screen.findByRole('option', { name: 'Change procedures and controls', hidden: true }),
    );
    const reason = await within(dialog).findByRole('combobox', { name: /^What the change/ });
    fireEvent.click(reason);
    fireEvent.click(
      await screen.findByRole('option', { name: 'Business requirements', hidden: true }),
    );
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Decision/ }), {
      target: { value: 'Revise the access procedure' },
    });
    const owner = within(dialog).getByRole('combobox', { name: /^Responsible/ });
    fireEvent.click(owner);
    fireEvent.click(await screen.findByRole('option', { name: 'Taro President', hidden: true }));
    fireEvent.change(within(dialog).getByLabelText(/^Due by/), {
      target: { value: '2027-01-31' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record decision' }));

    expect(await within(dialog).findByText('Say what the change responds to.')).toBeTruthy();
    expect(within(dialog).getByText('Not a date.')).toBeTruthy();
    expect(
      within(dialog)
        .getByRole('combobox', { name: /^What the change/ })
        .getAttribute('aria-invalid'),
    ).toBe('true');
    const sent = api.calls.find((c) => c.method === 'POST' && c.path === `${base}/decisions`)!;
    expect(sent.body).toMatchObject({
      output: 'procedure',
      procedureReason: 'business',
      amount: null,
      ownerId: topManagerId,
      dueDate: '2027-01-31',
    });
  });

  it('says why submitting the minutes was refused (top management absent)', async () => {
    const review = { ...reviewFixture, status: 'held' as const, heldOn: '2026-11-20' };
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      [`GET ${base}`]: review,
      [`POST ${base}/submit`]: problem(422, 'The minutes cannot be submitted yet.', {
        errors: [
          {
            field: 'attendees',
            code: 'review_top_management_absent',
            message: 'Mark a member of top management as present.',
          },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/management-review/${reviewFixture.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Submit for approval' }, slow));
    const dialog = await screen.findByRole('dialog', { name: 'Submit the minutes for approval?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit for approval' }));
    expect(
      await within(dialog).findByText(/Mark a member of top management as present\./),
    ).toBeTruthy();
    const call = api.calls.find((c) => c.path === `${base}/submit`)!;
    expect(call.headers.get('If-Match')).toBe(`"${review.version}"`);
  });

  it('saves the minutes with only the discussions typed into (If-Match)', async () => {
    const review = { ...reviewFixture, status: 'held' as const, heldOn: '2026-11-20' };
    const pack = {
      ...packFixture,
      preparedAt: '2026-11-02T09:00:00.000Z',
      sections: packFixture.sections.map((s) =>
        s.section === 'b' ? { ...s, discussion: 'Customers asked for reports.' } : s,
      ),
    };
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      [`GET ${base}`]: review,
      [`GET ${base}/inputs`]: pack,
      [`PATCH ${base}/minutes`]: { ...review, version: review.version + 1 },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/management-review/${reviewFixture.id}?tab=minutes`);
    const summary = await screen.findByRole('textbox', { name: 'Summary of the review' }, slow);
    fireEvent.change(summary, { target: { value: 'All inputs reviewed.' } });
    expect(
      (screen.getByRole('textbox', { name: /^b\) Feedback/ }) as HTMLTextAreaElement).value,
    ).toBe('Customers asked for reports.');
    fireEvent.change(screen.getByRole('textbox', { name: /^a\) Audit results/ }), {
      target: { value: 'No major findings.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save minutes' }));
    await vi.waitFor(() => {
      const call = api.calls.find((c) => c.path === `${base}/minutes`);
      expect(call?.headers.get('If-Match')).toBe(`"${review.version}"`);
      expect(call?.body).toMatchObject({
        minutesSummary: 'All inputs reviewed.',
        heldOn: '2026-11-20',
        discussion: [{ section: 'a', text: 'No major findings.' }],
      });
    });
  });

  it('marks the held date a refusal (422) names when holding the review', async () => {
    const review = { ...reviewFixture, status: 'inputs_prepared' as const };
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(managerSession()),
        [`GET ${base}`]: review,
        [`GET ${base}/inputs`]: { ...packFixture, preparedAt: '2026-11-02T09:00:00.000Z' },
        [`POST ${base}/hold`]: problem(422, 'Check the values entered.', {
          errors: [
            { field: 'heldOn', code: 'review_held_in_future', message: 'Not in the future.' },
          ],
        }),
      }).fetch,
    );
    renderApp(`/management-review/${reviewFixture.id}?tab=minutes`);
    const card = await screen.findByRole('region', { name: 'Hold the review' }, slow);
    fireEvent.click(within(card).getByRole('button', { name: 'Record as held' }));
    expect(await within(card).findByText('Not in the future.')).toBeTruthy();
    expect(
      within(card)
        .getByLabelText(/^Held on/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
  });
});
