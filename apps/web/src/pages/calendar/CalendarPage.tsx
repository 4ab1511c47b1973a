import {
  ActionIcon,
  Alert,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconCalendar, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useUserDirectory } from '../../api/identity';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { AREAS } from '../../navigation';
import { useSignedInSession } from '../../session/useSession';
import { useCalendar } from './api';
import { addMonths, monthRange, monthTitle, todayIso, yearRange } from './dates';
import { FeedPanel } from './FeedPanel';
import { ItemLink, useAreaLabel } from './items';
import { MonthView } from './MonthView';
import { YearView } from './YearView';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const YEAR = /^\d{4}$/;

/**
 * The PDCA calendar (issue 22): every due item and planned event of the areas
 * the user can see, as a month or as the year plan (年間計画), filtered by area
 * and person. The view, month, year and filters live in the URL, so a link
 * shows the same calendar.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const { can } = useSignedInSession();
  const areaLabel = useAreaLabel();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const view = params.get('view') === 'year' ? 'year' : 'month';
  const month = MONTH.test(params.get('month') ?? '') ? params.get('month')! : today.slice(0, 7);
  const year = YEAR.test(params.get('year') ?? '')
    ? Number(params.get('year'))
    : Number(today.slice(0, 4));
  const area = params.get('area');
  const person = params.get('person');
  const range = view === 'year' ? yearRange(year) : monthRange(month);
  // Open work already late shows with the period that holds today.
  const holdsToday = range.from <= today && today <= range.to;
  const calendar = useCalendar({ ...range, area, person, overdue: holdsToday });
  const users = useUserDirectory(can('users:read'));

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const step = (by: number) =>
    view === 'year' ? set({ year: String(year + by) }) : set({ month: addMonths(month, by) });

  const areaOptions = [
    ...AREAS.map((a) => ({ value: a.key as string, label: areaLabel(a.key) })),
    { value: 'approvals', label: areaLabel('approvals') },
  ];
  const personOptions = [
    { value: 'me', label: t('calendar.filters.me') },
    ...(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName })),
  ];
  const items = calendar.data?.items ?? [];
  const serverToday = calendar.data?.today ?? today;
  const late = items.filter((i) => i.dueOn < range.from);
  const inRange = items.filter((i) => i.dueOn >= range.from);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('calendar.title')}
        description={t('calendar.description')}
        icon={<IconCalendar size={32} aria-hidden="true" />}
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t('calendar.view.label')}
          value={view}
          onChange={(value) => set({ view: value === 'year' ? 'year' : null })}
          data={[
            { value: 'month', label: t('calendar.view.month') },
            { value: 'year', label: t('calendar.view.year') },
          ]}
        />
        <Select
          label={t('calendar.filters.area')}
          placeholder={t('calendar.filters.allAreas')}
          data={areaOptions}
          value={area}
          onChange={(value) => set({ area: value })}
          clearable
          searchable
          w={220}
        />
        <Select
          label={t('calendar.filters.person')}
          placeholder={t('calendar.filters.anyone')}
          data={personOptions}
          value={person}
          onChange={(value) => set({ person: value })}
          clearable
          searchable
          w={220}
        />
      </Group>
      <Group gap="xs">
        <ActionIcon
          variant="default"
          aria-label={
            view === 'year' ? t('calendar.nav.previousYear') : t('calendar.nav.previousMonth')
          }
          onClick={() => step(-1)}
        >
          <IconChevronLeft size={16} aria-hidden="true" />
        </ActionIcon>
        <Title order={2} fz="lg" miw={160} ta="center">
          {view === 'year' ? String(year) : monthTitle(month, locale)}
        </Title>
        <ActionIcon
          variant="default"
          aria-label={view === 'year' ? t('calendar.nav.nextYear') : t('calendar.nav.nextMonth')}
          onClick={() => step(1)}
        >
          <IconChevronRight size={16} aria-hidden="true" />
        </ActionIcon>
        <Button variant="subtle" size="xs" onClick={() => set({ month: null, year: null })}>
          {t('calendar.nav.today')}
        </Button>
        {calendar.data && (
          <Text fz="sm" c="dimmed">
            {t('calendar.itemCount', { count: inRange.length })}
          </Text>
        )}
      </Group>
      {calendar.isPending ? (
        <LoadingRows />
      ) : calendar.isError ? (
        <ErrorState error={calendar.error} onRetry={() => void calendar.refetch()} />
      ) : (
        <>
          {calendar.data.truncated && (
            <Alert color="yellow" variant="light">
              {t('calendar.truncated')}
            </Alert>
          )}
          {late.length > 0 && (
            <Alert
              color="red"
              variant="light"
              title={t('calendar.overdueTitle', { count: late.length })}
            >
              <Stack gap={4}>
                {late.map((item) => (
                  <ItemLink key={item.key} item={item} today={serverToday} />
                ))}
              </Stack>
            </Alert>
          )}
          {items.length === 0 ? (
            <EmptyBlock
              icon={<IconCalendar size={28} aria-hidden="true" />}
              title={t('calendar.empty.title')}
              description={t('calendar.empty.description')}
            />
          ) : view === 'year' ? (
            <YearView year={year} items={inRange} today={serverToday} />
          ) : (
            <MonthView month={month} items={inRange} today={serverToday} />
          )}
        </>
      )}
      <FeedPanel />
    </Stack>
  );
}
