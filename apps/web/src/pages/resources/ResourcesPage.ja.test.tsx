import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { managerSession, secretariat, settingsFixture, summaryFixture } from './fixtures';

vi.mock('../../components/EChart', () => ({
  EChart: ({ option, label }: { option: { xAxis: { data: string[] } }; label: string }) => (
    <figure aria-label={label}>{option.xAxis.data.join('/')}</figure>
  ),
}));

describe('resources page in Japanese', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('names kinds, activities, the plan state and the roll-up in Japanese', async () => {
    const api = fakeApi({
      ...signedInRoutes(managerSession('ja')),
      'GET /api/v1/users': { items: [], nextCursor: null },
      'GET /api/v1/resource-settings': settingsFixture,
      'GET /api/v1/resources': { items: [secretariat], nextCursor: null },
      'GET /api/v1/resource-summaries/2026': summaryFixture(),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/resources');
    const table = await screen.findByRole('table', { name: '資源台帳' }, { timeout: 20_000 });
    expect(within(table).getByText('人員（工数）')).toBeTruthy();
    expect(within(table).getByText('運用')).toBeTruthy();
    expect(within(table).getByText('未記録')).toBeTruthy();
    expect(screen.getByText('承認済み')).toBeTruthy();
    const chart = await screen.findByRole('figure', { name: /棒グラフ/ });
    expect(chart.textContent).toBe('人員（工数）/費用/ツール/外部サービス/その他');
    expect(screen.getByRole('link', { name: 'リスク対応計画を開く' })).toBeTruthy();
  });
});
