import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DueItem } from './api';
import { monthTitle, monthWeeks, weekdayNames } from './dates';
import { ItemLink } from './items';

/** Shown per day before "+n more": a busy day stays readable. */
const PER_DAY = 4;

/** A month as a grid of weeks (Monday first), each day listing its items. */
export function MonthView({
  month,
  items,
  today,
}: {
  month: string;
  items: DueItem[];
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const byDay = new Map<string, DueItem[]>();
  for (const item of items) byDay.set(item.dueOn, [...(byDay.get(item.dueOn) ?? []), item]);
  return (
    <Table
      withTableBorder
      withColumnBorders
      layout="fixed"
      aria-label={t('calendar.monthTable', { month: monthTitle(month, locale) })}
    >
      <Table.Thead>
        <Table.Tr>
          {weekdayNames(locale).map((name) => (
            <Table.Th key={name} ta="center">
              {name}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {monthWeeks(month).map((week, w) => (
          <Table.Tr key={w}>
            {week.map((day, d) => {
              const dayItems = day ? (byDay.get(day) ?? []) : [];
              return (
                <Table.Td
                  key={day ?? `blank-${w}-${d}`}
                  valign="top"
                  h={96}
                  bg={day === today ? 'var(--mantine-color-blue-light)' : undefined}
                  aria-current={day === today ? 'date' : undefined}
                >
                  {day && (
                    <Stack gap={2}>
                      <Text fz="xs" c="dimmed" fw={day === today ? 700 : 400}>
                        {Number(day.slice(8))}
                      </Text>
                      {dayItems.slice(0, PER_DAY).map((item) => (
                        <ItemLink key={item.key} item={item} today={today} compact />
                      ))}
                      {dayItems.length > PER_DAY && (
                        <Text fz="xs" c="dimmed">
                          {t('calendar.more', { count: dayItems.length - PER_DAY })}
                        </Text>
                      )}
                    </Stack>
                  )}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
