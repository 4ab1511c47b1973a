import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../components/EChart';
import type { TrainingDashboard } from '../../api/training';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * One bar group per unit: completed, overdue and the rest still open of the
 * required (person, course) pairs, stacked so the bar's length is the total.
 */
export function completionOption(byUnit: TrainingDashboard['byUnit'], t: Translate): EChartOption {
  const units = byUnit.map((u) => (u.unit ? u.unit.name : t('training.dashboard.noUnit')));
  const parts = [
    { key: 'completed', color: '#12b886', value: (u: (typeof byUnit)[number]) => u.completed },
    { key: 'overdue', color: '#fa5252', value: (u: (typeof byUnit)[number]) => u.overdue },
    {
      key: 'open',
      color: '#adb5bd',
      value: (u: (typeof byUnit)[number]) => Math.max(0, u.required - u.completed - u.overdue),
    },
  ];
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: units, inverse: true },
    series: parts.map((p) => ({
      name: t(`training.dashboard.chart.${p.key}`),
      type: 'bar',
      stack: 'completion',
      color: p.color,
      data: byUnit.map(p.value),
      // Zero-length segments get no label: a stray "0" on the bar reads as data.
      label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
    })),
  };
}

/** The completion per unit bar chart of the dashboard. */
export function CompletionChart({ byUnit }: { byUnit: TrainingDashboard['byUnit'] }) {
  const { t } = useTranslation();
  const option = useMemo(() => completionOption(byUnit, t as Translate), [byUnit, t]);
  return (
    <EChart
      option={option}
      label={t('training.dashboard.chartLabel')}
      height={Math.max(160, 48 * byUnit.length + 80)}
    />
  );
}
