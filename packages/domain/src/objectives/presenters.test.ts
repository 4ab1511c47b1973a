import { describe, expect, it } from 'vitest';
import { objectiveCode, objectiveNumberOf } from './presenters.ts';

describe('objective codes', () => {
  it('reads the number back from the code people cite', () => {
    expect(objectiveNumberOf(objectiveCode(7))).toBe(7);
    expect(objectiveNumberOf(' obj-1234 ')).toBe(1234);
  });

  it('names no objective for text that is not a code', () => {
    expect(objectiveNumberOf('OBJ-')).toBeNull();
    expect(objectiveNumberOf('KPI-001')).toBeNull();
  });

  it('names no objective for a number beyond what the database stores (the fuzzer’s 500)', () => {
    expect(objectiveNumberOf('OBJ-2147483647')).toBe(2_147_483_647);
    expect(objectiveNumberOf('OBJ-2147483648')).toBeNull();
    expect(objectiveNumberOf('OBJ-829213963426')).toBeNull();
  });
});
