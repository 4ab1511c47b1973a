import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import {
  completionRows,
  courseFixture,
  dashboardFixture,
  managerSession,
  quizFixture,
  staffSession,
  unitId,
} from './fixtures';

// jsdom has no layout for ECharts: the stand-in shows the chart's name, axis and bars' data.
vi.mock('../../components/EChart', () => ({
  EChart: ({
    option,
    label,
  }: {
    option: { yAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    label: string;
  }) => (
    <figure aria-label={label}>
      <span>{option.yAxis.data.join('/')}</span>
      {option.series.map((s) => (
        <span key={s.name}>{`${s.name}: ${s.data.join('/')}`}</span>
      ))}
    </figure>
  ),
}));

const slow = { timeout: 20_000 };
const coursePath = `/api/v1/training-courses/${courseFixture.id}`;
const emptyPage = { items: [], nextCursor: null };

describe('training dashboard and courses', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('charts completion per unit and lists totals, upcoming sessions and courses', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(managerSession()),
        'GET /api/v1/training-dashboard': dashboardFixture,
        'GET /api/v1/training-courses': { items: [courseFixture], nextCursor: null },
      }).fetch,
    );
    renderApp('/training');
    const chart = await screen.findByRole(
      'figure',
      { name: 'Completion of required training per unit' },
      slow,
    );
    expect(within(chart).getByText('Sales/No unit')).toBeTruthy();
    expect(within(chart).getByText('Completed: 6/2')).toBeTruthy();
    expect(within(chart).getByText('Overdue: 3/0')).toBeTruthy();
    expect(within(chart).getByText('Still to do: 1/0')).toBeTruthy();
    // 8 of 12 pairs completed: 66 %, rounded down.
    expect(screen.getByText('66')).toBeTruthy();
    expect(screen.getByRole('link', { name: '3' }).getAttribute('href')).toBe(
      '/training/completions?status=overdue',
    );
    expect(screen.getByRole('link', { name: 'TS-0002 Security awareness' })).toBeTruthy();
    expect(screen.getByText("2 held sessions await the supervisor's evaluation")).toBeTruthy();
    const courses = await screen.findByRole('table', { name: 'Courses' });
    expect(within(courses).getByRole('link', { name: 'Security awareness' })).toBeTruthy();
    expect(within(courses).getByText('6 of 10 completed')).toBeTruthy();
    expect(within(courses).getByText('Awareness')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New course' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Training records' })).toBeTruthy();
  });

  it('offers staff no course creation', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(staffSession()),
        'GET /api/v1/training-dashboard': { ...dashboardFixture, byUnit: [] },
        'GET /api/v1/training-courses': emptyPage,
      }).fetch,
    );
    renderApp('/training');
    expect(await screen.findByText('No courses yet', {}, slow)).toBeTruthy();
    expect(screen.getByText('No training is required of anyone yet.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New course' })).toBeNull();
  });

  it('creates a course and marks the field a refusal (422) names', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      'GET /api/v1/training-dashboard': dashboardFixture,
      'GET /api/v1/training-courses': emptyPage,
      'GET /api/v1/org-units': emptyPage,
      'GET /api/v1/isms-roles': { items: [] },
      'GET /api/v1/documents': emptyPage,
      'POST /api/v1/training-courses': problem(422, 'Check the values entered.', {
        errors: [{ field: 'body.title', code: 'too_big', message: 'Too long.' }],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/training');
    fireEvent.click(await screen.findByRole('button', { name: 'New course' }, slow));
    const dialog = await screen.findByRole('dialog', { name: 'New course' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create course' }));
    expect(await within(dialog).findByText('Enter a value.')).toBeTruthy();
    fireEvent.change(within(dialog).getAllByRole('textbox', { name: /^Title/ })[0]!, {
      target: { value: '年次研修' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create course' }));
    expect(await within(dialog).findByText('Too long.')).toBeTruthy();
    const sent = api.calls.find((c) => c.method === 'POST')!;
    expect(sent.body).toMatchObject({
      title: '年次研修',
      kind: 'awareness',
      intervalMonths: 12,
      audienceAll: true,
      passMark: 80,
    });
  });

  it('edits the quiz of a course and saves it under the course version', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      [`GET ${coursePath}`]: courseFixture,
      [`GET ${coursePath}/quiz`]: quizFixture,
      [`PUT ${coursePath}/quiz`]: { ...quizFixture, version: 4 },
      'GET /api/v1/training-completions': { items: completionRows, nextCursor: null },
      'GET /api/v1/training-sessions': emptyPage,
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/training/courses/${courseFixture.id}`);
    const matrix = await screen.findByRole('table', { name: 'Completion matrix' }, slow);
    expect(within(matrix).getByText('Overdue')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Quiz (2 questions)' }));
    await screen.findByText('Question 1');
    fireEvent.click(screen.getByRole('button', { name: 'Add a question' }));
    const third = screen.getAllByRole('textbox', { name: /^Question$/ })[2]!;
    fireEvent.change(third, { target: { value: '画面をロックするのはいつか' } });
    const choiceBoxes = screen.getAllByRole('textbox', { name: 'Choice 1' });
    fireEvent.change(choiceBoxes[2]!, { target: { value: '離席するとき' } });
    fireEvent.change(screen.getAllByRole('textbox', { name: 'Choice 2' })[2]!, {
      target: { value: '帰宅するときだけ' },
    });
    // No correct choice marked in the new question: saving is held back.
    expect(screen.getByText('Mark at least one correct choice in every question.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save quiz' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getAllByRole('checkbox', { name: 'Correct' })[4]!);
    fireEvent.click(screen.getByRole('button', { name: 'Save quiz' }));
    expect(await screen.findByText('The quiz is saved.')).toBeTruthy();
    const put = api.calls.find((c) => c.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe(`"${courseFixture.version}"`);
    const questions = (put.body as { questions: unknown[] }).questions;
    expect(questions).toHaveLength(3);
    expect(questions[2]).toEqual({
      question: '画面をロックするのはいつか',
      questionEn: '',
      choices: [
        { text: '離席するとき', textEn: '', correct: true },
        { text: '帰宅するときだけ', textEn: '', correct: false },
      ],
    });
  });

  it('says so when someone saved the course meanwhile (412)', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(managerSession()),
        [`GET ${coursePath}`]: courseFixture,
        [`GET ${coursePath}/quiz`]: quizFixture,
        [`PUT ${coursePath}/quiz`]: problem(412, 'Changed meanwhile.'),
        'GET /api/v1/training-completions': emptyPage,
        'GET /api/v1/training-sessions': emptyPage,
      }).fetch,
    );
    renderApp(`/training/courses/${courseFixture.id}`);
    fireEvent.click(await screen.findByRole('tab', { name: 'Quiz (2 questions)' }, slow));
    fireEvent.click(await screen.findByRole('button', { name: 'Save quiz' }));
    expect(await screen.findByText(/Someone saved this since you opened it/)).toBeTruthy();
  });

  it('keeps the matrix filters in the address and asks the server with them', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession()),
      'GET /api/v1/training-courses': { items: [courseFixture], nextCursor: null },
      'GET /api/v1/org-units': {
        items: [{ id: unitId, code: 'U-SALES', name: 'Sales', active: true }],
        nextCursor: null,
      },
      'GET /api/v1/training-completions': { items: completionRows, nextCursor: null },
    });
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderApp(`/training/completions?status=overdue&unitId=${unitId}`);
    const matrix = await screen.findByRole('table', { name: 'Completion matrix' }, slow);
    expect(within(matrix).getByRole('link', { name: 'Sam Staff' })).toBeTruthy();
    expect(within(matrix).getByText(/^due .*2026/)).toBeTruthy();
    const asked = api.calls.filter((c) => c.path === '/api/v1/training-completions').at(-1)!;
    expect(asked.query.get('status')).toBe('overdue');
    expect(asked.query.get('unitId')).toBe(unitId);
    // A filter changed on the page lands in the address (and so in a shared link).
    fireEvent.click(screen.getByRole('link', { name: 'Sessions' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/training/sessions'));
    router.navigate(-1);
    await vi.waitFor(() => expect(router.state.location.search).toContain('status=overdue'));
  });
});
