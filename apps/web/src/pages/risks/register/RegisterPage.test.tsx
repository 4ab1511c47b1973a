import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderApp } from '../../../test/render';
import { method, risk, threat } from '../fixtures';

const admin = sessionInfo('admin');
const inForce = method({ status: 'approved', approvedAt: '2026-02-01T10:00:00.000Z' });
const one = risk(1);

const common = {
  ...signedInRoutes(admin),
  'GET /api/v1/risk-methods': { items: [inForce], nextCursor: null },
  'GET /api/v1/users': { items: [], nextCursor: null },
  'GET /api/v1/threats': { items: [threat()], nextCursor: null },
  'GET /api/v1/vulnerabilities': { items: [], nextCursor: null },
  [`GET /api/v1/risks/${one.id}`]: one,
};

describe('risk register', { timeout: 120_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('takes its filter from the URL, sends filters and sort to the server', async () => {
    const api = fakeApi({
      ...common,
      'GET /api/v1/risks': {
        items: [one, risk(2, { value: 4, evaluation: 'accept' })],
        nextCursor: null,
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderApp('/risks?likelihood=3&impact=2');

    const table = await screen.findByRole('table', { name: 'Risk register' }, { timeout: 45_000 });
    expect(within(table).getByText('R-000001')).toBeTruthy();
    expect(within(table).getAllByText('High').length).toBeGreaterThan(0);
    expect(screen.getByText('Heat map cell: likelihood 3, impact 2')).toBeTruthy();
    const first = api.calls.find((c) => c.path === '/api/v1/risks')!;
    expect(first.query.get('likelihood')).toBe('3');
    expect(first.query.get('impact')).toBe('2');

    fireEvent.click(within(table).getByRole('button', { name: /Risk level/ }));
    await waitFor(() => expect(router.state.location.search).toContain('sort=value'));
    await waitFor(() => expect(api.calls.some((c) => c.query.get('sort') === 'value')).toBe(true));

    fireEvent.click(screen.getByRole('button', { name: 'Remove the heat map cell filter' }));
    await waitFor(() => expect(router.state.location.search).not.toContain('likelihood'));
  });

  it.each([
    [
      'evaluation=treat&treatmentOption=none&open=true',
      { evaluation: 'treat', treatmentOption: 'none', open: 'true' },
    ],
    [
      'evaluation=treat&residualAcceptance=pending&open=true',
      { evaluation: 'treat', residualAcceptance: 'pending', open: 'true' },
    ],
  ])('sends the filter of a conformity link (%s) to the server', async (search, sent) => {
    const api = fakeApi({ ...common, 'GET /api/v1/risks': { items: [one], nextCursor: null } });
    vi.stubGlobal('fetch', api.fetch);
    renderApp(`/risks?${search}`);
    await screen.findByRole('table', { name: 'Risk register' }, { timeout: 45_000 });
    const first = api.calls.find((c) => c.path === '/api/v1/risks')!;
    for (const [key, value] of Object.entries(sent)) expect(first.query.get(key)).toBe(value);
  });

  it('shows the open-only filter of a link as a badge whose button removes it', async () => {
    const api = fakeApi({ ...common, 'GET /api/v1/risks': { items: [one], nextCursor: null } });
    vi.stubGlobal('fetch', api.fetch);
    const { router } = renderApp('/risks?evaluation=treat&open=true');
    await screen.findByRole('table', { name: 'Risk register' }, { timeout: 45_000 });
    expect(screen.getByText('Open risks only (not closed)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove this filter' }));
    await waitFor(() => expect(router.state.location.search).not.toContain('open'));
    expect(router.state.location.search).toContain('evaluation=treat');
    const lists = () => api.calls.filter((c) => c.path === '/api/v1/risks');
    await waitFor(() => expect(lists().at(-1)!.query.get('open')).toBeNull());
    expect(lists()[0]!.query.get('open')).toBe('true');
  });

  it('generates risks and follows the job until it has finished', async () => {
    let polls = 0;
    const job = {
      id: '00000000-0000-4000-8000-000000000901',
      kind: 'risk_generation',
      status: 'running',
      phase: 'generate',
      processed: 1,
      total: 3,
      result: null,
      error: null,
      createdAt: '2026-02-01T10:00:00.000Z',
      finishedAt: null,
    };
    const api = fakeApi({
      ...common,
      'GET /api/v1/risks': { items: [], nextCursor: null },
      'POST /api/v1/risks/generate': () => ({ status: 202, body: job }),
      [`GET /api/v1/risks/jobs/${job.id}`]: () => {
        polls += 1;
        return {
          body: { ...job, status: 'succeeded', processed: 3, result: { created: 12, assets: 3 } },
        };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/risks');

    expect(await screen.findByText('No risks yet', {}, { timeout: 45_000 })).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: 'Generate risks' })[0]!);
    const dialog = await screen.findByRole('dialog', {
      name: 'Generate risks from assets and threats',
    });
    fireEvent.click(
      within(dialog).getByRole('radio', { name: /One per threat and vulnerability/ }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Generate' }));
    expect(
      await within(dialog).findByText('12 new risks for 3 assets', {}, { timeout: 20_000 }),
    ).toBeTruthy();
    expect(polls).toBeGreaterThan(0);
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({
      pairing: 'per_vulnerability',
      ownerFromAsset: true,
    });
  });

  it('treats a risk with two controls and sends its residual risk for sign-off', async () => {
    const treated = risk(1, {
      treatmentOption: 'apply_controls',
      version: 5,
      controls: [
        { controlId: '7.1.3', role: 'selected', justification: 'Fire doors' },
        { controlId: '7.2.1', role: 'selected', justification: '' },
      ],
    });
    let current = one;
    const api = fakeApi({
      ...common,
      'GET /api/v1/risks': { items: [one], nextCursor: null },
      [`GET /api/v1/risks/${one.id}`]: () => ({ body: current }),
      [`PUT /api/v1/risks/${one.id}/treatment`]: () => {
        current = treated;
        return { body: treated };
      },
      'POST /api/v1/risks/residual-acceptances': () => ({
        status: 201,
        body: {
          id: '00000000-0000-4000-8000-000000000951',
          approvalId: null,
          status: 'pending',
          riskCount: 1,
          note: '',
          authorizeOperation: true,
          submittedBy: null,
          decidedBy: null,
          decidedAt: null,
          createdAt: '2026-02-01T10:00:00.000Z',
        },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/risks');

    fireEvent.click(await screen.findByRole('button', { name: 'R-000001' }, { timeout: 45_000 }));
    const drawer = await screen.findByRole('dialog', { name: 'Risk R-000001' });
    fireEvent.click(await within(drawer).findByRole('radio', { name: /Apply controls/ }));
    // The threat's usual controls are offered; two of them are picked.
    fireEvent.click(within(drawer).getByRole('button', { name: 'Add 7.1.3' }));
    fireEvent.click(within(drawer).getByRole('button', { name: 'Add 7.2.1' }));
    fireEvent.change(within(drawer).getByRole('textbox', { name: 'What it treats: 7.1.3' }), {
      target: { value: 'Fire doors' },
    });
    // With the method in force the expected residual shows while editing (3 × 3 × 2 = 18).
    expect(within(drawer).getByText('Expected residual')).toBeTruthy();
    expect(within(drawer).getAllByText('18').length).toBeGreaterThan(0);

    fireEvent.click(within(drawer).getByRole('button', { name: 'Save treatment' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = api.calls.find((c) => c.method === 'PUT')!;
    expect(put.headers.get('If-Match')).toBe('"4"');
    expect(put.body).toMatchObject({
      option: 'apply_controls',
      selectedControls: [
        { controlId: '7.1.3', justification: 'Fire doors' },
        { controlId: '7.2.1', justification: '' },
      ],
      residualLikelihood: null,
    });

    const send = await within(drawer).findByRole('button', {
      name: 'Send residual risk for sign-off',
    });
    await waitFor(() => expect((send as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(send);
    const modal = await screen.findByRole('dialog', { name: 'Send residual risks for sign-off' });
    fireEvent.click(within(modal).getByRole('button', { name: 'Send for sign-off' }));
    expect(await within(modal).findByText(/Sent: 1 risks wait/)).toBeTruthy();
    expect(api.calls.find((c) => c.path === '/api/v1/risks/residual-acceptances')!.body).toEqual({
      riskIds: [one.id],
      note: '',
      authorizeOperation: true,
    });
  });
});
