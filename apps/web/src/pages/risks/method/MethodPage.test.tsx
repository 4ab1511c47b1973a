import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RiskMethodDefinition } from '@mamoru/contracts';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderApp } from '../../../test/render';
import { method, previewOf } from '../fixtures';

const admin = sessionInfo('admin');

function routes(methods: ReturnType<typeof method>[]) {
  return {
    ...signedInRoutes(admin),
    'GET /api/v1/risk-methods': { items: methods, nextCursor: null },
    'POST /api/v1/risk-methods/preview': ({ body }: { body: unknown }) => ({
      body: previewOf(body as RiskMethodDefinition),
    }),
  };
}

describe('risk method page', { timeout: 120_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('shows the full matrix, previews an edit and saves the draft with If-Match', async () => {
    const api = fakeApi({
      ...routes([method()]),
      'PATCH /api/v1/risk-methods/00000000-0000-4000-8000-000000000501': ({ body }) => ({
        body: { ...method(), ...(body as object), version: 4 },
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/risks/method');

    expect(await screen.findByText('Version 1: Draft', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByText(/No version is approved yet/)).toBeTruthy();
    const preview = await screen.findByRole('table', { name: 'Preview of every risk value' });
    // 3 asset values × (3 threats × 3 vulnerabilities); the highest cell is 27.
    expect(within(preview).getAllByRole('row')).toHaveLength(5);
    expect(within(preview).getByText('27')).toBeTruthy();
    expect(within(preview).getAllByText(/✓/).length).toBeGreaterThan(0);

    const submit = screen.getByRole('button', { name: 'Submit for approval' });
    const acceptable = screen.getByRole('textbox', { name: /Acceptable level/ });
    fireEvent.change(acceptable, { target: { value: '8' } });
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() =>
      expect(
        api.calls.some(
          (c) =>
            c.path === '/api/v1/risk-methods/preview' &&
            (c.body as RiskMethodDefinition).acceptableLevel === 8,
        ),
      ).toBe(true),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'PATCH')).toBe(true));
    const patch = api.calls.find((c) => c.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe('"3"');
    expect((patch.body as { definition: RiskMethodDefinition }).definition.acceptableLevel).toBe(8);
  });

  it('switches to the likelihood × impact grid and keeps it the shape of its scales', async () => {
    vi.stubGlobal('fetch', fakeApi(routes([method()])).fetch);
    renderApp('/risks/method');
    fireEvent.click(
      await screen.findByRole('radio', { name: /Likelihood × impact grid/ }, { timeout: 20_000 }),
    );
    const grid = await screen.findByRole('table', { name: 'Likelihood × impact grid' });
    expect(within(grid).getAllByRole('textbox')).toHaveLength(9);
    expect(
      (screen.getByRole('textbox', { name: /likelihood High and impact High/ }) as HTMLInputElement)
        .value,
    ).toBe('9');

    fireEvent.click(screen.getByRole('button', { name: 'Add a level to Impact' }));
    expect(within(grid).getAllByRole('textbox')).toHaveLength(12);
  });

  it('shows an approved version read-only with the next version to start', async () => {
    const approved = method({
      status: 'approved',
      approvedAt: '2026-02-01T10:00:00.000Z',
      number: 2,
    });
    const api = fakeApi({
      ...routes([approved]),
      'POST /api/v1/risk-methods': () => ({ status: 201, body: method({ number: 3 }) }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/risks/method');
    expect(await screen.findByText('Version 2: In force', {}, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByText(/Version 2 is in force/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save draft' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Start the next version' }));
    await waitFor(() =>
      expect(api.calls.some((c) => c.method === 'POST' && c.path === '/api/v1/risk-methods')).toBe(
        true,
      ),
    );
    const created = api.calls.find(
      (c) => c.method === 'POST' && c.path === '/api/v1/risk-methods',
    )!;
    expect((created.body as { definition: unknown }).definition).toEqual(approved.definition);
  });

  it('starts the first method from a preset', async () => {
    const api = fakeApi({
      ...routes([]),
      'POST /api/v1/risk-methods': () => ({ status: 201, body: method() }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/risks/method');
    expect(await screen.findByText('No risk method yet', {}, { timeout: 20_000 })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create the method' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'POST')).toBe(true));
    expect(api.calls.find((c) => c.method === 'POST')!.body).toEqual({
      name: 'Risk assessment method',
      preset: 'multiplicative',
    });
  });
  it('puts a refused first method’s name at its input (422)', async () => {
    const api = fakeApi({
      ...routes([]),
      'POST /api/v1/risk-methods': problem(422, 'Check the values entered.', {
        errors: [{ field: 'name', code: 'too_big', message: 'Too long.' }],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/risks/method');

    fireEvent.click(
      await screen.findByRole('button', { name: 'Create the method' }, { timeout: 20_000 }),
    );
    const name = screen.getByRole('textbox', { name: /^Name/ });
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Too long.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).not.toContain('Too long.');
  });

  it('names the part of a refused next version, never its raw path (422)', async () => {
    const api = fakeApi({
      ...routes([method({ status: 'approved', approvedAt: '2026-02-01T09:00:00.000Z' })]),
      'POST /api/v1/risk-methods': problem(422, 'Check the values entered.', {
        errors: [{ field: 'definition.bands.2.label.ja', code: 'too_small', message: 'Required.' }],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/risks/method');

    fireEvent.click(
      await screen.findByRole('button', { name: 'Start the next version' }, { timeout: 20_000 }),
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Risk levels and acceptance: Required.')).toBeTruthy();
    expect(alert.textContent).not.toContain('definition');
  });
});
