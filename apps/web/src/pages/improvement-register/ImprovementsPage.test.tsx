import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

const slow = { timeout: 45_000 };
const lists = (api: ReturnType<typeof fakeApi>) =>
  api.calls.filter((c) => c.path === '/api/v1/improvements');

describe('improvement register filters from the address', { timeout: 120_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists implemented improvements without evidence as the conformity gap links, and drops the filter', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/users': { items: [], nextCursor: null },
      'GET /api/v1/improvements': { items: [], nextCursor: null },
    });
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderApp('/improvement?status=implemented&evidence=none');
    const badge = await screen.findByText('Without evidence of effect', {}, slow);
    await waitFor(() => expect(lists(api).length).toBeGreaterThan(0));
    expect(lists(api)[0]!.query.get('evidence')).toBe('none');
    expect(lists(api)[0]!.query.get('status')).toBe('implemented');
    const root = badge.closest('.mantine-Badge-root') as HTMLElement;
    fireEvent.click(within(root).getByRole('button', { name: 'Remove this filter' }));
    await waitFor(() => expect(router.state.location.search).not.toContain('evidence'));
    expect(router.state.location.search).toContain('status=implemented');
    await waitFor(() => expect(lists(api).at(-1)!.query.get('evidence')).toBeNull());
  });

  it('ignores an evidence value the register does not know', async () => {
    const api = fakeApi({
      ...signedInRoutes(sessionInfo('admin')),
      'GET /api/v1/improvements': { items: [], nextCursor: null },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/improvement?evidence=some');
    await waitFor(() => expect(lists(api).length).toBeGreaterThan(0), slow);
    expect(lists(api)[0]!.query.get('evidence')).toBeNull();
    expect(screen.queryByText('Without evidence of effect')).toBeNull();
  });
});
