import { describe, expect, it } from 'vitest';
import { en, ja } from './complete.ts';
import { flatten } from './tree.ts';

/** Keys present in one tree and missing in the other, both ways. */
export function missingKeys(a: unknown, b: unknown) {
  const left = flatten(a);
  const right = flatten(b);
  return {
    missingInSecond: [...left.keys()].filter((key) => !right.has(key)).sort(),
    missingInFirst: [...right.keys()].filter((key) => !left.has(key)).sort(),
  };
}

/** Leaves that are not non-empty strings. */
export function emptyValues(tree: unknown) {
  return [...flatten(tree)]
    .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
    .map(([key]) => key)
    .sort();
}

/** `{{name}}` placeholders used in a string. */
function placeholders(value: unknown) {
  return typeof value === 'string'
    ? [...value.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort()
    : [];
}

describe('locale files', () => {
  it('ja.json and en.json have exactly the same keys', () => {
    const { missingInFirst, missingInSecond } = missingKeys(ja, en);
    expect(
      missingInFirst,
      `keys in en.json missing from ja.json:\n  ${missingInFirst.join('\n  ')}`,
    ).toEqual([]);
    expect(
      missingInSecond,
      `keys in ja.json missing from en.json:\n  ${missingInSecond.join('\n  ')}`,
    ).toEqual([]);
  });

  it.each([
    ['en', en],
    ['ja', ja],
  ])('%s has no empty values', (_name, tree) => {
    const empty = emptyValues(tree);
    expect(empty, `empty or non-string values:\n  ${empty.join('\n  ')}`).toEqual([]);
  });

  it('uses the same interpolation placeholders in both languages', () => {
    const english = flatten(en);
    const mismatched = [...flatten(ja)]
      .filter(
        ([key, value]) => placeholders(value).join() !== placeholders(english.get(key)).join(),
      )
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('the comparison reports missing keys and empty values (self-check)', () => {
    const a = { shell: { title: 'x', menu: { open: 'o' } } };
    const b = { shell: { title: 'y', menu: {} }, extra: 'z' };
    expect(missingKeys(a, b)).toEqual({
      missingInSecond: ['shell.menu.open'],
      missingInFirst: ['extra'],
    });
    expect(emptyValues({ a: '', b: { c: '  ', d: 'ok' } })).toEqual(['a', 'b.c']);
  });
});
