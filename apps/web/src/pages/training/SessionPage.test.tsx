import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AttendanceImportReport } from '../../api/training';
import { fakeApi, problem, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { attendanceFixture, managerSession, sessionFixture, staffId } from './fixtures';

const slow = { timeout: 20_000 };
const base = `/api/v1/training-sessions/${sessionFixture.id}`;

const report = (dryRun: boolean): AttendanceImportReport => ({
  sessionId: sessionFixture.id,
  dryRun,
  encoding: 'Shift_JIS',
  counts: { recorded: 1, updated: 0, skipped: 0, error: 1 },
  rows: [
    {
      row: 2,
      status: 'recorded',
      email: 'staff@example.com',
      user: { id: staffId, name: 'Sam Staff' },
      errors: [],
    },
    {
      row: 3,
      status: 'error',
      email: 'nobody@example.com',
      user: null,
      errors: [
        { column: 'email', code: 'attendance_import_unknown_user', message: 'No such user.' },
      ],
    },
  ],
});

describe('a training session', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('records attendance for the chosen people', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      [`GET ${base}`]: sessionFixture,
      [`GET ${base}/attendance`]: { items: [] },
      'GET /api/v1/users': {
        items: [
          {
            id: staffId,
            displayName: 'Sam Staff',
            email: 'staff@example.com',
            active: true,
            roles: ['staff'],
          },
        ],
        nextCursor: null,
      },
      [`POST ${base}/attendance`]: { items: [attendanceFixture] },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/training/sessions/${sessionFixture.id}`);
    expect(await screen.findByText('No attendance recorded', {}, slow)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Record attendance' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record attendance' });
    await vi.waitFor(() => expect(api.calls.some((c) => c.path === '/api/v1/users')).toBe(true));
    const people = within(dialog).getByRole('combobox', { name: /^People/ });
    people.focus();
    fireEvent.click(people);
    fireEvent.change(people, { target: { value: 'Sam' } });
    // The dropdown sits in a portal beside the dialog, which hides the rest from assistive tech.
    fireEvent.click(await screen.findByRole('option', { name: 'Sam Staff', hidden: true }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record attendance' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
        entries: [{ userId: staffId, status: 'attended', note: '' }],
      }),
    );
  });

  it('imports a file: a dry run reports each line, then the import writes', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      [`GET ${base}`]: sessionFixture,
      [`GET ${base}/attendance`]: { items: [] },
      [`POST ${base}/attendance/import`]: (request) => ({
        body: report(request.query.get('dryRun') === 'true'),
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/training/sessions/${sessionFixture.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Import attendance' }, slow));
    const dialog = await screen.findByRole('dialog', { name: 'Import attendance' });
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(input, {
      target: { files: [new File(['email\nstaff@example.com\n'], 'attendance.csv')] },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Check (dry run)' }));
    expect(await within(dialog).findByText('Check finished: nothing was written yet')).toBeTruthy();
    const rows = within(dialog).getByRole('table', { name: 'Result per line' });
    expect(within(rows).getByText('email: No such user.')).toBeTruthy();
    expect(within(rows).getByText('New')).toBeTruthy();
    expect(within(dialog).getByText(/1 new, 0 updated, 0 skipped, 1 with errors/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByText('Imported')).toBeTruthy();
    const sent = api.calls.filter((c) => c.path === `${base}/attendance/import`);
    expect(sent.map((c) => c.query.get('dryRun'))).toEqual(['true', 'false']);
  });

  it('evaluates an attendee of a supervisor-evaluated course under its version', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      [`GET ${base}`]: sessionFixture,
      [`GET ${base}/attendance`]: { items: [attendanceFixture] },
      [`POST /api/v1/training-attendance/${attendanceFixture.id}/evaluation`]: problem(
        422,
        'Check the values entered.',
        { errors: [{ field: 'evaluatedOn', code: 'future', message: 'Not in the future.' }] },
      ),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/training/sessions/${sessionFixture.id}`);
    const table = await screen.findByRole('table', { name: 'Attendance of the session' }, slow);
    expect(within(table).getByText('Not evaluated yet')).toBeTruthy();
    expect(within(table).getByText('Trainer (Aiko Admin)')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: 'Evaluate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Evaluate effectiveness' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Not effective' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Grounds' }), {
      target: { value: 'Could not contain the incident.' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save evaluation' }));
    expect(await within(dialog).findByText('Not in the future.')).toBeTruthy();
    const call = api.calls.find((c) => c.method === 'POST')!;
    expect(call.headers.get('If-Match')).toBe(`"${attendanceFixture.version}"`);
    expect(call.body).toMatchObject({
      result: 'not_effective',
      note: 'Could not contain the incident.',
    });
  });

  it('does not offer recording or evaluation to a reader', async () => {
    const session = managerSession();
    const reader = {
      ...session,
      permissions: {
        ...session.permissions,
        'training:manage': undefined,
        'training:record': undefined,
      },
    } as unknown as typeof session;
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(reader),
        [`GET ${base}`]: { ...sessionFixture, recordable: false },
        [`GET ${base}/attendance`]: { items: [attendanceFixture] },
      }).fetch,
    );
    renderApp(`/training/sessions/${sessionFixture.id}`);
    await screen.findByRole('table', { name: 'Attendance of the session' }, slow);
    expect(screen.queryByRole('button', { name: 'Record attendance' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Import attendance' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Evaluate' })).toBeNull();
  });
});
