import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { COLUMNS, toggleColumn, type Column } from './registerState';

/** The label of a register column. */
export function useColumnLabel() {
  const { t } = useTranslation();
  return (column: Column) =>
    column === 'cia'
      ? t('assets.columns.cia')
      : column === 'updatedAt'
        ? t('assets.columns.updatedAt')
        : t(`assets.fields.${column}`);
}

/** Which columns the register shows; the code always stays (it opens the asset). */
export function ColumnChooser({
  columns,
  onChange,
}: {
  columns: Column[];
  onChange: (columns: Column[]) => void;
}) {
  const { t } = useTranslation();
  const label = useColumnLabel();
  return (
    <Popover position="bottom-end" withinPortal shadow="md" trapFocus hideDetached={false}>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} aria-hidden="true" />}>
          {t('assets.columns.choose')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} role="group" aria-label={t('assets.columns.choose')}>
          <Text fz="xs" c="dimmed">
            {t('assets.columns.hint')}
          </Text>
          {COLUMNS.map((column) => (
            <Checkbox
              key={column}
              label={label(column)}
              checked={columns.includes(column)}
              disabled={column === 'code'}
              onChange={() => onChange(toggleColumn(columns, column))}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
