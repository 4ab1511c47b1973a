import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderApp } from '../../../test/render';
import {
  answeredFixture,
  feedbackFixture,
  MANAGER_GRANTS,
  partyFixture,
  STAFF_GRANTS,
} from './fixtures';

// The pages load lazily; on a busy machine the first render takes seconds.
const slow = { timeout: 20_000 };

function session(
  kind: 'admin' | 'staff',
  grants: Record<string, 'all' | 'own'>,
  locale: 'en' | 'ja' = 'en',
) {
  const info = sessionInfo(kind, { locale });
  return { ...info, permissions: { ...info.permissions, ...grants } };
}

function serve(
  grants: Record<string, 'all' | 'own'>,
  data: { parties?: unknown[]; feedback?: unknown[] } = {},
  locale: 'en' | 'ja' = 'en',
) {
  const api = fakeApi({
    ...signedInRoutes(session(grants === STAFF_GRANTS ? 'staff' : 'admin', grants, locale)),
    'GET /api/v1/interested-parties': {
      items: data.parties ?? [partyFixture],
      nextCursor: null,
    },
    'GET /api/v1/interested-party-feedback': ({ query }) => ({
      body: {
        items: (data.feedback ?? [feedbackFixture, answeredFixture]).filter(
          (f) => query.get('open') !== 'true' || (f as typeof feedbackFixture).respondedOn === null,
        ),
        nextCursor: null,
      },
    }),
  });
  vi.stubGlobal('fetch', api.fetch);
  return api;
}

describe('interested parties page', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the parties and their feedback; the manager may add, edit and respond', async () => {
    const api = serve(MANAGER_GRANTS);
    renderApp('/management-review/parties');
    const table = await screen.findByRole('table', { name: 'Parties' }, slow);
    expect(within(table).getByText('株式会社みなと物流')).toBeTruthy();
    expect(within(table).getByText('Customer')).toBeTruthy();
    expect(within(table).getByText('1 awaiting a response')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Add a party' })).toBeTruthy();
    expect(within(table).getByRole('button', { name: 'Edit 株式会社みなと物流' })).toBeTruthy();
    expect(await screen.findByText('事故報告の早さを評価された')).toBeTruthy();
    expect(screen.getByText('Answered on 2026-06-03:', { exact: false })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Respond' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Change the response' })).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'Awaiting a response' }));
    await vi.waitFor(() => {
      const last = api.calls.filter((c) => c.path === '/api/v1/interested-party-feedback').at(-1)!;
      expect(last.query.get('open')).toBe('true');
    });
    await vi.waitFor(() => expect(screen.queryByText('退職者のアカウントが残っていた')).toBeNull());
  });

  it('lets staff record feedback but not manage parties or respond', async () => {
    serve(STAFF_GRANTS, { feedback: [feedbackFixture] });
    renderApp('/management-review/parties');
    await screen.findByRole('table', { name: 'Parties' }, slow);
    expect(screen.getByRole('button', { name: 'Record feedback' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Add a party' })).toBeNull();
    await screen.findByText('事故報告の早さを評価された');
    expect(screen.queryByRole('button', { name: 'Respond' })).toBeNull();
    // Staff may correct the unanswered entry they recorded themselves.
    expect(screen.getByRole('button', { name: 'Correct' })).toBeTruthy();
  });

  it('says so when nothing is registered yet', async () => {
    serve(MANAGER_GRANTS, { parties: [], feedback: [] });
    renderApp('/management-review/parties');
    expect(await screen.findByText('No interested parties yet', {}, slow)).toBeTruthy();
    expect(await screen.findByText('No feedback recorded yet')).toBeTruthy();
    // Feedback needs a party to belong to.
    expect(screen.getByRole('button', { name: 'Record feedback' }).hasAttribute('disabled')).toBe(
      true,
    );
  });

  it('shows no stray Latin words on the Japanese page', async () => {
    serve(MANAGER_GRANTS, {}, 'ja');
    renderApp('/management-review/parties');
    const table = await screen.findByRole('table', { name: '利害関係者一覧' }, slow);
    await screen.findByText('事故報告の早さを評価された');
    const page = table.closest('main') ?? document.body;
    const heading = screen.getByRole('heading', { level: 1, name: '利害関係者' });
    const texts = [
      heading.textContent ?? '',
      table.textContent ?? '',
      ...screen.getAllByRole('listitem').map((li) => li.textContent ?? ''),
      ...within(page as HTMLElement)
        .getAllByRole('button')
        .filter((b) => b.closest('table, li') === null && page.contains(b))
        .map((b) => b.textContent ?? ''),
    ];
    const latin = texts.filter((text) => /[A-Za-z]{2,}/.test(text));
    expect(latin).toEqual([]);
  });
});
