import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { INCIDENT_TYPES } from '@mamoru/contracts';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translate } from './useIncidentsT';
import { UnitSelect } from './UnitSelect';
import { EChart, type EChartOption } from '../../components/EChart';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { useSession } from '../../session/useSession';
import { useIncidentStatistics, type IncidentStatistics } from './api';

const typeColor = ['#fa5252', '#fd7e14', '#fab005', '#228be6', '#82c91e'];

/** Incidents reported per month, stacked by type (annex 6.3.4's trend). */
export function monthlyOption(months: IncidentStatistics['months'], t: Translate): EChartOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', minInterval: 1 },
    series: INCIDENT_TYPES.map((type, i) => ({
      name: t(`incidents.common.types.${type}`),
      type: 'bar',
      stack: 'type',
      color: typeColor[i],
      data: months.map((m) => m.byType[type] ?? 0),
    })),
  };
}

/** Incidents per unit, largest first as the server sends them. */
export function unitOption(
  byUnit: IncidentStatistics['byUnit'],
  lang: 'ja' | 'en',
  t: Translate,
): EChartOption {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: byUnit.map((u) =>
        u.unit ? u.unit.name[lang] || u.unit.name.ja : t('incidents.stats.noUnit'),
      ),
    },
    series: [
      {
        name: t('incidents.stats.reported'),
        type: 'bar',
        color: '#228be6',
        data: byUnit.map((u) => u.total),
      },
    ],
  };
}

function Figure({ label, value, color }: { label: string; value: ReactNode; color?: string }) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700} c={color}>
        {value}
      </Text>
    </Card>
  );
}

/** Monthly trend by type, incidents per unit, totals, costs and median times. */
export function StatsPanel() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const [unitId, setUnitId] = useState<string | null>(null);
  const stats = useIncidentStatistics({ unitId });
  const tt = t as Translate;
  const data = stats.data;
  const monthly = useMemo(() => (data ? monthlyOption(data.months, tt) : null), [data, tt]);
  const perUnit = useMemo(
    () => (data ? unitOption(data.byUnit, lang, tt) : null),
    [data, lang, tt],
  );
  const money = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US');
  const hours = (value: number | null) =>
    value == null ? '—' : t('incidents.stats.hours', { value: Math.round(value * 10) / 10 });

  return (
    <Stack gap="lg">
      {can('isms:read') && (
        <UnitSelect
          label={t('incidents.list.unit')}
          value={unitId}
          onChange={setUnitId}
          w={{ base: '100%', sm: 240 }}
        />
      )}
      {stats.isPending ? (
        <LoadingRows />
      ) : stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : (
        <>
          <Text fz="sm" c="dimmed">
            {t('incidents.stats.period', { from: data!.from, to: data!.to })}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
            <Figure label={t('incidents.stats.reported')} value={data!.totals.reported} />
            <Figure
              label={t('incidents.stats.open')}
              value={data!.totals.open}
              color={data!.totals.open > 0 ? 'orange' : undefined}
            />
            <Figure label={t('incidents.stats.closed')} value={data!.totals.closed} />
            <Figure label={t('incidents.stats.personalData')} value={data!.totals.personalData} />
            <Figure
              label={t('incidents.stats.overdueClocks')}
              value={data!.totals.overdueClocks}
              color={data!.totals.overdueClocks > 0 ? 'red' : undefined}
            />
            <Figure
              label={t('incidents.stats.triagedWithinTarget')}
              value={t('incidents.stats.ofTriaged', {
                count: data!.totals.triagedWithinTarget,
                total: data!.totals.triaged,
              })}
            />
            <Figure
              label={t('incidents.stats.medianToTriage')}
              value={hours(data!.totals.medianHoursToTriage)}
            />
            <Figure
              label={t('incidents.stats.medianToRecover')}
              value={hours(data!.totals.medianHoursToRecover)}
            />
            <Figure
              label={t('incidents.stats.costResponse')}
              value={money.format(data!.totals.costResponse)}
            />
            <Figure
              label={t('incidents.stats.costRecovery')}
              value={money.format(data!.totals.costRecovery)}
            />
            <Figure
              label={t('incidents.stats.costLoss')}
              value={money.format(data!.totals.costLoss)}
            />
          </SimpleGrid>
          <Card withBorder radius="lg">
            <Stack gap="sm">
              <Title order={2} fz="md">
                {t('incidents.stats.monthly')}
              </Title>
              <EChart option={monthly!} label={t('incidents.stats.monthly')} height={320} />
            </Stack>
          </Card>
          <Card withBorder radius="lg">
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} fz="md">
                  {t('incidents.stats.byUnit')}
                </Title>
              </Group>
              {data!.byUnit.length === 0 ? (
                <Text c="dimmed">{t('incidents.stats.none')}</Text>
              ) : (
                <EChart
                  option={perUnit!}
                  label={t('incidents.stats.byUnit')}
                  height={Math.max(160, 40 * data!.byUnit.length + 40)}
                />
              )}
            </Stack>
          </Card>
        </>
      )}
    </Stack>
  );
}
