import type { AssetFilter, AssetSort } from '../../api/assets';
import type { SavedViewDefinition } from '../../api/views';

/** Columns of the register; `code` is always shown, it opens the asset. */
export const COLUMNS = [
  'code',
  'name',
  'category',
  'owner',
  'custodian',
  'orgUnit',
  'location',
  'classification',
  'cia',
  'value',
  'status',
  'nextReviewDate',
  'businessProcess',
  'tags',
  'updatedAt',
] as const;
export type Column = (typeof COLUMNS)[number];

export const DEFAULT_COLUMNS: readonly Column[] = [
  'code',
  'name',
  'category',
  'owner',
  'classification',
  'cia',
  'value',
  'status',
  'nextReviewDate',
];

export const SORTABLE: Partial<Record<Column, AssetSort>> = {
  code: 'code',
  name: 'name',
  value: 'value',
  nextReviewDate: 'nextReviewDate',
  updatedAt: 'updatedAt',
};

/** The filters of the bar above the register, as the list endpoint names them. */
export const FILTERS = ['q', 'category', 'classificationId', 'status', 'owner'] as const;
export type FilterName = (typeof FILTERS)[number];
export type Filters = Record<FilterName, string | null>;

export const NO_FILTERS: Filters = {
  q: null,
  category: null,
  classificationId: null,
  status: null,
  owner: null,
};

export interface RegisterState {
  filters: Filters;
  sort: AssetSort;
  direction: 'asc' | 'desc';
  columns: Column[];
}

export const INITIAL_STATE: RegisterState = {
  filters: NO_FILTERS,
  sort: 'code',
  direction: 'asc',
  columns: [...DEFAULT_COLUMNS],
};

const isColumn = (c: string): c is Column => (COLUMNS as readonly string[]).includes(c);
const SORTS: readonly string[] = Object.values(SORTABLE);

/** What a saved view stores: only the filters that are set. */
export function definitionOf(state: RegisterState): SavedViewDefinition {
  const filters: Record<string, string> = {};
  for (const name of FILTERS) {
    const value = state.filters[name]?.trim();
    if (value) filters[name] = value;
  }
  return { filters, sort: state.sort, direction: state.direction, columns: state.columns };
}

/**
 * The register as a saved view describes it. A view saved by an older or
 * newer version may name filters or columns this one does not know: those
 * are left out rather than sent to the server.
 */
export function stateOf(definition: SavedViewDefinition): RegisterState {
  const filters = { ...NO_FILTERS };
  for (const name of FILTERS) filters[name] = definition.filters[name] ?? null;
  const columns = definition.columns.filter(isColumn);
  return {
    filters,
    sort:
      definition.sort && SORTS.includes(definition.sort) ? (definition.sort as AssetSort) : 'code',
    direction: definition.direction ?? 'asc',
    columns: columns.includes('code') ? columns : ['code', ...columns],
  };
}

/** Shows or hides a column, keeping the register's column order; `code` stays. */
export function toggleColumn(columns: readonly Column[], column: Column): Column[] {
  if (column === 'code') return [...columns];
  const visible = new Set(columns);
  if (visible.has(column)) visible.delete(column);
  else visible.add(column);
  return COLUMNS.filter((c) => visible.has(c));
}

/** Whether the register shows what the view describes (so "update view" has nothing to do). */
export function sameDefinition(a: SavedViewDefinition, b: SavedViewDefinition) {
  return JSON.stringify(definitionOf(stateOf(a))) === JSON.stringify(definitionOf(stateOf(b)));
}

export function filterOf(state: RegisterState, q: string): AssetFilter {
  return {
    q,
    category: state.filters.category,
    classificationId: state.filters.classificationId,
    status: state.filters.status,
    owner: state.filters.owner,
    sort: state.sort,
    direction: state.direction,
  };
}
