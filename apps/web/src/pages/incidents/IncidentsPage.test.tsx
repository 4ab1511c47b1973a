import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, signedInRoutes, type FakeRequest } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import {
  listItem,
  managerSession,
  reporterSession,
  statisticsFixture,
  triagedItem,
} from './fixtures';

// jsdom has no layout for ECharts: the stand-in shows the chart's name, axis and bars' data.
vi.mock('../../components/EChart', () => ({
  EChart: ({
    option,
    label,
  }: {
    option: {
      xAxis: { data?: string[] };
      yAxis: { data?: string[] };
      series: { name: string; data: number[] }[];
    };
    label: string;
  }) => (
    <figure aria-label={label}>
      <span>{(option.xAxis.data ?? option.yAxis.data ?? []).join('/')}</span>
      {option.series.map((s) => (
        <span key={s.name}>{`${s.name}: ${s.data.join('/')}`}</span>
      ))}
    </figure>
  ),
}));

const slow = { timeout: 20_000 };

/** GET /incidents answering two pages to an unfiltered list, nothing to a filtered one. */
function listRoute(calls: FakeRequest[]) {
  return (request: FakeRequest) => {
    calls.push(request);
    const filtered = ['status', 'type', 'severity', 'q'].some((key) => request.query.has(key));
    if (filtered) return { body: { items: [], nextCursor: null } };
    return request.query.get('cursor') === 'c2'
      ? { body: { items: [triagedItem], nextCursor: null } }
      : { body: { items: [listItem], nextCursor: 'c2' } };
  };
}

describe('incidents page', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('lists all incidents with badges, loads more, and filters in the request', async () => {
    const calls: FakeRequest[] = [];
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(managerSession()),
        'GET /api/v1/incidents': listRoute(calls),
        'GET /api/v1/org-units': { items: [], nextCursor: null },
      }).fetch,
    );
    renderApp('/incidents');
    const table = await screen.findByRole('table', { name: 'All incidents' }, slow);
    const link = within(table).getByRole('link', { name: 'INC-0007 Laptop lost on the train' });
    expect(link.getAttribute('href')).toBe(`/incidents/${listItem.id}`);
    expect(within(table).getByText('Triage overdue')).toBeTruthy();
    expect(within(table).getByText('2 notifications overdue')).toBeTruthy();
    expect(within(table).getByText('Personal data')).toBeTruthy();
    expect(within(table).getByText('Sales')).toBeTruthy();
    expect(calls[0]!.query.has('mine')).toBe(false);
    // Managers see every tab.
    for (const name of ['My reports', 'All incidents', 'Statistics', 'Settings'])
      expect(screen.getByRole('tab', { name })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await within(table).findByText('INC-0006 Mail server down', {}, slow)).toBeTruthy();
    expect(within(table).getByText('P1')).toBeTruthy();
    expect(within(table).getByText('Confidential')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    fireEvent.change(screen.getByRole('textbox', { name: 'Search' }), {
      target: { value: 'printer' },
    });
    expect(await screen.findByText('No incident matches these filters', {}, slow)).toBeTruthy();
    const last = calls.at(-1)!;
    expect(last.query.get('q')).toBe('printer');
    expect(last.query.get('limit')).toBe('50');
  });

  it('takes the status and open filters from the address and sends them', async () => {
    const calls: FakeRequest[] = [];
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(managerSession()),
        'GET /api/v1/incidents': listRoute(calls),
        'GET /api/v1/org-units': { items: [], nextCursor: null },
      }).fetch,
    );
    renderApp('/incidents?tab=all&status=reported&open=true&type=bogus');
    expect(await screen.findByText('No incident matches these filters', {}, slow)).toBeTruthy();
    const query = calls.at(-1)!.query;
    expect(query.get('status')).toBe('reported');
    expect(query.get('open')).toBe('true');
    // A value the list does not know is dropped, not sent.
    expect(query.has('type')).toBe(false);
  });

  it('shows a reporter only their own reports, with the empty state', async () => {
    const calls: FakeRequest[] = [];
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(reporterSession()),
        'GET /api/v1/incidents': (request) => {
          calls.push(request);
          return { body: { items: [], nextCursor: null } };
        },
        'GET /api/v1/incident-statistics': statisticsFixture,
      }).fetch,
    );
    renderApp('/incidents');
    expect(await screen.findByText('You have not reported anything yet', {}, slow)).toBeTruthy();
    expect(calls[0]!.query.get('mine')).toBe('reported');
    expect(screen.getByRole('tab', { name: 'My reports' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'All incidents' })).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Settings' })).toBeNull();
    // No unit filter without access to the organization's units.
    expect(screen.queryByLabelText('Unit')).toBeNull();
  });

  it('charts the monthly trend by type and the units, with totals and costs', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(managerSession()),
        'GET /api/v1/incident-statistics': statisticsFixture,
        'GET /api/v1/org-units': { items: [], nextCursor: null },
      }).fetch,
    );
    renderApp('/incidents?tab=stats');
    const monthly = await screen.findByRole(
      'figure',
      { name: 'Incidents per month by type' },
      slow,
    );
    expect(within(monthly).getByText('2026-10/2026-11')).toBeTruthy();
    expect(within(monthly).getByText('Incident: 1/2')).toBeTruthy();
    expect(within(monthly).getByText('Weakness: 1/0')).toBeTruthy();
    const units = screen.getByRole('figure', { name: 'Incidents per unit' });
    expect(within(units).getByText('Sales/No unit')).toBeTruthy();
    expect(within(units).getByText('Reported: 4/1')).toBeTruthy();
    expect(screen.getByText('120,000')).toBeTruthy();
    expect(screen.getByText('3 of 4')).toBeTruthy();
    expect(screen.getByText('5.3 h')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('From 2025-12 to 2026-11')).toBeTruthy());
  });
});
