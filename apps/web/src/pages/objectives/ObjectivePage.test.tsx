import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, signedInRoutes, type FakeRequest } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import { managerSession, measurements, objective, readerSession } from './fixtures';

// jsdom has no layout for ECharts: the stand-in shows the chart's name and each series' data.
vi.mock('../../components/EChart', () => ({
  EChart: ({
    option,
    label,
  }: {
    option: { series: { name: string; data: (number | null)[] }[] };
    label: string;
  }) => (
    <figure aria-label={label}>
      {option.series.map((s) => (
        <span key={s.name}>{`${s.name}: ${s.data.map((v) => v ?? '-').join('/')}`}</span>
      ))}
    </figure>
  ),
}));

const slow = { timeout: 20_000 };
const base = `/api/v1/objectives/${objective.id}`;

function routes(session = managerSession(), extra: Record<string, unknown> = {}) {
  return {
    ...signedInRoutes(session),
    [`GET ${base}`]: objective,
    [`GET ${base}/measurements`]: { items: [...measurements].reverse(), nextCursor: null },
    'GET /api/v1/users': { items: [], nextCursor: null },
    ...extra,
  } as Parameters<typeof fakeApi>[0];
}

describe('objective page', { timeout: 60_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the plan and the values against the target in time order', async () => {
    vi.stubGlobal('fetch', fakeApi(routes()).fetch);
    renderApp(`/objectives/${objective.id}`);
    const chart = await screen.findByRole(
      'figure',
      { name: 'Measurements of Phishing drill open rate at most 10% against the target' },
      slow,
    );
    // Start, the two measurements oldest first, the due date.
    expect(within(chart).getByText('Measured value: -/14/13/-')).toBeTruthy();
    expect(within(chart).getByText('Target: 10/10/10/10')).toBeTruthy();
    expect(within(chart).getByText('Plan: 25/-/-/10')).toBeTruthy();
    expect(screen.getByText('Monthly drill mails and follow-up.')).toBeTruthy();
    expect(screen.getByText('25 → 10 %')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Measurements' });
    expect(within(table).getByText('December drill')).toBeTruthy();
    expect(within(table).getByText('CSV')).toBeTruthy();
  });

  it('records a measurement and removes one only with a reason', async () => {
    const posted: FakeRequest[] = [];
    vi.stubGlobal(
      'fetch',
      fakeApi(
        routes(managerSession(), {
          [`POST ${base}/measurements`]: (r: FakeRequest) => {
            posted.push(r);
            return { status: 201, body: measurements[0] };
          },
          [`POST ${base}/measurements/${measurements[1]!.id}/removal`]: (r: FakeRequest) => {
            posted.push(r);
            return { status: 204 };
          },
        }),
      ).fetch,
    );
    renderApp(`/objectives/${objective.id}`);
    const form = await screen.findByRole('form', { name: 'Record measurement' }, slow);
    fireEvent.change(within(form).getByRole('textbox', { name: 'Value' }), {
      target: { value: '12' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: 'Note' }), {
      target: { value: 'January' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Record measurement' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]!.body).toMatchObject({ value: 12, note: 'January' });

    fireEvent.click(screen.getByRole('button', { name: 'Remove 2026-12-01' }));
    const dialog = await screen.findByRole('dialog');
    const remove = within(dialog).getByRole('button', { name: 'Remove' });
    expect(remove.hasAttribute('disabled')).toBe(true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Reason/ }), {
      target: { value: 'Entered twice' },
    });
    fireEvent.click(remove);
    await waitFor(() => expect(posted).toHaveLength(2));
    expect(posted[1]!.body).toEqual({ reason: 'Entered twice' });
  });

  it('checks a CSV first and lists every faulty row before anything is imported', async () => {
    const sent: FakeRequest[] = [];
    vi.stubGlobal(
      'fetch',
      fakeApi(
        routes(managerSession(), {
          [`POST ${base}/measurements/import`]: (r: FakeRequest) => {
            sent.push(r);
            return {
              body: {
                rows: 2,
                imported: 0,
                dryRun: true,
                errors: [
                  { row: 3, column: 'value', code: 'not_a_number', message: 'Not a number' },
                ],
              },
            };
          },
        }),
      ).fetch,
    );
    renderApp(`/objectives/${objective.id}`);
    const input = await screen.findByLabelText('CSV file', {}, slow);
    const file = new File(['measured_on,value\n2026-10-01,15\n2026-11-01,x\n'], 'm.csv', {
      type: 'text/csv',
    });
    const hidden = document.querySelector('input[type="file"]') as HTMLInputElement;
    fireEvent.change(hidden ?? input, { target: { files: [file] } });
    const check = screen.getByRole('button', { name: 'Check' });
    await waitFor(() => expect(check.hasAttribute('disabled')).toBe(false));
    fireEvent.click(check);
    const errors = await screen.findByRole('table', {
      name: '1 problems: nothing will be imported until they are fixed.',
    });
    expect(within(errors).getByText('Not a number')).toBeTruthy();
    expect(sent[0]!.body).toMatchObject({
      dryRun: true,
      csv: expect.stringContaining('2026-11-01,x'),
    });
    expect(screen.queryByRole('button', { name: /Import \d+ rows/ })).toBeNull();
  });

  it('edits with If-Match and keeps what was typed when someone saved first', async () => {
    const patches: FakeRequest[] = [];
    vi.stubGlobal(
      'fetch',
      fakeApi(
        routes(managerSession(), {
          [`PATCH ${base}`]: (r: FakeRequest) => {
            patches.push(r);
            return problem(412, 'Changed meanwhile');
          },
        }),
      ).fetch,
    );
    renderApp(`/objectives/${objective.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }, slow));
    const dialog = await screen.findByRole('dialog', { name: 'Edit' });
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    fireEvent.change(title, { target: { value: 'Open rate at most 8%' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await within(dialog).findByText('Someone changed this objective meanwhile'),
    ).toBeTruthy();
    expect(patches[0]!.headers.get('if-match')).toBe('"3"');
    expect((title as HTMLInputElement).value).toBe('Open rate at most 8%');
  });

  it('shows readers no measurement form, upload or edit', async () => {
    vi.stubGlobal('fetch', fakeApi(routes(readerSession())).fetch);
    renderApp(`/objectives/${objective.id}`);
    expect(await screen.findByRole('table', { name: 'Measurements' }, slow)).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Record measurement' })).toBeNull();
    expect(screen.queryByLabelText('CSV file')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });
});
