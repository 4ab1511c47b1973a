import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EvidencePack } from '@mamoru/contracts';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';

// The pages load lazily; on a busy machine the first render takes seconds.
const slow = { timeout: 20_000 };

const base = sessionInfo('admin');
const manager = {
  ...base,
  permissions: {
    ...base.permissions,
    'evidence_packs:read': 'all' as const,
    'evidence_packs:create': 'all' as const,
  },
};
const auditor = {
  ...base,
  user: { ...base.user, roles: ['external_auditor' as const], displayName: 'Erika Auditor' },
  permissions: {
    'organization:read': 'all' as const,
    'isms:read': 'all' as const,
    'audits:read': 'all' as const,
    'evidence_packs:read': 'all' as const,
  },
};

const ready: EvidencePack = {
  id: '00000000-0000-4000-8000-000000000e01',
  status: 'succeeded',
  phase: null,
  processed: 10,
  total: 10,
  asOf: '2026-11-30',
  auditId: null,
  lang: 'ja',
  createdBy: { id: base.user.id, name: 'Aiko Admin' },
  createdAt: '2026-11-30T09:00:00.000Z',
  finishedAt: '2026-11-30T09:00:20.000Z',
  file: { name: 'evidence-pack-Example-Corp-2026-11-30-ja.zip', bytes: 2_400_000, sha256: 'ab' },
  emptyParts: ['review_minutes'],
  error: null,
};
const running: EvidencePack = {
  ...ready,
  id: '00000000-0000-4000-8000-000000000e02',
  status: 'running',
  phase: 'risks',
  processed: 1,
  finishedAt: null,
  file: null,
  emptyParts: [],
  lang: 'en',
};
const pruned: EvidencePack = { ...ready, id: '00000000-0000-4000-8000-000000000e03', file: null };

describe('evidence pack', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('starts a pack as of a day in the chosen language and shows its progress, then the download', async () => {
    let listed: EvidencePack[] = [];
    let polls = 0;
    const api = fakeApi({
      ...signedInRoutes(manager),
      'GET /api/v1/evidence-packs': () => {
        polls += 1;
        // Ready on the second poll after it started.
        if (listed[0]?.status === 'running' && polls > 3) listed = [{ ...ready, lang: 'en' }];
        return { body: { items: listed, keep: 10 } };
      },
      'POST /api/v1/evidence-packs': () => {
        listed = [running];
        return { status: 202, body: running };
      },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/evidence-pack');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Evidence pack' }, slow),
    ).toBeTruthy();
    expect(await screen.findByText('No pack yet')).toBeTruthy();
    expect(screen.getByText(/Generate the first pack above/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('As-of date'), { target: { value: '2026-11-30' } });
    const lang = screen.getByRole('radiogroup', { name: 'Language of the pack' });
    fireEvent.click(within(lang).getByRole('radio', { name: 'English' }));
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'POST')?.body).toEqual({
        lang: 'en',
        asOf: '2026-11-30',
      }),
    );
    expect(
      await screen.findByText('Preparing: risk assessment and treatment plan (1 of 10)', {}, slow),
    ).toBeTruthy();
    const link = await screen.findByRole(
      'link',
      { name: 'Download the pack as of 2026-11-30' },
      { timeout: 15_000 },
    );
    expect(link.getAttribute('href')).toBe(`/api/v1/evidence-packs/${ready.id}/download`);
    expect(screen.getByText('2.3 MiB')).toBeTruthy();
  });

  it('shows a refused day beside the date field', async () => {
    const api = fakeApi({
      ...signedInRoutes(manager),
      'GET /api/v1/evidence-packs': { items: [], keep: 10 },
      'POST /api/v1/evidence-packs': problem(422, 'Check the values entered.', {
        errors: [
          {
            field: 'asOf',
            code: 'evidence_pack_as_of_future',
            message: 'Choose today or an earlier day.',
          },
        ],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/evidence-pack');
    const date = await screen.findByLabelText('As-of date', {}, slow);
    fireEvent.change(date, { target: { value: '2999-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    expect(await screen.findByText('Choose today or an earlier day.')).toBeTruthy();
    expect(date.getAttribute('aria-invalid')).toBe('true');
  });

  it('offers the internal audits to prepare a pack for', async () => {
    const api = fakeApi({
      ...signedInRoutes(manager),
      'GET /api/v1/evidence-packs': { items: [], keep: 10 },
      'GET /api/v1/audits': {
        items: [{ id: '00000000-0000-4000-8000-0000000000a1', code: 'IA-2026-01', title: 'Sales' }],
        nextCursor: null,
      },
      'POST /api/v1/evidence-packs': { status: 202, body: running },
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/evidence-pack');
    fireEvent.click(await screen.findByRole('radio', { name: 'An internal audit' }, slow));
    const select = await screen.findByRole('combobox', { name: /^Internal audit/ });
    expect((screen.getByRole('button', { name: 'Generate' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    select.focus();
    fireEvent.keyDown(select, { key: 'ArrowDown' });
    fireEvent.click(await screen.findByRole('option', { name: 'IA-2026-01 Sales', hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Generate' }));
    await vi.waitFor(() =>
      expect(api.calls.find((c) => c.method === 'POST')?.body).toMatchObject({
        auditId: '00000000-0000-4000-8000-0000000000a1',
      }),
    );
  });

  it('lets an external auditor download, without the form, and says which packs are gone', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        ...signedInRoutes(auditor),
        'GET /api/v1/evidence-packs': { items: [ready, pruned], keep: 10 },
      }).fetch,
    );
    renderApp('/evidence-pack');
    const table = await screen.findByRole('table', {}, slow);
    expect(within(table).getAllByRole('link', { name: /^Download the pack/ })).toHaveLength(1);
    expect(within(table).getByText('No longer kept')).toBeTruthy();
    expect(within(table).getAllByText('1 part(s) with nothing to show')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Generate' })).toBeNull();
  });
});
