import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes } from '../../../test/fakeApi';
import { renderApp } from '../../../test/render';
import { emptyPage, hanakoId, peopleManager, peopleReader, profileFixture } from '../fixtures';

const slow = { timeout: 40_000 };
const files = { 'GET /api/v1/files': emptyPage };

describe('a person’s profile', { timeout: 120_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows roles, competences with expiry badges and agreements with their copies', async () => {
    const manager = peopleManager();
    const api = fakeApi({
      ...signedInRoutes({
        ...manager,
        permissions: { ...manager.permissions, 'training:read': 'all' },
      } as typeof manager),
      ...files,
      [`GET /api/v1/people/${hanakoId}`]: profileFixture,
      'GET /api/v1/training-completions': {
        items: [
          {
            course: {
              id: '00000000-0000-4000-8000-0000000000c1',
              code: 'TC-0001',
              title: '情報セキュリティ意識向上',
              titleEn: 'Security awareness',
              kind: 'awareness',
              delivery: 'elearning',
              evaluation: 'quiz',
              questionCount: 5,
              passMark: 80,
            },
            status: 'overdue',
            completedOn: '2025-04-01',
            dueOn: '2026-04-01',
            attempts: 2,
            lastScore: 100,
            user: { id: hanakoId, name: 'Hanako Sato' },
            unit: null,
          },
        ],
        nextCursor: null,
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/people/${hanakoId}`);
    expect(
      await screen.findByRole('heading', { name: 'Hanako Sato', level: 1 }, slow),
    ).toBeTruthy();
    const competences = screen.getByRole('table', {
      name: 'Qualifications, certificates and skills',
    });
    const expiring = within(competences).getByText('Registered security specialist').closest('tr')!;
    expect(within(expiring).getByText('Expiring soon')).toBeTruthy();
    const expired = within(competences).getByText('Lead auditor').closest('tr')!;
    expect(within(expired).getByText('Expired')).toBeTruthy();
    const agreements = screen.getByRole('table', { name: 'Signed agreements' });
    expect(within(agreements).getByText('Confidentiality agreement')).toBeTruthy();
    expect(
      within(agreements).getByRole('button', {
        name: 'Attach a file to Confidentiality agreement',
      }),
    ).toBeTruthy();
    const roles = screen.getByRole('table', { name: 'ISMS roles' });
    expect(within(roles).getByRole('link', { name: 'ISMS manager' }).getAttribute('href')).toBe(
      `/people/roles?role=${profileFixture.roles[0]!.roleId}`,
    );
    expect(screen.getAllByText('Not recorded').length).toBeGreaterThan(0);
    // The training taken, as the training area judges it, asked for this person only.
    const training = await screen.findByRole('table', { name: 'Training' });
    const row = within(training).getByText('TC-0001 Security awareness').closest('tr')!;
    expect(within(row).getByText('Overdue')).toBeTruthy();
    const asked = api.calls.find((c) => c.path === '/api/v1/training-completions');
    expect(asked?.query.get('userId')).toBe(hanakoId);
  });

  it('edits a profile never saved before under If-Match "0" and shows a stale save', async () => {
    const api = fakeApi({
      ...signedInRoutes(peopleManager()),
      ...files,
      'GET /api/v1/job-definitions': { items: [] },
      [`GET /api/v1/people/${hanakoId}`]: profileFixture,
      [`PATCH /api/v1/people/${hanakoId}`]: problem(412, 'Someone saved first.'),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/people/${hanakoId}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit profile' }, slow));
    const dialog = await screen.findByRole('dialog', { name: 'Profile of Hanako Sato' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Education' }), {
      target: { value: 'Faculty of engineering' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Someone else saved this meanwhile')).toBeTruthy();
    const call = api.calls.find((c) => c.method === 'PATCH')!;
    expect(call.headers.get('If-Match')).toBe('"0"');
    expect(call.body).toMatchObject({ education: 'Faculty of engineering', jobId: null });
  });

  it('adds a certificate and marks the field a refusal (422) names', async () => {
    const api = fakeApi({
      ...signedInRoutes(peopleManager()),
      ...files,
      'GET /api/v1/competence-requirements': { items: [] },
      [`GET /api/v1/people/${hanakoId}`]: profileFixture,
      [`POST /api/v1/people/${hanakoId}/competences`]: problem(422, 'Check the values entered.', {
        errors: [{ field: 'expiresOn', code: 'before', message: 'Expires before obtained.' }],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/people/${hanakoId}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Add' }, slow));
    const dialog = await screen.findByRole('dialog', {
      name: 'Add a qualification, certificate or skill',
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Name/ }), {
      target: { value: 'Cloud security' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Obtained on/), {
      target: { value: '2026-05-01' },
    });
    fireEvent.change(within(dialog).getByLabelText(/^Expires on/), {
      target: { value: '2026-01-01' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(await within(dialog).findByText('Expires before obtained.')).toBeTruthy();
    expect(
      within(dialog)
        .getByLabelText(/^Expires on/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    const sent = api.calls.find((c) => c.method === 'POST')!;
    expect(sent.body).toMatchObject({
      kind: 'certificate',
      name: 'Cloud security',
      obtainedOn: '2026-05-01',
      expiresOn: '2026-01-01',
      requirementId: null,
    });
  });

  it('a person reading their own record gets no edit buttons', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(peopleReader()),
        ...files,
        [`GET /api/v1/people/${hanakoId}`]: { ...profileFixture, editable: false },
      }).fetch,
    );
    renderApp(`/people/${hanakoId}`);
    expect(await screen.findByRole('table', { name: 'Signed agreements' }, slow)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Edit profile' })).toBeNull());
    expect(screen.queryByRole('button', { name: /^Attach a file/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
  });

  it('says why a profile could not be loaded', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(peopleReader()),
        [`GET /api/v1/people/${hanakoId}`]: problem(403, 'You may not see this person.'),
      }).fetch,
    );
    renderApp(`/people/${hanakoId}`);
    expect(await screen.findByText('You may not see this person.', {}, slow)).toBeTruthy();
  });
});
