import type { TreatmentActionDto } from '@mamoru/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderApp } from '../../../test/render';

const action: TreatmentActionDto = {
  id: '00000000-0000-4000-8000-0000000000a1',
  code: 'A-0001',
  title: 'Install fire suppression',
  description: '',
  owner: null,
  priority: 'high',
  dueDate: null,
  resources: '',
  budget: null,
  status: 'planned',
  progress: 0,
  overdue: false,
  riskIds: [],
  controlIds: [],
  version: 1,
  createdAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
};

const routes = {
  ...signedInRoutes(sessionInfo('admin')),
  'GET /api/v1/users': { items: [], nextCursor: null },
  'GET /api/v1/treatment-plan': { items: [action], nextCursor: null },
};
const plans = (api: ReturnType<typeof fakeApi>) =>
  api.calls.filter((c) => c.path === '/api/v1/treatment-plan');

describe('treatment plan filters from the URL', { timeout: 120_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    ['missing=owner&open=true', { missing: 'owner', open: 'true' }],
    ['missing=resources&status=planned', { missing: 'resources', status: 'planned' }],
    ['overdue=true', { overdue: 'true' }],
    ['q=A-0001', { q: 'A-0001' }],
  ])('sends the filter of %s to the server', async (search, sent) => {
    const api = fakeApi(routes);
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/treatment-plan?${search}`);
    await screen.findByRole('table', { name: 'Treatment plan' }, { timeout: 45_000 });
    const first = plans(api)[0]!;
    for (const [key, value] of Object.entries(sent)) expect(first.query.get(key)).toBe(value);
  });

  it('shows the search of the address in its box and keeps what is typed there', async () => {
    const api = fakeApi(routes);
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderApp('/treatment-plan?q=A-0001');
    await screen.findByRole('table', { name: 'Treatment plan' }, { timeout: 45_000 });
    const box = screen.getByRole('textbox', { name: 'Search code or title' }) as HTMLInputElement;
    expect(box.value).toBe('A-0001');
    fireEvent.change(box, { target: { value: 'fire' } });
    await waitFor(() => expect(router.state.location.search).toContain('q=fire'));
    await waitFor(() => expect(plans(api).at(-1)!.query.get('q')).toBe('fire'));
  });

  it('ignores an unknown missing value', async () => {
    const api = fakeApi(routes);
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/treatment-plan?missing=budget');
    await screen.findByRole('table', { name: 'Treatment plan' }, { timeout: 45_000 });
    expect(plans(api)[0]!.query.get('missing')).toBeNull();
  });

  it('shows the missing filter as a badge whose button removes it', async () => {
    const api = fakeApi(routes);
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderApp('/treatment-plan?missing=dueDate&open=true');
    await screen.findByRole('table', { name: 'Treatment plan' }, { timeout: 45_000 });
    const badge = screen.getByText('Without a due date').closest('.mantine-Badge-root');
    expect(screen.getByText('Open actions only (planned or in progress)')).toBeTruthy();
    fireEvent.click(
      within(badge as HTMLElement).getByRole('button', { name: 'Remove this filter' }),
    );
    await waitFor(() => expect(router.state.location.search).not.toContain('missing'));
    expect(router.state.location.search).toContain('open=true');
    await waitFor(() => expect(plans(api).at(-1)!.query.get('missing')).toBeNull());
    expect(plans(api).at(-1)!.query.get('open')).toBe('true');
    expect(plans(api)[0]!.query.get('missing')).toBe('dueDate');
  });
});
