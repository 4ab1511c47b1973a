import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { decisionFixture, managerSession, packFixture, reviewFixture } from './fixtures';

const slow = { timeout: 20_000 };
const base = `/api/v1/management-reviews/${reviewFixture.id}`;

/** Latin words of three letters or more with a lower-case letter: English or a raw code. */
const englishWords = (text: string) =>
  [...text.matchAll(/[A-Za-z_]*[a-z][A-Za-z_]*/g)].map((m) => m[0]).filter((w) => w.length >= 3);

// Data in Japanese, as a Japanese organization enters it: what remains Latin is ours.
const review = {
  ...reviewFixture,
  title: '年次マネジメントレビュー',
  location: '役員会議室',
  agenda: ['監査の結果', '決定事項'],
  status: 'approved' as const,
  heldOn: '2026-11-20',
  approvedAt: '2026-11-25T09:00:00.000Z',
  approvedBy: { id: reviewFixture.attendees[0]!.user!.id, name: '社長 太郎' },
  periodStart: '2025-11-18',
  decisionCount: 1,
  attendees: [
    {
      ...reviewFixture.attendees[0]!,
      name: '社長 太郎',
      attended: true,
      user: { id: reviewFixture.attendees[0]!.user!.id, name: '社長 太郎' },
    },
  ],
};
const pack = {
  ...packFixture,
  preparedAt: '2026-11-02T09:00:00.000Z',
  sections: packFixture.sections.map((s) => ({
    ...s,
    items: s.items.map((i) => ({ ...i, title: '営業部の監査' })),
  })),
};
const decision = {
  ...decisionFixture,
  output: 'procedure' as const,
  procedureReason: 'risk_level' as const,
  amount: null,
  title: 'アクセス権の見直し手順を改訂',
  owner: { id: decisionFixture.owner!.id, name: '社長 太郎' },
};

describe('a management review in Japanese', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows no English word or raw code on the overview, inputs and decisions', async () => {
    const session = managerSession();
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes({
          ...session,
          user: { ...sessionInfo('admin').user, locale: 'ja', roles: ['isms_manager'] },
        }),
        [`GET ${base}`]: review,
        [`GET ${base}/inputs`]: pack,
        [`GET ${base}/decisions`]: { items: [decision], nextCursor: null },
      }).fetch,
    );
    renderApp(`/management-review/${reviewFixture.id}`);
    await screen.findByText('役員会議室', {}, slow);
    // The visible text only: Mantine's style tags hold CSS.
    const main = () => {
      const root = (document.querySelector('main') ?? document.body).cloneNode(true) as Element;
      root.querySelectorAll('style, script, svg').forEach((n) => n.remove());
      return root;
    };
    expect(englishWords(main().textContent ?? '')).toEqual([]);

    fireEvent.click(screen.getByRole('tab', { name: 'インプット' }));
    await screen.findByRole('link', { name: /営業部の監査/ });
    expect(screen.getByText('件数')).toBeTruthy();
    expect(englishWords(main().textContent ?? '')).toEqual([]);

    fireEvent.click(screen.getByRole('tab', { name: /^決定事項/ }));
    await screen.findByText('アクセス権の見直し手順を改訂');
    expect(screen.getByText('リスクの水準または受容基準')).toBeTruthy();
    expect(englishWords(main().textContent ?? '')).toEqual([]);
  });
});
