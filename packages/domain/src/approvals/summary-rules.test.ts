import { describe, expect, it } from 'vitest';
import { bilingual, fieldChanges, firstOf, valueText } from './summary-rules.ts';

const labels = {
  activities: { ja: '事業活動', en: 'Business activities' },
  units: { ja: '組織', en: 'Organizational units' },
};
const same = (text: string) => ({ ja: text, en: text });

describe('summary rules', () => {
  it('lists only the fields whose text changed, in label order', () => {
    expect(
      fieldChanges(
        labels,
        { activities: 'Sales', units: ['a', 'b'] },
        { activities: 'Sales', units: ['a'] },
      ),
    ).toEqual([{ label: labels.units, before: same('a, b'), after: same('a') }]);
  });

  it('counts every filled field as a change when nothing was approved before', () => {
    expect(fieldChanges(labels, null, { activities: 'Sales', units: [] })).toEqual([
      { label: labels.activities, before: same(''), after: same('Sales') },
    ]);
  });

  it('keeps translated values per language, also in lists', () => {
    const info = { ja: '情報', en: 'Information' };
    const people = { ja: '人的資産', en: 'People' };
    expect(bilingual(info)).toEqual(info);
    expect(bilingual([info, people])).toEqual({ ja: '情報、人的資産', en: 'Information, People' });
    expect(fieldChanges(labels, { units: [info] }, { units: [info, people] })).toHaveLength(1);
  });

  it('writes other values as text', () => {
    expect(valueText(null)).toBe('');
    expect(valueText(3)).toBe('3');
    expect(valueText({ a: 1 })).toBe('{"a":1}');
  });

  it('keeps the first items and counts the rest', () => {
    expect(firstOf([1, 2, 3], 2)).toEqual({ items: [1, 2], more: 1 });
    expect(firstOf([1], 2)).toEqual({ items: [1], more: 0 });
  });
});
