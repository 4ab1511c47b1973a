import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes } from '../../../test/fakeApi';
import { renderApp } from '../../../test/render';
import {
  assignmentFixture,
  hanakoId,
  peopleManager,
  peopleReader,
  personSummary,
  promoterRole,
  roleFixture,
  salesUnit,
} from '../fixtures';

// The pages load lazily; on a busy machine the first render takes seconds.
const slow = { timeout: 40_000 };

const common = {
  'GET /api/v1/people': { items: [personSummary], nextCursor: null },
  'GET /api/v1/org-units': { items: [{ ...salesUnit, active: true }], nextCursor: null },
};

/** Chooses an option of a select once its choices have loaded. */
async function pick(container: HTMLElement, name: RegExp, option: string) {
  const select = within(container).getByRole('combobox', { name });
  await waitFor(() => expect(select.hasAttribute('disabled')).toBe(false), { timeout: 20_000 });
  fireEvent.click(select);
  fireEvent.click(
    await screen.findByRole('option', { name: option, hidden: true }, { timeout: 20_000 }),
  );
}

describe('ISMS roles register', { timeout: 120_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows each role with responsibilities, holders, acknowledgement and what is missing', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(peopleManager()),
        ...common,
        'GET /api/v1/isms-roles': { items: [roleFixture, promoterRole] },
      }).fetch,
    );
    renderApp('/people/roles');
    const table = await screen.findByRole('table', { name: 'People in ISMS manager' }, slow);
    expect(within(table).getByRole('link', { name: 'Hanako Sato' })).toBeTruthy();
    expect(within(table).getByText('Holder')).toBeTruthy();
    expect(within(table).getByText('Not yet acknowledged')).toBeTruthy();
    expect(screen.getByText('Runs the ISMS and reports on it to top management.')).toBeTruthy();
    // The deputy the role requires is missing; the per-unit role has nobody at all.
    expect(screen.getByText('No deputy')).toBeTruthy();
    expect(screen.getByText('Nobody holds it')).toBeTruthy();
    expect(screen.getByText('Held per unit')).toBeTruthy();
  });

  it('narrows to the role a link names and lets the filter be removed', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(peopleManager()),
        ...common,
        'GET /api/v1/isms-roles': { items: [roleFixture, promoterRole] },
      }).fetch,
    );
    renderApp(`/people/roles?role=${promoterRole.id}`);
    expect(await screen.findByRole('heading', { name: 'Unit promoter' }, slow)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'ISMS manager' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Remove this filter' }));
    expect(await screen.findByRole('heading', { name: 'ISMS manager' })).toBeTruthy();
  });

  it('offers the default roles on an empty register and loads them', async () => {
    let loaded = false;
    const api = fakeApi({
      ...signedInRoutes(peopleManager()),
      ...common,
      'GET /api/v1/isms-roles': () => ({ body: { items: loaded ? [roleFixture] : [] } }),
      'POST /api/v1/isms-roles/defaults': () => {
        loaded = true;
        return { status: 201, body: { items: [roleFixture] } };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/people/roles');
    expect(await screen.findByText('No ISMS roles yet', {}, slow)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load the default roles' }));
    expect(await screen.findByRole('heading', { name: 'ISMS manager' })).toBeTruthy();
    expect(api.calls.filter((c) => c.path === '/api/v1/isms-roles/defaults')).toHaveLength(1);
  });

  it('a reader sees the register but no way to change it', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(peopleReader()),
        ...common,
        'GET /api/v1/isms-roles': { items: [] },
      }).fetch,
    );
    renderApp('/people/roles');
    expect(await screen.findByText(/has not defined the roles yet/, {}, slow)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load the default roles' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add a role' })).toBeNull();
  });

  it('assigns a per-unit role: the unit is required and a refusal (422) shows on its field', async () => {
    const api = fakeApi({
      ...signedInRoutes(peopleManager()),
      ...common,
      'GET /api/v1/isms-roles': { items: [promoterRole] },
      [`POST /api/v1/isms-roles/${promoterRole.id}/assignments`]: problem(
        422,
        'Check the values entered.',
        {
          errors: [
            { field: 'orgUnitId', code: 'unit_taken', message: 'The unit already has a holder.' },
          ],
        },
      ),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/people/roles');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Assign someone to Unit promoter' }, slow),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Assign Unit promoter' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    // Nothing chosen: nothing is sent.
    expect(within(dialog).getAllByText('Required.')).toHaveLength(2);
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);

    await pick(dialog, /^Person/, 'Hanako Sato');
    await pick(dialog, /^Unit/, 'Sales');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(await within(dialog).findByText('The unit already has a holder.')).toBeTruthy();
    expect(
      within(dialog).getByRole('combobox', { name: /^Unit/ }).getAttribute('aria-invalid'),
    ).toBe('true');
    const sent = api.calls.find((c) => c.method === 'POST')!;
    expect(sent.body).toMatchObject({ userId: hanakoId, kind: 'holder', orgUnitId: salesUnit.id });
  });

  it('ends an assignment under its version', async () => {
    const api = fakeApi({
      ...signedInRoutes(peopleManager()),
      ...common,
      'GET /api/v1/isms-roles': { items: [roleFixture] },
      [`PATCH /api/v1/isms-role-assignments/${assignmentFixture.id}`]: {
        ...assignmentFixture,
        endsOn: '2026-12-31',
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/people/roles');
    fireEvent.click(
      await screen.findByRole('button', { name: 'End the assignment of Hanako Sato' }, slow),
    );
    const dialog = await screen.findByRole('dialog', { name: 'End the assignment' });
    fireEvent.change(within(dialog).getByLabelText(/^Last day/), {
      target: { value: '2026-12-31' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'End assignment' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const call = api.calls.find((c) => c.method === 'PATCH')!;
    expect(call.body).toEqual({ endsOn: '2026-12-31' });
    expect(call.headers.get('If-Match')).toBe(`"${assignmentFixture.version}"`);
  });
});
