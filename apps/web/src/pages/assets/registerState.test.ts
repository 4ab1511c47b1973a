import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COLUMNS,
  definitionOf,
  INITIAL_STATE,
  sameDefinition,
  stateOf,
  toggleColumn,
} from './registerState';

describe('register state and saved views', () => {
  it('stores only the filters that are set, and reads them back', () => {
    const state = {
      ...INITIAL_STATE,
      filters: { ...INITIAL_STATE.filters, category: 'software', q: '  payroll ' },
      sort: 'value' as const,
      direction: 'desc' as const,
      columns: ['code', 'name', 'value'] as const,
    };
    const definition = definitionOf({ ...state, columns: [...state.columns] });
    expect(definition).toEqual({
      filters: { category: 'software', q: 'payroll' },
      sort: 'value',
      direction: 'desc',
      columns: ['code', 'name', 'value'],
    });
    const back = stateOf(definition);
    expect(back.filters).toMatchObject({ category: 'software', q: 'payroll', owner: null });
    expect(back.sort).toBe('value');
  });

  it('leaves out what it does not know and always keeps the code column', () => {
    const state = stateOf({
      filters: { tag: 'x', status: 'retired' },
      sort: 'colour',
      columns: ['name', 'colour', 'owner'],
    });
    expect(state.filters.status).toBe('retired');
    expect(state.sort).toBe('code');
    expect(state.direction).toBe('asc');
    expect(state.columns).toEqual(['code', 'name', 'owner']);
  });

  it('toggles columns in the register order and never hides the code', () => {
    expect(toggleColumn(['code', 'value'], 'name')).toEqual(['code', 'name', 'value']);
    expect(toggleColumn(['code', 'name', 'value'], 'name')).toEqual(['code', 'value']);
    expect(toggleColumn(['code', 'name'], 'code')).toEqual(['code', 'name']);
  });

  it('compares definitions by what they show', () => {
    const a = definitionOf(INITIAL_STATE);
    expect(sameDefinition(a, { ...a, filters: { unknown: 'x' } })).toBe(true);
    expect(sameDefinition(a, { ...a, columns: [...DEFAULT_COLUMNS, 'tags'] })).toBe(false);
  });
});
