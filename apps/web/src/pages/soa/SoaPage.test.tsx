import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, problem, sessionInfo, signedInRoutes } from '../../test/fakeApi';
import { renderApp } from '../../test/render';
import type { Soa, SoaEntry } from './api';

const SOA_ID = '00000000-0000-4000-8000-000000000701';
const VERSION_ID = '00000000-0000-4000-8000-000000000702';
const counts = {
  total: 3,
  undecided: 1,
  applicable: 1,
  excluded: 1,
  notImplemented: 1,
  proposed: 1,
};
const version = {
  id: VERSION_ID,
  soaId: SOA_ID,
  number: 1,
  status: 'draft' as const,
  createdBy: null,
  updatedBy: null,
  approvalId: null,
  approvedBy: null,
  approvedAt: null,
  version: 5,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  counts,
};
const soa: Soa = {
  id: SOA_ID,
  title: 'Statement of Applicability',
  libraryId: 'jipdec-isms-2.0',
  scopeVersionId: '00000000-0000-4000-8000-000000000703',
  scopeVersionNumber: 1,
  createdAt: '2026-01-05T09:00:00.000Z',
  current: version,
  approved: null,
};

const entry = (over: Partial<SoaEntry>): SoaEntry => ({
  controlId: '3.1.1',
  displayId: '3(1)①',
  own: false,
  domainId: '3',
  domainDisplayId: '3',
  domainTitle: { ja: '情報セキュリティポリシー', en: 'Security policy' },
  objectiveId: '3.1',
  objectiveDisplayId: '3(1)',
  objectiveTitle: { ja: '情報セキュリティポリシー', en: 'Information security policy' },
  title: { ja: '情報セキュリティ基本方針文書', en: 'Information security policy document' },
  summary: { ja: '要約', en: 'Top management approves the policy.' },
  applicable: null,
  proposed: false,
  reasons: [],
  exclusionReason: '',
  riskAcceptedBy: null,
  riskAcceptedOn: null,
  implementationStatus: 'not_started',
  links: [],
  ownerUserId: null,
  notes: '',
  updatedBy: null,
  updatedAt: '2026-01-05T09:00:00.000Z',
  ...over,
});

const entries = [
  entry({
    applicable: true,
    proposed: true,
    reasons: [{ type: 'risk', note: '', link: { type: 'risk', id: 'r1', label: 'R-000001' } }],
  }),
  entry({
    controlId: '3.1.2',
    displayId: '3(1)②',
    title: { ja: 'ポリシーの公表', en: 'Publication of the policy' },
  }),
  entry({
    controlId: '3.1.3',
    displayId: '3(1)③',
    title: { ja: 'ポリシーの見直し', en: 'Review of the policy' },
    applicable: false,
    exclusionReason: 'Not relevant',
  }),
];

function routes(extra: Record<string, unknown> = {}) {
  return {
    ...signedInRoutes(sessionInfo('admin')),
    'GET /api/v1/soa': { items: [soa], nextCursor: null },
    [`GET /api/v1/soa/${SOA_ID}`]: soa,
    [`GET /api/v1/soa/${SOA_ID}/entries`]: { version, items: entries },
    [`GET /api/v1/soa/${SOA_ID}/validation`]: {
      ok: false,
      blockers: [
        { controlId: '3.1.2', displayId: '3(1)②', code: 'undecided' },
        { controlId: '3.1.3', displayId: '3(1)③', code: 'acceptance_missing' },
      ],
    },
    'GET /api/v1/users': { items: [], nextCursor: null },
    ...extra,
  };
}

// The first render loads the lazy page and Mantine; on a busy machine that takes seconds.
const LOAD = 15_000;
describe('statement of applicability page', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('offers to start the statement when none exists', async () => {
    const api = fakeApi({
      ...routes(),
      'GET /api/v1/soa': { items: [], nextCursor: null },
      'POST /api/v1/soa': problem(422, 'The request is not valid.', {
        errors: [{ field: 'scopeVersionId', message: 'Define the ISMS scope first.' }],
      }),
    });
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/statement-of-applicability');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Start the statement' }, { timeout: LOAD }),
    );
    expect(await screen.findByText('Define the ISMS scope first.')).toBeTruthy();
  });

  it('groups controls by objective, filters, and saves a decision with If-Match', async () => {
    let patch: { ifMatch: string | null; body: unknown } | undefined;
    const api = fakeApi(
      routes({
        [`PATCH /api/v1/soa/${SOA_ID}/entries/3.1.2`]: ({
          headers,
          body,
        }: {
          headers: Headers;
          body: unknown;
        }) => {
          patch = { ifMatch: headers.get('if-match'), body };
          return { body: { entry: entries[1], version: { ...version, version: 6 } } };
        },
      }),
    );
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/statement-of-applicability');

    expect(await screen.findByText('Version 1: Draft', {}, { timeout: LOAD })).toBeTruthy();
    expect(
      await screen.findByText('A.3.1 Information security policy', {}, { timeout: LOAD }),
    ).toBeTruthy();
    expect(screen.getByText('Applicable · Proposed from risks')).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Undecided' }));
    expect(screen.queryByText('Information security policy document')).toBeNull();

    fireEvent.click(screen.getByText('Publication of the policy'));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('No risk treatment selects this control.')).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('radio', { name: 'Applicable' }));
    fireEvent.click(within(drawer).getByRole('button', { name: 'Add reason' }));
    fireEvent.change(within(drawer).getByLabelText('Note'), {
      target: { value: 'Customer contracts' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: 'Save entry' }));
    await vi.waitFor(() => expect(patch?.ifMatch).toBe('"5"'));
    expect(patch?.body).toMatchObject({
      applicable: true,
      reasons: [{ type: 'business', note: 'Customer contracts', link: null }],
    });
  });

  it('shows the statement in force before a newer migration draft, and switches', async () => {
    const DRAFT_ID = '00000000-0000-4000-8000-000000000711';
    const approved = {
      ...version,
      status: 'approved' as const,
      approvedAt: '2026-01-06T09:00:00.000Z',
    };
    const inForce: Soa = { ...soa, current: approved, approved };
    const draft: Soa = {
      ...soa,
      id: DRAFT_ID,
      title: 'SoA 2022',
      libraryId: 'iso-iec-27001-2022',
      createdAt: '2026-02-01T09:00:00.000Z',
      current: { ...version, soaId: DRAFT_ID, number: 1 },
    };
    const api = fakeApi(
      routes({
        'GET /api/v1/soa': { items: [draft, inForce], nextCursor: null },
        [`GET /api/v1/soa/${SOA_ID}`]: inForce,
        [`GET /api/v1/soa/${DRAFT_ID}`]: draft,
        [`GET /api/v1/soa/${DRAFT_ID}/entries`]: { version, items: [] },
        [`GET /api/v1/soa/${DRAFT_ID}/validation`]: { ok: true, blockers: [] },
      }),
    );
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/statement-of-applicability');
    expect(await screen.findByText('Version 1: Approved', {}, { timeout: LOAD })).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Migrate to ISO/IEC 27001:2022' }).getAttribute('href'),
    ).toBe('/statement-of-applicability/migration');
    const picker = screen.getByRole('combobox', { name: 'Statement' });
    expect((picker as HTMLInputElement).value).toBe(
      'Statement of Applicability (Ver.2.0, Approved)',
    );
    fireEvent.click(picker);
    fireEvent.click(
      await screen.findByRole('option', {
        name: 'SoA 2022 (ISO/IEC 27001:2022, Draft)',
        hidden: true,
      }),
    );
    expect(await screen.findByText('Version 1: Draft')).toBeTruthy();
  });

  it('lists blockers as links to their entries and decides in bulk', async () => {
    let bulk: unknown;
    const api = fakeApi(
      routes({
        [`POST /api/v1/soa/${SOA_ID}/entries/bulk`]: ({ body }: { body: unknown }) => {
          bulk = body;
          return { body: { updated: 1, version } };
        },
      }),
    );
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/statement-of-applicability');

    fireEvent.click(await screen.findByRole('tab', { name: 'Blockers (2)' }, { timeout: LOAD }));
    const link = await screen.findByRole('link', { name: /Name who accepted the risk/ });
    fireEvent.click(link);
    expect(await screen.findByRole('dialog')).toBeTruthy();
    expect(screen.getByDisplayValue('Not relevant')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));

    fireEvent.click(screen.getByRole('tab', { name: 'Controls' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select A.3.1.2' }));
    expect(screen.getByText('1 selected')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Justification'), { target: { value: 'Contracts' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply to selected' }));
    await vi.waitFor(() =>
      expect(bulk).toEqual({
        controlIds: ['3.1.2'],
        change: {
          applicable: true,
          reasons: [{ type: 'business', note: 'Contracts', link: null }],
        },
      }),
    );
  });
});
