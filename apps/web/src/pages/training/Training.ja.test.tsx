import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import {
  attempt,
  completion,
  courseFixture,
  dashboardFixture,
  managerSession,
  myRoleFixture,
  myTrainingFixture,
  quizToTake,
  staffSession,
} from './fixtures';

vi.mock('../../components/EChart', () => ({
  EChart: ({ option, label }: { option: { yAxis: { data: string[] } }; label: string }) => (
    <figure aria-label={label}>{option.yAxis.data.join('、')}</figure>
  ),
}));

const slow = { timeout: 20_000 };

/** Latin words of three letters or more with a lower-case letter: English or a raw code. */
const englishWords = (text: string) =>
  [...text.matchAll(/[A-Za-z_]*[a-z][A-Za-z_]*/g)].map((m) => m[0]).filter((w) => w.length >= 3);

// The visible text only: Mantine's style tags hold CSS.
const mainText = () => {
  const root = (document.querySelector('main') ?? document.body).cloneNode(true) as Element;
  root.querySelectorAll('style, script, svg').forEach((n) => n.remove());
  return root.textContent ?? '';
};

// Data as a Japanese organization enters it: what remains Latin is ours.
const jaUnit = { id: dashboardFixture.byUnit[0]!.unit!.id, code: 'U-SALES', name: '営業部' };

describe('training in Japanese', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('takes the quiz in Japanese: questions, result and retake without English', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(staffSession('ja')),
        [`GET /api/v1/training-courses/${courseFixture.id}/quiz/take`]: quizToTake,
        [`POST /api/v1/training-courses/${courseFixture.id}/quiz/attempts`]: () => ({
          status: 201,
          body: attempt(false),
        }),
      }).fetch,
    );
    renderApp(`/training/my/quiz/${courseFixture.id}`);
    expect(await screen.findByText(/パスワードを他人に教えてよいか/, {}, slow)).toBeTruthy();
    expect(screen.queryByText(/May you tell/)).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'よくない' }));
    fireEvent.click(screen.getByRole('radio', { name: '開く' }));
    fireEvent.click(screen.getByRole('button', { name: '回答を送信' }));
    expect(await screen.findByText('不合格です')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'もう一度受ける' })).toBeTruthy();
    expect(englishWords(mainText())).toEqual([]);
  });

  it('shows My training and the dashboard without English words or raw codes', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes({
          ...managerSession(),
          user: { ...staffSession('ja').user, locale: 'ja' },
        }),
        'GET /api/v1/my-training': {
          ...myTrainingFixture,
          courses: [{ ...completion, status: 'failed', attempts: 1, lastScore: 50 }],
          attempts: [attempt(false), attempt(true)],
        },
        'GET /api/v1/my-roles': {
          items: [{ ...myRoleFixture, assignment: { ...myRoleFixture.assignment, unit: jaUnit } }],
        },
        'GET /api/v1/training-dashboard': {
          ...dashboardFixture,
          byUnit: [{ ...dashboardFixture.byUnit[0]!, unit: jaUnit }],
          upcomingSessions: [],
        },
        'GET /api/v1/training-courses': {
          items: [{ ...courseFixture, titleEn: '' }],
          nextCursor: null,
        },
      }).fetch,
    );
    const { router } = renderApp('/training/my');
    await screen.findByRole('table', { name: '受講するコース' }, slow);
    await screen.findByText('推進委員');
    expect(screen.getAllByText('不合格')).toHaveLength(2);
    expect(englishWords(mainText())).toEqual([]);

    void router.navigate('/training');
    await screen.findByRole('figure', { name: '部署別の必須教育の修了状況' }, slow);
    await screen.findByRole('table', { name: 'コース' });
    expect(englishWords(mainText())).toEqual([]);
  });
});
