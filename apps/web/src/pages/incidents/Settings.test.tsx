import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes, type FakeRequest } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { managerSession, obligationFixture, settingsFixture } from './fixtures';
import { matrixProblems } from './PriorityMatrix';

const slow = { timeout: 20_000 };

function settingsRoutes(calls: FakeRequest[], patch: (request: FakeRequest) => unknown) {
  return fakeApi({
    ...signedInRoutes(managerSession()),
    'GET /api/v1/incident-settings': settingsFixture,
    'GET /api/v1/incident-obligations': { items: [obligationFixture] },
    'GET /api/v1/isms-roles': { items: [] },
    'GET /api/v1/org-units': { items: [], nextCursor: null },
    'PATCH /api/v1/incident-settings': (request) => {
      calls.push(request);
      return patch(request) as never;
    },
  });
}

/** Picks a priority in one cell of the matrix (a Mantine select: open, then choose). */
async function setCell(severity: string, urgency: string, priority: string) {
  // The select's visible input; Mantine also labels the hidden one that carries the value.
  const input = screen
    .getAllByLabelText(`Priority for severity ${severity} and urgency ${urgency}`)
    .find((element) => element.tagName === 'INPUT' && element.getAttribute('type') !== 'hidden')!;
  fireEvent.click(input);
  // The list the select controls (jsdom leaves Mantine's dropdown styled as hidden).
  const listbox = await waitFor(() =>
    document.getElementById(input.getAttribute('aria-controls')!)!,
  );
  fireEvent.click(within(listbox).getByRole('option', { name: priority, hidden: true }));
}

describe('priority matrix rules', () => {
  it('accepts a matrix whose priority never drops as severity or urgency rises', () => {
    expect(matrixProblems(settingsFixture.priorityMatrix)).toEqual([]);
  });

  it('names empty cells and cells that would put a worse case behind a milder one', () => {
    const matrix = settingsFixture.priorityMatrix.map((row) => [...row]) as (number | null)[][];
    matrix[0]![1] = null;
    // Critical severity, high urgency at 4 while high severity, high urgency is 2.
    matrix[3]![2] = 4;
    expect(matrixProblems(matrix)).toEqual([
      { row: 0, col: 1, reason: 'missing' },
      { row: 3, col: 2, reason: 'inverted' },
    ]);
  });
});

describe('incident settings', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('refuses an inverted matrix, then saves the corrected one with If-Match', async () => {
    const calls: FakeRequest[] = [];
    vi.stubGlobal(
      'fetch',
      settingsRoutes(calls, (request) => ({
        body: {
          ...settingsFixture,
          priorityMatrix: (request.body as { priorityMatrix: number[][] }).priorityMatrix,
          version: 4,
        },
      })).fetch,
    );
    renderApp('/incidents?tab=settings');
    await screen.findByRole('table', { name: 'Priority matrix' }, slow);
    expect(screen.getByRole('table', { name: 'Notification obligations' })).toBeTruthy();
    expect(screen.getByText('Preliminary report to the PPC')).toBeTruthy();
    expect(screen.getByText('3 days')).toBeTruthy();

    await setCell('Critical', 'High', 'P4');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findAllByText('A more severe or more urgent case cannot get a lower priority.'),
    ).not.toHaveLength(0);
    expect(calls).toHaveLength(0);

    await setCell('Critical', 'High', 'P1');
    await waitFor(() =>
      expect(
        screen.queryByText('A more severe or more urgent case cannot get a lower priority.'),
      ).toBeNull(),
    );
    fireEvent.change(screen.getByRole('textbox', { name: /Triage target/ }), {
      target: { value: '8' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Incident settings saved', {}, slow)).toBeTruthy();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.headers.get('If-Match')).toBe('"3"');
    expect(calls[0]!.body).toEqual({
      teamRoleId: null,
      teamUnitId: null,
      triageTargetHours: 8,
      priorityMatrix: settingsFixture.priorityMatrix,
      timeZone: 'Asia/Tokyo',
    });
  });

  it('says so when someone else saved the settings first (412)', async () => {
    const calls: FakeRequest[] = [];
    vi.stubGlobal(
      'fetch',
      settingsRoutes(calls, () => problem(412, 'The settings changed since you read them.')).fetch,
    );
    renderApp('/incidents?tab=settings');
    await screen.findByRole('table', { name: 'Priority matrix' }, slow);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Someone else changed the settings', {}, slow)).toBeTruthy();
    expect(calls).toHaveLength(1);
  });

  it('loads the presets and creates an obligation with a clock in hours', async () => {
    const posts: FakeRequest[] = [];
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(managerSession()),
        'GET /api/v1/incident-settings': settingsFixture,
        'GET /api/v1/incident-obligations': { items: [] },
        'GET /api/v1/isms-roles': { items: [] },
        'GET /api/v1/org-units': { items: [], nextCursor: null },
        'POST /api/v1/incident-obligations/presets': (request) => {
          posts.push(request);
          return { body: { items: [obligationFixture] } };
        },
        'POST /api/v1/incident-obligations': (request) => {
          posts.push(request);
          return { status: 201, body: obligationFixture };
        },
      }).fetch,
    );
    renderApp('/incidents?tab=settings');
    expect(await screen.findByText('No notification obligations yet', {}, slow)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load presets' }));
    expect(await screen.findByText('1 preset added', {}, slow)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'New obligation' }));
    const dialog = await screen.findByRole('dialog', { name: 'New notification obligation' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Required.')).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Name \(Japanese\)/ }), {
      target: { value: '取引先への通知' },
    });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Hours' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Hours' }), {
      target: { value: '48' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posts.map((p) => p.path)).toEqual([
      '/api/v1/incident-obligations/presets',
      '/api/v1/incident-obligations',
    ]);
    expect(posts[1]!.body).toEqual(
      expect.objectContaining({
        name: { ja: '取引先への通知', en: '' },
        appliesToTypes: ['incident'],
        deadlineDays: null,
        deadlineDaysWrongfulIntent: null,
        deadlineHours: 48,
      }),
    );
  });

  it('edits an obligation with If-Match and keeps its clock in days', async () => {
    const patches: FakeRequest[] = [];
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(managerSession()),
        'GET /api/v1/incident-settings': settingsFixture,
        'GET /api/v1/incident-obligations': { items: [obligationFixture] },
        'GET /api/v1/isms-roles': { items: [] },
        'GET /api/v1/org-units': { items: [], nextCursor: null },
        [`PATCH /api/v1/incident-obligations/${obligationFixture.id}`]: (request) => {
          patches.push(request);
          return { body: { ...obligationFixture, version: 2 } };
        },
      }).fetch,
    );
    renderApp('/incidents?tab=settings');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Edit Preliminary report to the PPC' }, slow),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit notification obligation' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Days with wrongful intent' }), {
      target: { value: '60' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(patches).toHaveLength(1);
    expect(patches[0]!.headers.get('If-Match')).toBe('"1"');
    expect(patches[0]!.body).toEqual(
      expect.objectContaining({
        deadlineDays: 3,
        deadlineDaysWrongfulIntent: 60,
        deadlineHours: null,
        requiresPersonalData: true,
      }),
    );
  });
});
