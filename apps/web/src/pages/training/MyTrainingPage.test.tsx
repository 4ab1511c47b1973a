import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import {
  attempt,
  completion,
  courseFixture,
  myRoleFixture,
  myTrainingFixture,
  quizToTake,
  staffSession,
} from './fixtures';

const slow = { timeout: 20_000 };
const attemptsPath = `/api/v1/training-courses/${courseFixture.id}/quiz/attempts`;

describe('My training', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists my courses with status and due date, my roles and my attempts', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(staffSession()),
        'GET /api/v1/my-training': {
          ...myTrainingFixture,
          courses: [{ ...completion, status: 'failed', attempts: 1, lastScore: 50 }],
          attempts: [attempt(false)],
        },
        'GET /api/v1/my-roles': { items: [myRoleFixture] },
      }).fetch,
    );
    renderApp('/training/my');
    const courses = await screen.findByRole('table', { name: 'Courses to take' }, slow);
    expect(within(courses).getByText('TC-0001 Security awareness')).toBeTruthy();
    expect(within(courses).getByText('Failed')).toBeTruthy();
    expect(within(courses).getByText('50% (1 attempt)')).toBeTruthy();
    expect(
      within(courses).getByRole('link', { name: 'Take the quiz of Security awareness' }),
    ).toBeTruthy();
    const attempts = screen.getByRole('table', { name: 'My quiz attempts' });
    expect(within(attempts).getByText('50% (1/2)')).toBeTruthy();
    expect(await screen.findByText('ISMS promoter')).toBeTruthy();
    expect(screen.getByText('Drives the ISMS activities in the unit.')).toBeTruthy();
  });

  it('takes the quiz, fails, retakes and passes; every attempt is sent whole', async () => {
    let submitted = 0;
    const api = fakeApi({
      ...signedInRoutes(staffSession()),
      [`GET /api/v1/training-courses/${courseFixture.id}/quiz/take`]: quizToTake,
      [`POST ${attemptsPath}`]: () => {
        submitted += 1;
        return { status: 201, body: attempt(submitted > 1) };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/training/my/quiz/${courseFixture.id}`);
    expect(
      await screen.findByText('2 questions; you pass with 80% or more.', {}, slow),
    ).toBeTruthy();
    const submit = screen.getByRole('button', { name: 'Submit answers' });
    expect(submit.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'No' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Open it' }));
    fireEvent.click(submit);
    expect(await screen.findByText('Not passed')).toBeTruthy();
    expect(screen.getByText(/Your score is 50% \(1 of 2 right; pass mark 80%\)/)).toBeTruthy();
    expect(screen.getAllByText('Wrong')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Take it again' }));
    await screen.findByRole('button', { name: 'Submit answers' });
    fireEvent.click(screen.getByRole('radio', { name: 'No' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Report it' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(await screen.findByText('Passed')).toBeTruthy();
    expect(screen.getByText(/Your score is 100%/)).toBeTruthy();

    const sent = api.calls.filter((c) => c.method === 'POST' && c.path === attemptsPath);
    expect(sent.map((c) => c.body)).toEqual([{ answers: [[1], [0]] }, { answers: [[1], [1]] }]);
  });

  it('shows the reason when the server refuses the answers (422)', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(staffSession()),
        [`GET /api/v1/training-courses/${courseFixture.id}/quiz/take`]: quizToTake,
        [`POST ${attemptsPath}`]: problem(422, 'Check the values entered.', {
          errors: [
            { field: 'answers', code: 'quiz_answers_count', message: 'Answer every question.' },
          ],
        }),
      }).fetch,
    );
    renderApp(`/training/my/quiz/${courseFixture.id}`);
    fireEvent.click(await screen.findByRole('radio', { name: 'No' }, slow));
    fireEvent.click(screen.getByRole('radio', { name: 'Report it' }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(await screen.findByText(/Answer every question\./)).toBeTruthy();
  });

  it('acknowledges a role and self-records a course', async () => {
    const api = fakeApi({
      ...signedInRoutes(staffSession()),
      'GET /api/v1/my-training': {
        ...myTrainingFixture,
        courses: [
          {
            ...completion,
            course: { ...completion.course, evaluation: 'none' as const, questionCount: 0 },
          },
        ],
      },
      'GET /api/v1/my-roles': { items: [myRoleFixture] },
      [`POST /api/v1/isms-role-assignments/${myRoleFixture.assignment.id}/acknowledge`]:
        myRoleFixture.assignment,
      'POST /api/v1/training-attendance/self': () => ({ status: 201, body: {} }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/training/my');
    fireEvent.click(
      await screen.findByRole(
        'button',
        { name: 'I have read and accept these responsibilities' },
        slow,
      ),
    );
    await vi.waitFor(() =>
      expect(api.calls.some((c) => c.path.endsWith('/acknowledge'))).toBe(true),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Record as taken' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record a course you took' });
    fireEvent.change(within(dialog).getByLabelText(/^Taken on/), {
      target: { value: '2026-11-30' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Record' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.path === '/api/v1/training-attendance/self')?.body).toEqual({
        courseId: courseFixture.id,
        attendedOn: '2026-11-30',
        note: '',
      }),
    );
  });
});
