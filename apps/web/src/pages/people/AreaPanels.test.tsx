import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommitteeMeeting, JobDefinition, OrgChart } from '../../api/people';
import { fakeApi, problem, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import {
  emptyPage,
  hanakoId,
  peopleManager,
  personSummary,
  roleFixture,
  salesUnit,
  settingsFixture,
} from './fixtures';

const slow = { timeout: 40_000 };

const meeting: CommitteeMeeting = {
  id: '00000000-0000-4000-8000-000000000091',
  number: 1,
  code: 'CM-0001',
  title: 'First committee meeting',
  heldOn: '2026-05-10',
  status: 'held',
  agenda: 'Risk assessment results',
  minutes: 'The risk owners agreed the treatment plan.',
  attendees: [{ id: hanakoId, name: 'Hanako Sato' }],
  fileCount: 1,
  version: 5,
  createdAt: '2026-05-01T09:00:00.000Z',
  updatedAt: '2026-05-10T09:00:00.000Z',
};

const job: JobDefinition = {
  id: '00000000-0000-4000-8000-0000000000a1',
  code: 'SALES_REP',
  name: '営業担当',
  nameEn: 'Sales representative',
  securityResponsibilities: '顧客情報を適切に扱う。',
  securityResponsibilitiesEn: 'Handles customer data with care.',
  active: true,
  peopleCount: 3,
  requirementCount: 0,
  version: 1,
};

describe('committee, chart, jobs and settings', { timeout: 120_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists committee meetings and saves a meeting under its version, showing files', async () => {
    const api = fakeApi({
      ...signedInRoutes(peopleManager()),
      'GET /api/v1/committee/members': { items: [] },
      'GET /api/v1/committee/meetings': { items: [meeting], nextCursor: null },
      'GET /api/v1/people': { items: [personSummary], nextCursor: null },
      'GET /api/v1/files': emptyPage,
      [`PATCH /api/v1/committee/meetings/${meeting.id}`]: problem(422, 'Check the values.', {
        errors: [{ field: 'body.title', code: 'too_big', message: 'Too long.' }],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/people/committee');
    expect(await screen.findByText('Nobody sits on the committee yet.', {}, slow)).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Meetings' });
    expect(within(table).getByText('Held')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: 'First committee meeting' }));
    const dialog = await screen.findByRole('dialog', { name: 'CM-0001 First committee meeting' });
    expect(within(dialog).getByRole('textbox', { name: 'Minutes' })).toHaveProperty(
      'value',
      meeting.minutes,
    );
    expect(within(dialog).getByRole('button', { name: 'Attach a file to CM-0001' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Too long.')).toBeTruthy();
    const call = api.calls.find((c) => c.method === 'PATCH')!;
    expect(call.headers.get('If-Match')).toBe('"5"');
    expect(call.body).toMatchObject({ attendeeUserIds: [hanakoId], status: 'held' });
  });

  it('draws the organization chart as a tree with heads and role holders', async () => {
    const chart: OrgChart = {
      units: [
        {
          ...salesUnit,
          parentId: null,
          head: { id: hanakoId, name: 'Hanako Sato' },
          memberCount: 4,
          roles: [],
        },
        {
          id: '00000000-0000-4000-8000-0000000000b1',
          code: 'SALES-E',
          name: 'Sales east',
          parentId: salesUnit.id,
          head: null,
          memberCount: 1,
          roles: [
            {
              roleId: roleFixture.id,
              code: 'PROMOTER',
              name: 'Unit promoter',
              kind: 'holder',
              user: { id: hanakoId, name: 'Hanako Sato' },
            },
          ],
        },
      ],
      organizationRoles: [
        {
          roleId: roleFixture.id,
          code: 'CISO',
          name: 'CISO',
          kind: 'holder',
          user: { id: hanakoId, name: 'Hanako Sato' },
        },
      ],
      committee: [],
    };
    vi.stubGlobal(
      'fetch',
      fakeApi({ ...signedInRoutes(peopleManager()), 'GET /api/v1/org-chart': chart }).fetch,
    );
    renderApp('/people/org-chart');
    const sales = await screen.findByRole('heading', { name: 'Sales' }, slow);
    // The sub-unit sits inside its parent's list item.
    const parentItem = sales.closest('li')!;
    expect(within(parentItem).getByRole('heading', { name: 'Sales east' })).toBeTruthy();
    expect(within(parentItem).getByText('Unit promoter: Hanako Sato')).toBeTruthy();
    expect(screen.getByText('CISO: Hanako Sato')).toBeTruthy();
    expect(screen.getByRole('link', { name: '4 members' }).getAttribute('href')).toBe(
      `/people?unitId=${salesUnit.id}`,
    );
  });

  it('adds a competence requirement to a job', async () => {
    const api = fakeApi({
      ...signedInRoutes(peopleManager()),
      'GET /api/v1/job-definitions': { items: [job] },
      'GET /api/v1/isms-roles': { items: [] },
      'GET /api/v1/competence-requirements': { items: [] },
      'POST /api/v1/competence-requirements': { status: 201, body: {} },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/people/jobs');
    const jobs = await screen.findByRole('table', { name: 'Job definitions' }, slow);
    expect(within(jobs).getByText('Handles customer data with care.')).toBeTruthy();
    fireEvent.click(screen.getByRole('combobox', { name: 'Role or job' }));
    fireEvent.click(
      await screen.findByRole('option', { name: 'Sales representative', hidden: true }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Add a requirement' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a competence requirement' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Name \(Japanese\)/ }), {
      target: { value: '個人情報の取扱い' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add requirement' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(api.calls.find((c) => c.method === 'POST')!.body).toMatchObject({
      jobId: job.id,
      roleId: null,
      kind: 'skill',
      name: '個人情報の取扱い',
      courseId: null,
    });
  });

  it('marks the job a link names (?job=), leaving the others unmarked', async () => {
    const other = {
      ...job,
      id: '00000000-0000-4000-8000-0000000000a2',
      code: 'ENG',
      nameEn: 'Engineer',
    };
    const api = fakeApi({
      ...signedInRoutes(peopleManager()),
      'GET /api/v1/job-definitions': { items: [other, job] },
      'GET /api/v1/isms-roles': { items: [] },
      'GET /api/v1/competence-requirements': { items: [] },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/people/jobs?job=${job.id}`);
    const jobs = await screen.findByRole('table', { name: 'Job definitions' }, slow);
    const row = (code: string) => within(jobs).getByText(code).closest('tr')!;
    expect(row('SALES_REP').getAttribute('aria-current')).toBe('true');
    expect(row('ENG').getAttribute('aria-current')).toBeNull();
  });

  it('saves the warning days under the settings version and marks a refusal (422)', async () => {
    const api = fakeApi({
      ...signedInRoutes(peopleManager()),
      'GET /api/v1/people-settings': settingsFixture,
      'GET /api/v1/documents': emptyPage,
      'PUT /api/v1/people-settings': problem(422, 'Check the values entered.', {
        errors: [{ field: 'disciplinaryDocumentId', code: 'not_issued', message: 'Not issued.' }],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/people/settings');
    const days = await screen.findByRole('textbox', { name: /^Warn before expiry/ }, slow);
    fireEvent.change(days, { target: { value: '60' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Not issued.')).toBeTruthy();
    const call = api.calls.find((c) => c.method === 'PUT')!;
    expect(call.headers.get('If-Match')).toBe(`"${settingsFixture.version}"`);
    expect(call.body).toEqual({ disciplinaryDocumentId: null, expiryWarningDays: 60 });
  });
});
