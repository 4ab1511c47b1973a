import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Soa, SoaEntry, SoaMigration, SoaMigrationEntry } from '@mamoru/contracts';
import { fakeApi, sessionInfo, signedInRoutes } from '../../../test/fakeApi';
import { renderApp } from '../../../test/render';

const SOURCE_ID = '00000000-0000-4000-8000-000000000801';
const TARGET_ID = '00000000-0000-4000-8000-000000000802';
const VERSION_ID = '00000000-0000-4000-8000-000000000803';

const source = {
  soaId: SOURCE_ID,
  title: 'SoA Ver.2.0',
  libraryId: 'jipdec-isms-2.0',
  versionId: '00000000-0000-4000-8000-000000000804',
  versionNumber: 3,
  approvedAt: '2026-01-05T09:00:00.000Z',
};
const progress = { total: 2, confirmed: 1, pending: 1, carriedOver: 1, newControls: 1 };
const migration: SoaMigration = {
  id: '00000000-0000-4000-8000-000000000805',
  sourceSoaId: SOURCE_ID,
  sourceVersionId: source.versionId,
  sourceVersionNumber: 3,
  targetSoaId: TARGET_ID,
  targetLibraryId: 'iso-iec-27001-2022',
  createdBy: null,
  createdAt: '2026-02-01T09:00:00.000Z',
  progress,
};
const version = {
  id: VERSION_ID,
  soaId: TARGET_ID,
  number: 1,
  status: 'draft' as const,
  createdBy: null,
  updatedBy: null,
  approvalId: null,
  approvedBy: null,
  approvedAt: null,
  version: 7,
  createdAt: '2026-02-01T09:00:00.000Z',
  updatedAt: '2026-02-01T09:00:00.000Z',
  counts: { total: 2, undecided: 1, applicable: 1, excluded: 0, notImplemented: 0, proposed: 1 },
};
const target: Soa = {
  id: TARGET_ID,
  title: 'SoA 2022',
  libraryId: 'iso-iec-27001-2022',
  scopeVersionId: '00000000-0000-4000-8000-000000000806',
  scopeVersionNumber: 1,
  createdAt: '2026-02-01T09:00:00.000Z',
  current: version,
  approved: null,
};

const entry = (over: Partial<SoaEntry>): SoaEntry => ({
  controlId: '5.1',
  displayId: 'A.5.1',
  own: false,
  domainId: '5',
  domainDisplayId: 'A.5',
  domainTitle: { ja: '組織的管理策', en: 'Organizational controls' },
  objectiveId: '5',
  objectiveDisplayId: 'A.5',
  objectiveTitle: { ja: '組織的管理策', en: 'Organizational controls' },
  title: { ja: '情報セキュリティ方針群', en: 'Security policy set' },
  summary: { ja: '要約', en: 'Summary.' },
  applicable: true,
  proposed: false,
  reasons: [{ type: 'policy', note: 'Policy', link: null }],
  exclusionReason: '',
  riskAcceptedBy: null,
  riskAcceptedOn: null,
  implementationStatus: 'implemented',
  links: [],
  ownerUserId: null,
  notes: '',
  updatedBy: null,
  updatedAt: '2026-02-01T09:00:00.000Z',
  ...over,
});

const carried: SoaMigrationEntry = {
  entry: entry({}),
  sources: [
    {
      controlId: '3.1.1',
      displayId: '3(1)①',
      relation: 'equal',
      confidence: 'high',
      applicable: true,
      implementationStatus: 'implemented',
    },
  ],
  reviewReasons: [],
  review: 'confirmed',
  confirmedBy: null,
  confirmedAt: '2026-02-01T09:00:00.000Z',
};
const threatIntel: SoaMigrationEntry = {
  entry: entry({
    controlId: '5.7',
    displayId: 'A.5.7',
    title: { ja: '脅威インテリジェンス', en: 'Threat intelligence' },
    applicable: null,
    proposed: true,
    reasons: [],
    implementationStatus: 'not_started',
  }),
  sources: [],
  reviewReasons: ['new_control'],
  review: 'pending',
  confirmedBy: null,
  confirmedAt: null,
};

function routes(extra: Record<string, unknown> = {}) {
  return {
    ...signedInRoutes(sessionInfo('admin')),
    'GET /api/v1/soa-migration': { source, migration, targetLibraryId: 'iso-iec-27001-2022' },
    [`GET /api/v1/soa/${TARGET_ID}`]: target,
    'GET /api/v1/users': { items: [], nextCursor: null },
    ...extra,
  };
}

const LOAD = 15_000;
describe('the migration assistant page', { timeout: 30_000 }, () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('says there is nothing to migrate from without a statement in force', async () => {
    const api = fakeApi(
      routes({
        'GET /api/v1/soa-migration': {
          source: null,
          migration: null,
          targetLibraryId: 'iso-iec-27001-2022',
        },
      }),
    );
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/statement-of-applicability/migration');
    expect(
      await screen.findByText('No statement in force to migrate from', {}, { timeout: LOAD }),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Draft the 2022 statement' })).toBeNull();
  });

  it('drafts the 2022 statement from the one in force', async () => {
    let drafted = false;
    const api = fakeApi(
      routes({
        'GET /api/v1/soa-migration': () => ({
          body: {
            source,
            migration: drafted ? migration : null,
            targetLibraryId: 'iso-iec-27001-2022',
          },
        }),
        'POST /api/v1/soa-migration': () => {
          drafted = true;
          return { status: 201, body: migration };
        },
        [`GET /api/v1/soa/${TARGET_ID}/migration`]: { migration, items: [carried], unmapped: [] },
      }),
    );
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/statement-of-applicability/migration');
    expect(
      await screen.findByText(
        'Starting point: “SoA Ver.2.0”, version 3 (approved).',
        {},
        { timeout: LOAD },
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Draft the 2022 statement' }));
    expect(await screen.findByText('Drafted 2 controls; 1 await review.')).toBeTruthy();
    expect(await screen.findByText('Security policy set')).toBeTruthy();
  });

  it('shows sources and progress, filters, and confirms an edited entry with If-Match', async () => {
    let confirm: { ifMatch: string | null; body: unknown } | undefined;
    const api = fakeApi(
      routes({
        [`GET /api/v1/soa/${TARGET_ID}/migration`]: ({ query }: { query: URLSearchParams }) => ({
          body: {
            migration,
            items: query.get('filter') === 'needs_review' ? [threatIntel] : [carried, threatIntel],
            unmapped: [{ controlId: '9.9.9', displayId: '9(9)⑨', applicable: true }],
          },
        }),
        [`POST /api/v1/soa/${TARGET_ID}/migration/entries/5.7/confirm`]: ({
          headers,
          body,
        }: {
          headers: Headers;
          body: unknown;
        }) => {
          confirm = { ifMatch: headers.get('if-match'), body };
          return {
            body: {
              item: { ...threatIntel, review: 'confirmed', confirmedBy: migration.id },
              version: { ...version, version: 8 },
            },
          };
        },
      }),
    );
    vi.stubGlobal('fetch', api.fetch);
    renderApp('/statement-of-applicability/migration');
    expect(
      await screen.findByText(
        '1 of 2 confirmed · 1 awaiting review · 1 new in 2022 · 1 carried over unchanged',
        {},
        { timeout: LOAD },
      ),
    ).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Controls of ISO/IEC 27001:2022' });
    expect(within(table).getByText('A.3.1.1 (equal)')).toBeTruthy();
    expect(within(table).getByText('Carried over')).toBeTruthy();
    expect(screen.getByText('Ver.2.0 controls that map to no 2022 control (1)')).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'Needs review' }));
    await vi.waitFor(() => expect(screen.queryByText('Security policy set')).toBeNull());
    expect(api.calls.some((c) => c.query.get('filter') === 'needs_review')).toBe(true);

    fireEvent.click(screen.getByText('Threat intelligence'));
    const drawer = await screen.findByRole('dialog');
    expect(
      within(drawer).getByText('No Ver.2.0 control maps to this one: decide it afresh.'),
    ).toBeTruthy();
    fireEvent.click(within(drawer).getByRole('radio', { name: 'Applicable' }));
    fireEvent.click(within(drawer).getByRole('button', { name: 'Add reason' }));
    fireEvent.change(within(drawer).getByLabelText('Note'), {
      target: { value: 'Threat feeds' },
    });
    fireEvent.click(within(drawer).getByRole('button', { name: 'Confirm' }));
    await vi.waitFor(() => expect(confirm?.ifMatch).toBe('"7"'));
    expect(confirm?.body).toMatchObject({
      applicable: true,
      reasons: [{ type: 'business', note: 'Threat feeds', link: null }],
    });
    expect(await screen.findByText('A.5.7 confirmed.')).toBeTruthy();
  });
});
