import { describe, expect, it } from 'vitest';
import {
  REVIEW_INPUT_SECTIONS,
  decisionOutputSchema,
  procedureReasonSchema,
  reviewStatusSchema,
  attendeeRoleSchema,
} from '@mamoru/contracts';
import type { ReviewRow } from '@mamoru/db/repositories/reviews-rows';
import { buildMinutesDocument, formatAmount, type MinutesSource } from './export-content.ts';
import { kindText, statusText } from './export-item-labels.ts';
import {
  ATTENDEE_ROLE_TEXT,
  FIGURE_TEXT,
  MINUTES_TEXT,
  OUTPUT_TEXT,
  REASON_TEXT,
  REVIEW_STATUS_TEXT,
  SECTION_TEXT,
} from './export-labels.ts';

/** The figure keys the input pack writes (agreed in the team notes). */
const FIGURE_KEYS = [
  'auditsCompleted', 'auditReportsApproved', 'findingsMajor', 'findingsMinor', 'observations',
  'opportunities', 'externalNonconformities', 'previousReviews', 'feedbackReceived',
  'feedbackPositive', 'feedbackNeutral', 'feedbackNegative', 'feedbackUnanswered',
  'improvementsAccepted', 'improvementsImplemented', 'nonconformitiesOpen',
  'nonconformitiesClosed', 'potentialOpen', 'actionsPlanned', 'actionsImplemented',
  'actionsOverdue', 'reviewsEffective', 'reviewsNotEffective', 'risksAboveAcceptable',
  'risksUntreated', 'previousDecisions', 'decisionsDone', 'decisionsOpen', 'decisionsOverdue',
  'scopeVersions', 'soaVersions', 'unitsChanged', 'assetsAdded', 'assetsRetired',
  'methodChanges', 'improvementsProposed', 'preventiveProposals', 'readiness', 'met',
  'partial', 'gap', 'notEvidenced',
]; // prettier-ignore

const review = (over: Partial<ReviewRow> = {}): ReviewRow => ({
  id: '00000000-0000-4000-8000-0000000000aa',
  organizationId: '00000000-0000-4000-8000-0000000000bb',
  number: 3,
  title: 'Annual review',
  plannedOn: '2026-03-10',
  location: '',
  agenda: ['Inputs', 'Outputs'],
  status: 'held',
  periodStart: '2025-03-01',
  inputsPreparedAt: new Date('2026-03-01T00:00:00Z'),
  inputsPreparedBy: null,
  heldOn: '2026-03-12',
  minutesSummary: '',
  submittedAt: null,
  approvedAt: null,
  approvedBy: null,
  distributedAt: null,
  distributedBy: null,
  cancelReason: '',
  createdBy: null,
  version: 4,
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-03-12T00:00:00Z'),
  ...over,
});

const source = (over: Partial<MinutesSource> = {}): MinutesSource => ({
  review: review(),
  orgName: 'Org',
  names: new Map(),
  attendees: [],
  decisions: [],
  inputs: [],
  issuedOn: '2026-03-15',
  ...over,
});

const input = (section: string, over: Record<string, unknown> = {}) => ({
  section,
  available: true,
  figures: {},
  items: [],
  omitted: 0,
  discussion: '',
  ...over,
});

describe('minutes export labels', () => {
  it('labels every code the area defines, in both languages', () => {
    for (const lang of ['ja', 'en'] as const) {
      for (const key of FIGURE_KEYS) expect(FIGURE_TEXT[lang][key], key).toBeTruthy();
      for (const s of REVIEW_INPUT_SECTIONS) expect(SECTION_TEXT[lang][s], s).toBeTruthy();
      for (const o of decisionOutputSchema.options) expect(OUTPUT_TEXT[lang][o], o).toBeTruthy();
      for (const r of procedureReasonSchema.options) expect(REASON_TEXT[lang][r], r).toBeTruthy();
      for (const s of reviewStatusSchema.options)
        expect(REVIEW_STATUS_TEXT[lang][s], s).toBeTruthy();
      for (const r of attendeeRoleSchema.options)
        expect(ATTENDEE_ROLE_TEXT[lang][r], r).toBeTruthy();
    }
    expect(Object.keys(FIGURE_TEXT.ja).sort()).toEqual(Object.keys(FIGURE_TEXT.en).sort());
    expect(Object.keys(MINUTES_TEXT.ja).sort()).toEqual(Object.keys(MINUTES_TEXT.en).sort());
  });

  it('writes Japanese labels without stray Latin words (names and item numbers aside)', () => {
    const strings = [
      ...Object.values(FIGURE_TEXT.ja),
      ...Object.values(SECTION_TEXT.ja),
      ...Object.values(OUTPUT_TEXT.ja),
      ...Object.values(REASON_TEXT.ja),
      ...Object.values(REVIEW_STATUS_TEXT.ja),
      ...Object.values(ATTENDEE_ROLE_TEXT.ja),
      ...Object.values(MINUTES_TEXT.ja).flatMap((v) =>
        typeof v === 'function' ? [(v as (arg: unknown) => string)(3)] : Array.isArray(v) ? v : [v],
      ),
    ];
    const latin = strings.filter((s) =>
      /[A-Za-z]/.test(s.replace(/ISMS|Mamoru|第\d \d\. [a-h]/g, '')),
    );
    expect(latin).toEqual([]);
  });

  it('labels item statuses per kind where a code means something else', () => {
    expect(statusText('en', 'risk', 'accepted')).toBe('Risk accepted');
    expect(statusText('en', 'preventive_proposal', 'accepted')).toBe('Accepted');
    expect(statusText('ja', 'interested_party_feedback', 'open')).toBe('未回答');
    expect(statusText('ja', 'internal_audit', 'open')).toBe('未対応');
    expect(statusText('ja', 'nonconformity', 'in_action')).toBe('処置中');
    expect(statusText('ja', 'nonconformity', 'brand_new_code')).toBe('—');
    expect(statusText('en', 'risk', null)).toBe('');
    expect(kindText('ja', 'interested_party_feedback')).toBe('利害関係者の声');
  });
});

describe('buildMinutesDocument', () => {
  it('marks unapproved minutes a draft and says the action is created on approval', () => {
    const decision = {
      number: 1,
      output: 'resources',
      procedureReason: null,
      amount: 5000,
      currency: 'USD',
      title: 'Buy a backup appliance',
      description: '',
      inputSections: ['e'],
      ownerName: 'Owner',
      dueDate: '2026-06-30',
      improvementNumber: null,
      improvementStatus: null,
    };
    const doc = buildMinutesDocument(source({ decisions: [decision] }), 'en');
    expect(doc.draft).toBe(true);
    expect(doc.code).toBe('MR-0003');
    expect(doc.decisions).toEqual([
      [
        1,
        '6.3 c  Provide resources',
        'Buy a backup appliance\nAnswers inputs: e',
        '$5,000',
        'Owner',
        '2026-06-30',
        'Created on approval',
      ],
    ]);
    const approved = buildMinutesDocument(
      source({
        review: review({ status: 'approved', approvedAt: new Date('2026-03-20T00:00:00Z') }),
        decisions: [{ ...decision, improvementNumber: 12, improvementStatus: 'implemented' }],
      }),
      'en',
    );
    expect(approved.draft).toBe(false);
    expect(approved.decisions[0]![6]).toBe('IMP-0012 Implemented');
    expect(approved.cover).toContainEqual(['Approved on', '2026-03-20']);
  });

  it('orders the sections as the standard does and says why a section is bare', () => {
    const doc = buildMinutesDocument(
      source({
        inputs: [
          input('objectives', { available: false }),
          input('b', { figures: { feedbackReceived: 0 } }),
          input('a', { figures: { previousReviews: 1 }, discussion: 'Discussed.' }),
          input('d', { figures: {}, omitted: 3 }),
        ],
      }),
      'en',
    );
    expect(doc.annex.map((s) => [s.key, s.note])).toEqual([
      ['a', null],
      ['b', 'There was nothing to report for the period.'],
      ['d', null],
      ['objectives', 'Mamoru has no area that provides this input yet.'],
    ]);
    expect(doc.annex[2]!.omittedNote).toBe('3 more not listed (the figures count them).');
    expect(doc.discussion.map((d) => [d.key, d.text])).toEqual([
      ['a', 'Discussed.'],
      ['b', 'Not recorded'],
      ['d', 'Not recorded'],
    ]);
  });

  it('prints items with labels and skips malformed ones', () => {
    const doc = buildMinutesDocument(
      source({
        inputs: [
          input('g', {
            figures: { assetsAdded: 1 },
            items: [
              {
                kind: 'asset',
                id: 'x',
                ref: 'A-001',
                title: 'Laptop',
                status: 'in_use',
                date: '2026-01-05',
                href: '/assets/x',
                change: 'added',
                detail: 'PC',
              },
              { kind: 'asset', title: 'no id nor href' },
            ],
          }),
        ],
      }),
      'ja',
    );
    expect(doc.annex[0]!.items).toEqual([
      ['資産', 'A-001', 'Laptop', '使用中', '2026-01-05', '追加 / PC'],
    ]);
    expect(doc.annex[0]!.figures).toEqual([['追加された資産', 1]]);
  });

  it('formats amounts in the reader’s language', () => {
    expect(formatAmount('ja', 1_200_000, 'JPY')).toBe('￥1,200,000');
    expect(formatAmount('en', 1_200_000, 'JPY')).toBe('¥1,200,000');
  });
});
