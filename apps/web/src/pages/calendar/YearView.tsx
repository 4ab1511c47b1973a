import { Badge, Group, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AREAS, PHASES, phaseColor } from '../../navigation';
import type { DueItem } from './api';
import { monthNames } from './dates';
import { ItemLink, phaseOf, useAreaLabel } from './items';

const PER_CELL = 3;

/**
 * The year plan (年間計画): one row per area that has items, grouped and
 * coloured by PDCA phase, one column per month, each cell the month's items.
 */
export function YearView({
  year,
  items,
  today,
}: {
  year: number;
  items: DueItem[];
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const areaLabel = useAreaLabel();
  const months = monthNames(i18n.resolvedLanguage ?? 'en');
  const cells = new Map<string, DueItem[][]>();
  for (const item of items) {
    const row = cells.get(item.area) ?? Array.from({ length: 12 }, () => []);
    row[Number(item.dueOn.slice(5, 7)) - 1]!.push(item);
    cells.set(item.area, row);
  }
  // Areas in navigation (PDCA) order, then what runs across the ISMS (approvals).
  const ordered = [
    ...PHASES.flatMap((phase) =>
      AREAS.filter((a) => a.phase === phase).map((a) => a.key as string),
    ),
    'approvals',
  ].filter((area) => cells.has(area));
  return (
    <ScrollArea>
      <Table
        withTableBorder
        withColumnBorders
        miw={1100}
        aria-label={t('calendar.yearTable', { year })}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={180}>{t('calendar.areaColumn')}</Table.Th>
            {months.map((m) => (
              <Table.Th key={m} ta="center">
                {m}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ordered.map((area) => {
            const phase = phaseOf(area);
            return (
              <Table.Tr key={area}>
                <Table.Th scope="row">
                  <Stack gap={2}>
                    <Text fz="sm" fw={600}>
                      {areaLabel(area)}
                    </Text>
                    <Group gap={4}>
                      <Badge size="xs" variant="light" color={phase ? phaseColor[phase] : 'gray'}>
                        {phase ? t(`phases.${phase}.name`) : t('calendar.across')}
                      </Badge>
                    </Group>
                  </Stack>
                </Table.Th>
                {cells.get(area)!.map((monthItems, i) => (
                  <Table.Td key={i} valign="top">
                    <Stack gap={2}>
                      {monthItems.slice(0, PER_CELL).map((item) => (
                        <ItemLink key={item.key} item={item} today={today} compact />
                      ))}
                      {monthItems.length > PER_CELL && (
                        <Text fz="xs" c="dimmed">
                          {t('calendar.more', { count: monthItems.length - PER_CELL })}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
