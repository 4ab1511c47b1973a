import { SegmentedControl, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { EChart, type EChartOption } from '../../components/EChart';
import { RESOURCE_KINDS, type ResourceSummary } from './api';
import { useResourcesT, type Translate } from './format';

type Metric = 'amount' | 'hours';

/** Planned beside used per kind of resource, in yen or hours. */
export function plannedUsedOption(
  byKind: ResourceSummary['byKind'],
  metric: Metric,
  tr: Translate,
): EChartOption {
  // Every kind on the axis, in a fixed order, so years compare at a glance.
  const rows = RESOURCE_KINDS.map((kind) => byKind.find((k) => k.kind === kind));
  const pick = (row: (typeof rows)[number], side: 'planned' | 'used') =>
    row ? row[`${side}${metric === 'amount' ? 'Amount' : 'Hours'}`] : 0;
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: RESOURCE_KINDS.map((kind) => tr(`kinds.${kind}`)) },
    yAxis: { type: 'value' },
    series: [
      {
        name: tr('chart.planned'),
        type: 'bar',
        color: '#228be6',
        data: rows.map((row) => pick(row, 'planned')),
      },
      {
        name: tr('chart.used'),
        type: 'bar',
        color: '#12b886',
        data: rows.map((row) => pick(row, 'used')),
      },
    ],
  };
}

/** Loaded lazily by the page: ECharts is only fetched when a year has figures to draw. */
export function PlannedUsedChart({ byKind }: { byKind: ResourceSummary['byKind'] }) {
  const { tr } = useResourcesT();
  const [metric, setMetric] = useState<Metric>('amount');
  const option = useMemo(() => plannedUsedOption(byKind, metric, tr), [byKind, metric, tr]);
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={tr('chart.metric')}
        value={metric}
        onChange={(value) => setMetric(value as Metric)}
        data={[
          { value: 'amount', label: tr('chart.amount') },
          { value: 'hours', label: tr('chart.hours') },
        ]}
        w="fit-content"
      />
      <EChart option={option} label={tr('chart.label')} height={300} />
    </Stack>
  );
}
