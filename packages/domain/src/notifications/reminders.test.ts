import { describe, expect, it } from 'vitest';
import type { DueItem } from '@mamoru/contracts';
import { daysBetween, escalationsFrom, remindersFrom } from './reminders.ts';

const ALICE = '00000000-0000-4000-8000-00000000000a';
const BOB = '00000000-0000-4000-8000-00000000000b';
const HEAD = '00000000-0000-4000-8000-0000000000ff';

const item = (over: Partial<DueItem>): DueItem => ({
  kind: 'document_review',
  area: 'documents',
  subjectId: 'doc-1',
  key: 'document_review:doc-1:2026-12-10',
  title: 'DOC-001 Access policy',
  dueOn: '2026-12-10',
  event: false,
  responsibleId: ALICE,
  responsibleName: 'Alice',
  href: '/documents/doc-1',
  ...over,
});

describe('remindersFrom', () => {
  const today = '2026-12-07';

  it('announces a deadline within seven days to the responsible person, once per item key', () => {
    const [draft, ...rest] = remindersFrom([item({})], today);
    expect(rest).toEqual([]);
    expect(draft).toMatchObject({
      recipientId: ALICE,
      kind: 'due_soon',
      dedupeKey: 'due_soon:document_review:doc-1:2026-12-10',
      params: { dueOn: '2026-12-10', days: 3, itemKind: 'document_review' },
      href: '/documents/doc-1',
    });
  });

  it('leaves deadlines beyond the horizon and items without a responsible person', () => {
    expect(
      remindersFrom([item({ dueOn: '2026-12-15' }), item({ responsibleId: null })], today),
    ).toEqual([]);
    expect(remindersFrom([item({ dueOn: '2026-12-14' })], today)).toHaveLength(1);
  });

  it('announces events only the day before or on the day, and never as overdue', () => {
    const audit = (dueOn: string) => item({ kind: 'audit', event: true, dueOn, key: `a:${dueOn}` });
    expect(remindersFrom([audit('2026-12-09')], today)).toEqual([]);
    expect(remindersFrom([audit('2026-12-08')], today).map((d) => d.kind)).toEqual(['due_soon']);
    expect(remindersFrom([audit('2026-12-07')], today).map((d) => d.kind)).toEqual(['due_soon']);
    expect(remindersFrom([audit('2026-12-01')], today)).toEqual([]);
  });

  it('reports a passed deadline as overdue with the days passed', () => {
    const [draft] = remindersFrom([item({ dueOn: '2026-12-01' })], today);
    expect(draft).toMatchObject({ kind: 'overdue', params: { days: 6 } });
    expect(draft!.dedupeKey).toBe('overdue:document_review:doc-1:2026-12-10');
  });

  it('honours other horizons', () => {
    expect(
      remindersFrom([item({ dueOn: '2026-12-20' })], today, { daysAhead: 14, eventDaysAhead: 1 }),
    ).toHaveLength(1);
  });
});

describe('escalationsFrom', () => {
  const heads = new Map([
    [ALICE, HEAD],
    [HEAD, HEAD],
  ]);
  const headOf = (id: string) => heads.get(id);

  it("sends an item overdue by N days or more to the responsible person's unit head", () => {
    const drafts = escalationsFrom([item({ dueOn: '2026-11-30' })], '2026-12-07', 7, headOf);
    expect(drafts).toEqual([
      expect.objectContaining({
        recipientId: HEAD,
        kind: 'escalation',
        dedupeKey: 'escalation:document_review:doc-1:2026-12-10',
        params: expect.objectContaining({ days: 7, responsibleName: 'Alice' }),
      }),
    ]);
  });

  it('waits until N days have passed', () => {
    expect(escalationsFrom([item({ dueOn: '2026-12-01' })], '2026-12-07', 7, headOf)).toEqual([]);
  });

  it('skips people without a head, heads of themselves, events and unassigned items', () => {
    const old = '2026-10-01';
    const items = [
      item({ dueOn: old, responsibleId: BOB }),
      item({ dueOn: old, responsibleId: HEAD }),
      item({ dueOn: old, event: true }),
      item({ dueOn: old, responsibleId: null }),
    ];
    expect(escalationsFrom(items, '2026-12-07', 7, headOf)).toEqual([]);
  });

  it('counts days across months and years', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2027-03-01', '2027-02-28')).toBe(-1);
  });
});
