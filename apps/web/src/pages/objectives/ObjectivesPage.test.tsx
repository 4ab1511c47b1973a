import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, signedInRoutes, type FakeRequest } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { atRisk, managerSession, objective, readerSession } from './fixtures';

const slow = { timeout: 20_000 };

describe('objectives register', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists objectives with their standing, progress, owner and dates, and filters on the server', async () => {
    const calls: FakeRequest[] = [];
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(managerSession()),
        'GET /api/v1/objectives': (request) => {
          calls.push(request);
          return request.query.has('status')
            ? { body: { items: [], nextCursor: null } }
            : { body: { items: [objective, atRisk], nextCursor: null } };
        },
      }).fetch,
    );
    renderApp('/objectives');
    const table = await screen.findByRole('table', { name: 'Objectives register' }, slow);
    const link = within(table).getByRole('link', {
      name: 'OBJ-001 Phishing drill open rate at most 10%',
    });
    expect(link.getAttribute('href')).toBe(`/objectives/${objective.id}`);
    expect(within(table).getByText('On track')).toBeTruthy();
    expect(within(table).getByText('At risk')).toBeTruthy();
    expect(within(table).getByText('Behind the plan')).toBeTruthy();
    expect(within(table).getAllByText('80% of the way to the target').length).toBeGreaterThan(0);
    expect(within(table).getByText('Hanako Sato')).toBeTruthy();
    expect(within(table).getByText('No owner')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Export (XLSX)' }).getAttribute('href')).toBe(
      '/api/v1/objectives/export.xlsx?lang=en',
    );
    expect(screen.getByRole('link', { name: 'Export (PDF)' }).getAttribute('href')).toBe(
      '/api/v1/objectives/export.pdf?lang=en',
    );

    const input = screen
      .getAllByLabelText('Decision')
      .find((e) => e.tagName === 'INPUT' && e.getAttribute('type') !== 'hidden')!;
    fireEvent.click(input);
    fireEvent.click(await screen.findByRole('option', { name: 'Missed', hidden: true }));
    expect(await screen.findByText('No objective matches these filters', {}, slow)).toBeTruthy();
    expect(calls.at(-1)!.query.get('status')).toBe('missed');
  });

  it('offers managers to set the first objective and posts the form', async () => {
    const posted: FakeRequest[] = [];
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(managerSession()),
        'GET /api/v1/objectives': { items: [], nextCursor: null },
        'GET /api/v1/users': { items: [], nextCursor: null },
        'POST /api/v1/objectives': (request) => {
          posted.push(request);
          return { status: 201, body: objective };
        },
        [`GET /api/v1/objectives/${objective.id}`]: objective,
        [`GET /api/v1/objectives/${objective.id}/measurements`]: { items: [], nextCursor: null },
      }).fetch,
    );
    renderApp('/objectives');
    expect(await screen.findByText('No objectives yet', {}, slow)).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'New objective' })[0]!);
    const dialog = await screen.findByRole('dialog', { name: 'New objective' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Title' }), {
      target: { value: 'Awareness training completion 100%' },
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'What is measured' }), {
      target: { value: 'Completion rate' },
    });
    fireEvent.change(within(dialog).getByLabelText(/Due date/), {
      target: { value: '2027-03-31' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]!.body).toMatchObject({
      title: 'Awareness training completion 100%',
      metric: 'Completion rate',
      dueDate: '2027-03-31',
      direction: 'higher_is_better',
      frequency: 'monthly',
    });
    // The new objective's page opens.
    expect(await screen.findByRole('heading', { level: 1, name: /OBJ-001/ }, slow)).toBeTruthy();
  });

  it('shows readers no way to create', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(readerSession()),
        'GET /api/v1/objectives': { items: [], nextCursor: null },
      }).fetch,
    );
    renderApp('/objectives');
    expect(await screen.findByText('No objectives yet', {}, slow)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New objective' })).toBeNull();
  });
});
