import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes, type FakeRoute } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import {
  auditFee,
  emptySummary,
  managerSession,
  readerSession,
  secretariat,
  settingsFixture,
  summaryFixture,
} from './fixtures';

// jsdom has no layout for ECharts: the stand-in shows the chart's name, axis and bars' data.
vi.mock('../../components/EChart', () => ({
  EChart: ({
    option,
    label,
  }: {
    option: { xAxis: { data: string[] }; series: { name: string; data: number[] }[] };
    label: string;
  }) => (
    <figure aria-label={label}>
      <span>{option.xAxis.data.join('/')}</span>
      {option.series.map((s) => (
        <span key={s.name}>{`${s.name}: ${s.data.join('/')}`}</span>
      ))}
    </figure>
  ),
}));

// The page loads lazily; on a busy machine the first render takes seconds.
const slow = { timeout: 20_000 };

function routes(session = managerSession(), extra: Record<string, FakeRoute> = {}) {
  return fakeApi({
    ...signedInRoutes(session),
    'GET /api/v1/users': { items: [], nextCursor: null },
    'GET /api/v1/resource-settings': settingsFixture,
    'GET /api/v1/resources': ({ query }) => ({
      body: {
        items: query.get('fiscalYear') === '2026' ? [secretariat, auditFee] : [],
        nextCursor: null,
      },
    }),
    'GET /api/v1/resource-summaries/2026': summaryFixture(),
    'GET /api/v1/resource-summaries/2025': emptySummary(2025),
    [`GET /api/v1/resources/${secretariat.id}`]: secretariat,
    ...extra,
  });
}

describe('resources page', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('opens on the current fiscal year with totals, chart, register, approval and roll-up', async () => {
    const api = routes();
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/resources');
    const table = await screen.findByRole('table', { name: 'Resources register' }, slow);
    expect(within(table).getByText('ISMS secretariat time')).toBeTruthy();
    expect(within(table).getByText('Not recorded')).toBeTruthy();
    expect(api.calls.find((c) => c.path === '/api/v1/resources')!.query.get('fiscalYear')).toBe(
      '2026',
    );
    expect(screen.getByTestId('total-plannedAmount').textContent).toMatch(/800,000/);
    expect(screen.getByText('Nothing planned yet for: Establishing and Improving')).toBeTruthy();
    const chart = await screen.findByRole('figure', { name: /planned and used/i }, slow);
    expect(within(chart).getByText('Planned: 0/800000/0/0/0')).toBeTruthy();
    expect(within(chart).getByText('Used: 0/750000/0/0/0')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Hours' }));
    expect(within(chart).getByText('Planned: 480/0/0/0/0')).toBeTruthy();
    expect(screen.getByText(/^Approved by Taro President on .*2026\.$/)).toBeTruthy();
    const rollup = screen.getByRole('table', { name: 'Treatment actions due in the year' });
    expect(within(rollup).getByText('Deploy a vulnerability scanner')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the treatment plan' }).getAttribute('href')).toBe(
      '/treatment-plan',
    );
  });

  it('shows the empty state for a year without resources and exports the chosen year', async () => {
    const api = routes();
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/resources?year=2025');
    expect(await screen.findByText('No resources for FY2025', {}, slow)).toBeTruthy();
    expect(screen.queryByRole('figure')).toBeNull();
    expect(screen.getByText('The plan has not been sent for approval.')).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Submit for approval' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    const item = await screen.findByRole('menuitem', { name: 'PDF (Japanese)' });
    expect(item.getAttribute('href')).toBe(
      '/api/v1/resources/export?fiscalYear=2025&format=pdf&lang=ja',
    );
  });

  it('requires a planned figure before creating, then posts into the shown year', async () => {
    const api = routes(managerSession(), {
      'POST /api/v1/resources': ({ body }) => ({
        status: 201,
        body: { ...auditFee, ...(body as object) },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/resources');
    await screen.findByRole('table', { name: 'Resources register' }, slow);
    fireEvent.click(screen.getByRole('button', { name: 'Add resource' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a resource to FY2026' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Resource' }), {
      target: { value: 'E-learning tool' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(
      (await within(dialog).findAllByText('Give a planned amount, planned hours or both.')).length,
    ).toBe(2);
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Planned amount (yen)' }), {
      target: { value: '120000' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    const post = api.calls.find((c) => c.method === 'POST')!;
    expect(post.body).toMatchObject({
      fiscalYear: 2026,
      kind: 'people',
      activity: 'operate',
      title: 'E-learning tool',
      planned: { amount: 120000, hours: null },
      used: { amount: null, hours: null },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('opens /resources/:id in its form; a stale save keeps the typed values and says so', async () => {
    const api = routes(managerSession(), {
      [`PATCH /api/v1/resources/${secretariat.id}`]: problem(412, 'Changed meanwhile', {
        code: 'stale_version',
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/resources/${secretariat.id}`);
    const dialog = await screen.findByRole('dialog', { name: 'Edit resource' }, slow);
    expect(
      await within(dialog).findByText(/changing a planned figure returns the plan to draft/),
    ).toBeTruthy();
    const hours = within(dialog).getByRole('textbox', { name: 'Used hours' });
    fireEvent.change(hours, { target: { value: '120' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Someone changed this resource meanwhile')).toBeTruthy();
    expect((hours as HTMLInputElement).value).toBe('120');
    const patch = api.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"3"');
    expect(patch.body).toMatchObject({ used: { amount: null, hours: 120 } });
  });

  it('deletes with If-Match and submits the plan at its version', async () => {
    const draft = summaryFixture({
      plan: { ...summaryFixture().plan, status: 'draft', version: 5 },
    });
    const api = routes(managerSession(), {
      'GET /api/v1/resource-summaries/2026': draft,
      [`DELETE /api/v1/resources/${auditFee.id}`]: { status: 204 } as never,
      'POST /api/v1/resource-plans/2026/submit': { ...draft.plan, status: 'submitted' },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/resources');
    await screen.findByRole('table', { name: 'Resources register' }, slow);
    expect(
      screen.getByText(/planned figures changed since: the plan needs approval again/),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete Certification audit fee' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(api.calls.find((c) => c.method === 'DELETE')!.headers.get('If-Match')).toBe('"1"');

    fireEvent.click(screen.getByRole('button', { name: 'Submit for approval' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Submit the FY2026 plan for approval',
    });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Comment for the approver' }), {
      target: { value: 'Please review' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(api.calls.some((c) => c.path.endsWith('/submit'))).toBe(true));
    const submit = api.calls.find((c) => c.path.endsWith('/submit'))!;
    expect(submit.headers.get('If-Match')).toBe('"5"');
    expect(submit.body).toEqual({ comment: 'Please review' });
  });

  it('saves the fiscal year start month at the settings version', async () => {
    const api = routes(managerSession(), {
      'PUT /api/v1/resource-settings': { ...settingsFixture, fiscalYearStartMonth: 1, version: 3 },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/resources');
    await screen.findByRole('table', { name: 'Resources register' }, slow);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Resource settings' });
    fireEvent.click(within(dialog).getByRole('combobox', { name: 'Fiscal year starts in' }));
    fireEvent.click(await screen.findByRole('option', { name: 'January', hidden: true }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = api.calls.find((c) => c.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"2"');
    expect(put.body).toEqual({ fiscalYearStartMonth: 1 });
  });

  it('gives readers the register without adding, deleting, settings or submitting', async () => {
    const api = routes(readerSession());
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/resources');
    const table = await screen.findByRole('table', { name: 'Resources register' }, slow);
    expect(within(table).queryByRole('button', { name: /^Delete/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add resource' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Settings' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit for approval' })).toBeNull();
  });
});
