import { Box } from '@mantine/core';
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the parts of ECharts the app draws, so the bundle stays small; SVG keeps text crisp
// at any zoom and lets browser tests find the drawn elements.
echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export type EChartOption = echarts.EChartsCoreOption;
/** What a click on a drawn element reports: the series, the data index and the datum. */
export type EChartClick = echarts.ECElementEvent;

export interface EChartProps {
  option: EChartOption;
  /** The chart's accessible name; the drawing is an image to assistive technology. */
  label: string;
  height?: number | string;
  onClick?: (event: EChartClick) => void;
}

/**
 * One ECharts instance per mount: created on mount, given each new option
 * whole (no merging with the previous one), resized with its container and
 * disposed on unmount. Tests replace this module (jsdom has no layout).
 */
export function EChart({ option, label, height = 360, onClick }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);
  // The latest handler, so a new closure on every render does not rebind the event.
  const clickRef = useRef(onClick);
  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (event) => clickRef.current?.(event as EChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  // The name sits on a wrapper: ECharts writes its own aria-label onto the element it draws in.
  return (
    <Box role="img" aria-label={label} w="100%">
      <Box ref={ref} h={height} w="100%" style={{ cursor: onClick ? 'pointer' : undefined }} />
    </Box>
  );
}
