import { describe, expect, it } from 'vitest';
import { emptyRisks, emptySnapshot } from '../fixtures.ts';
import type { ConformitySnapshot } from '../types.ts';
import { RULES } from './index.ts';

const plan: ConformitySnapshot['treatment'] = {
  actions: 3,
  open: 2,
  withoutOwner: 0,
  withoutDueDate: 0,
  withoutResources: 0,
  overdue: 0,
  dueSoon: 0,
};
const links = (t: Partial<ConformitySnapshot['treatment']>) =>
  RULES['4.2.2.a']!(
    emptySnapshot({ risks: emptyRisks, treatment: { ...plan, ...t } }),
  ).links.filter((l) => l.kind === 'gap');

describe('treatment plan gaps (4.2.2.a)', () => {
  it('links no filtered list while every open action has an owner, due date and resources', () => {
    expect(links({})).toEqual([]);
  });

  it.each([
    ['withoutOwner', '/treatment-plan?missing=owner&open=true', 'Actions without an owner'],
    ['withoutDueDate', '/treatment-plan?missing=dueDate&open=true', 'Actions without a due date'],
    [
      'withoutResources',
      '/treatment-plan?missing=resources&open=true',
      'Actions stating no resources or budget',
    ],
  ] as const)('links %s to exactly the open actions at fault', (fault, href, en) => {
    const found = links({ [fault]: 2 });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ href, label: { en } });
    expect(found[0]!.label.ja.length).toBeGreaterThan(0);
    expect(links({ [fault]: 0 }).map((l) => l.href)).not.toContain(href);
  });

  it('links every fault at once when all count', () => {
    expect(
      links({ withoutOwner: 1, withoutDueDate: 1, withoutResources: 1 }).map((l) => l.href),
    ).toEqual([
      '/treatment-plan?missing=owner&open=true',
      '/treatment-plan?missing=dueDate&open=true',
      '/treatment-plan?missing=resources&open=true',
    ]);
  });
});
