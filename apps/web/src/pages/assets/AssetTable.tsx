import { Badge, Checkbox, Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetListItem, AssetSort } from '../../api/assets';
import { useFormat } from '../../lib/format';
import { useColumnLabel } from './ColumnChooser';
import { InlineEdit, type InlineField } from './InlineEdit';
import { SORTABLE, type Column } from './registerState';

function SortHeader({
  column,
  sort,
  direction,
  onSort,
  children,
}: {
  column: AssetSort;
  sort: AssetSort;
  direction: 'asc' | 'desc';
  onSort: (column: AssetSort) => void;
  children: ReactNode;
}) {
  const active = sort === column;
  const Icon = !active ? IconArrowsSort : direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}>
      <UnstyledButton onClick={() => onSort(column)} fw={600} fz="sm">
        <Group gap={4} wrap="nowrap">
          {children}
          <Icon size={14} aria-hidden="true" />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

const INLINE: Partial<Record<Column, InlineField>> = {
  owner: 'owner',
  classification: 'classification',
  status: 'status',
  nextReviewDate: 'nextReviewDate',
};

/**
 * The register's rows with the chosen columns. With `editable`, rows can be
 * selected (for a bulk change) and the common fields edited in place.
 */
export function AssetTable({
  items,
  columns,
  sort,
  direction,
  onSort,
  onOpen,
  editable,
  selected,
  onSelect,
}: {
  items: AssetListItem[];
  columns: Column[];
  sort: AssetSort;
  direction: 'asc' | 'desc';
  onSort: (column: AssetSort) => void;
  onOpen: (asset: AssetListItem) => void;
  editable: boolean;
  selected: Set<string>;
  onSelect: (ids: string[], on: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const label = useColumnLabel();
  const lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const allSelected = items.length > 0 && items.every((a) => selected.has(a.id));
  const someSelected = items.some((a) => selected.has(a.id));

  const text = (asset: AssetListItem, column: Column): ReactNode => {
    switch (column) {
      case 'code':
        return (
          <UnstyledButton onClick={() => onOpen(asset)} c="blue.8" fw={600} fz="sm" ff="monospace">
            {asset.code}
          </UnstyledButton>
        );
      case 'name':
        return asset.name;
      case 'category':
        return t(`assets.categories.${asset.category}`);
      case 'owner':
        return asset.owner.name;
      case 'custodian':
        return asset.custodian?.name ?? '—';
      case 'orgUnit':
        return asset.orgUnit?.name ?? '—';
      case 'location':
        return asset.location?.name ?? '—';
      case 'classification':
        return asset.classification ? asset.classification.name[lang] : '—';
      case 'cia':
        return [asset.confidentiality, asset.integrity, asset.availability]
          .map((v) => v ?? '–')
          .join(' / ');
      case 'value':
        return asset.value ?? '—';
      case 'status':
        return (
          <Badge
            variant="dot"
            color={asset.status === 'in_use' ? 'teal' : 'gray'}
            tt="none"
            fw={500}
          >
            {t(`assets.statuses.${asset.status}`)}
          </Badge>
        );
      case 'nextReviewDate':
        return asset.nextReviewDate ? format.date(asset.nextReviewDate) : '—';
      case 'businessProcess':
        return asset.businessProcess || '—';
      case 'tags':
        return asset.tags.join(', ') || '—';
      case 'updatedAt':
        return format.dateTime(asset.updatedAt);
    }
  };

  const cell = (asset: AssetListItem, column: Column) => {
    const field = INLINE[column];
    return editable && field ? (
      <InlineEdit asset={asset} field={field}>
        {text(asset, column)}
      </InlineEdit>
    ) : (
      text(asset, column)
    );
  };

  return (
    <Table
      verticalSpacing="xs"
      horizontalSpacing="md"
      highlightOnHover
      aria-label={t('assets.title')}
    >
      <Table.Thead bg="gray.0">
        <Table.Tr>
          {editable && (
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('assets.bulk.selectAll')}
                checked={allSelected}
                indeterminate={someSelected && !allSelected}
                onChange={() =>
                  onSelect(
                    items.map((a) => a.id),
                    !allSelected,
                  )
                }
              />
            </Table.Th>
          )}
          {columns.map((column) => {
            const sortKey = SORTABLE[column];
            return sortKey ? (
              <SortHeader
                key={column}
                column={sortKey}
                sort={sort}
                direction={direction}
                onSort={onSort}
              >
                {label(column)}
              </SortHeader>
            ) : (
              <Table.Th key={column}>{label(column)}</Table.Th>
            );
          })}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((asset) => (
          <Table.Tr key={asset.id} bg={selected.has(asset.id) ? 'blue.0' : undefined}>
            {editable && (
              <Table.Td>
                <Checkbox
                  aria-label={t('assets.bulk.select', { code: asset.code })}
                  checked={selected.has(asset.id)}
                  onChange={(e) => onSelect([asset.id], e.currentTarget.checked)}
                />
              </Table.Td>
            )}
            {columns.map((column) => (
              <Table.Td key={column} fz="sm" ff={column === 'cia' ? 'monospace' : undefined}>
                {cell(asset, column)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
