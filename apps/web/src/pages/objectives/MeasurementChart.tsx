import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../components/EChart';
import type { Objective, ObjectiveMeasurement } from './api';

/**
 * The measured values over time with the target as a flat line and the plan
 * (the straight line from baseline on the start date to target on the due
 * date), so a value behind the plan shows where the objective falls behind.
 */
export function MeasurementChart({
  objective,
  measurements,
}: {
  objective: Objective;
  measurements: ObjectiveMeasurement[];
}) {
  const { t } = useTranslation();
  const option = useMemo<EChartOption>(() => {
    const days = [
      ...new Set([
        objective.startDate,
        ...measurements.map((m) => m.measuredOn),
        objective.dueDate,
      ]),
    ].sort();
    const byDay = new Map(measurements.map((m) => [m.measuredOn, m.value]));
    return {
      tooltip: { trigger: 'axis' },
      legend: {},
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', name: objective.measureUnit },
      series: [
        {
          name: t('objectives.chartValue'),
          type: 'line',
          connectNulls: true,
          data: days.map((d) => byDay.get(d) ?? null),
        },
        {
          name: t('objectives.chartTarget'),
          type: 'line',
          symbol: 'none',
          lineStyle: { type: 'dashed' },
          data: days.map(() => objective.target),
        },
        {
          name: t('objectives.chartPlan'),
          type: 'line',
          symbol: 'none',
          connectNulls: true,
          lineStyle: { type: 'dotted' },
          data: days.map((d) =>
            d === objective.startDate
              ? objective.baseline
              : d === objective.dueDate
                ? objective.target
                : null,
          ),
        },
      ],
    };
  }, [objective, measurements, t]);
  return <EChart option={option} label={t('objectives.chartLabel', { title: objective.title })} />;
}
