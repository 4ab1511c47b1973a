import { Card, Group, SegmentedControl, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { IconGridDots } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { EChart, type EChartOption } from '../../../components/EChart';
import { EmptyBlock, ErrorState, LoadingRows } from '../../../components/QueryStates';
import { useHeatmap, type FilterKey, type RiskHeatmap } from '../api/register';
import { uiLang } from '../catalogs/labels';
import { textColorOn } from '../method/methodForm';
import { filterFromParams } from './RegisterPage';
import { RegisterFilters } from './RegisterFilters';

const EMPTY = '#f1f3f5';
const NO_BAND = '#74c0fc';

function cellColor(map: RiskHeatmap, maxLevel: number | null, count: number) {
  if (count === 0) return EMPTY;
  return maxLevel ? (map.bands[maxLevel - 1]?.color ?? NO_BAND) : NO_BAND;
}

/** The ECharts option: impact across, likelihood up, each cell its count in its worst band's colour. */
export function heatmapOption(map: RiskHeatmap, lang: 'ja' | 'en', axes: [string, string]) {
  const label = (l: { value: number; label: { ja: string; en: string } }) =>
    l.label[lang] ? `${l.value} ${l.label[lang]}` : String(l.value);
  const count = (li: number, ii: number) =>
    map.cells.find((c) => c.likelihood === li && c.impact === ii);
  // The fourth dimension is the cell's colour class: 0 empty, -1 no band yet, else the band index.
  const data = map.likelihood.flatMap((l, y) =>
    map.impact.map((i, x) => {
      const cell = count(l.value, i.value);
      const n = cell?.count ?? 0;
      const color = cellColor(map, cell?.maxLevel ?? null, n);
      return {
        value: [x, y, n, n === 0 ? 0 : (cell?.maxLevel ?? -1)],
        likelihood: l.value,
        impact: i.value,
        label: { color: textColorOn(color) },
      };
    }),
  );
  return {
    tooltip: { position: 'top' },
    grid: { left: 120, right: 24, top: 16, bottom: 64 },
    xAxis: {
      type: 'category',
      data: map.impact.map(label),
      name: axes[1],
      nameLocation: 'middle',
      nameGap: 40,
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: map.likelihood.map(label),
      name: axes[0],
      nameLocation: 'middle',
      nameGap: 100,
    },
    // ECharts colours heat map cells through a visual map; here it maps each class to its colour.
    visualMap: {
      type: 'piecewise',
      show: false,
      dimension: 3,
      pieces: [
        { value: 0, color: EMPTY },
        { value: -1, color: NO_BAND },
        ...map.bands.map((band) => ({ value: band.index, color: band.color })),
      ],
    },
    series: [
      {
        type: 'heatmap',
        itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
        data,
        label: { show: true, fontSize: 14, fontWeight: 'bold' },
        emphasis: { itemStyle: { shadowBlur: 8, shadowColor: 'rgba(0,0,0,0.3)' } },
      },
    ],
  } satisfies EChartOption;
}

/** Risks by likelihood × impact; a cell opens the register filtered to it. */
export function HeatmapPage() {
  const { t, i18n } = useTranslation();
  const lang = uiLang(i18n.language);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const [residual, setResidual] = useState(params.get('residual') === 'true');
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const heatmap = useHeatmap(filter, residual);
  const axes: [string, string] = [t('risks.heatmap.likelihood'), t('risks.heatmap.impact')];
  const option = useMemo(
    () => (heatmap.data ? heatmapOption(heatmap.data, lang, axes) : null),
    // axes follow the language
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [heatmap.data, lang],
  );

  const onFilter = (changes: Partial<Record<FilterKey, string | null>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const open = (likelihood: number, impact: number) => {
    const next = new URLSearchParams(params);
    next.delete('residual');
    next.set('likelihood', String(likelihood));
    next.set('impact', String(impact));
    void navigate(`/risks?${next.toString()}`);
  };
  const map = heatmap.data;

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <RegisterFilters filter={filter} onChange={onFilter} />
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('risks.heatmap.basis')}
            value={residual ? 'residual' : 'current'}
            onChange={(value) => setResidual(value === 'residual')}
            data={[
              { value: 'current', label: t('risks.heatmap.current') },
              { value: 'residual', label: t('risks.heatmap.residual') },
            ]}
          />
          <SegmentedControl
            aria-label={t('risks.heatmap.view')}
            value={view}
            onChange={(value) => setView(value as 'chart' | 'table')}
            data={[
              { value: 'chart', label: t('risks.heatmap.chart') },
              { value: 'table', label: t('risks.heatmap.table') },
            ]}
          />
        </Group>
      </Group>
      <Card withBorder radius="lg" shadow="xs">
        {heatmap.isPending ? (
          <LoadingRows rows={5} />
        ) : heatmap.isError ? (
          <ErrorState error={heatmap.error} onRetry={() => void heatmap.refetch()} />
        ) : !map || map.total === 0 ? (
          <EmptyBlock
            icon={<IconGridDots size={28} stroke={1.5} aria-hidden="true" />}
            title={t('risks.heatmap.empty')}
          />
        ) : (
          <Stack gap="sm">
            <Text fz="sm" c="dimmed">
              {t('risks.heatmap.total', { count: map.total })}
              {residual
                ? ` ${t('risks.heatmap.residualHint')}`
                : ` ${t('risks.heatmap.clickHint')}`}
            </Text>
            {view === 'chart' && option ? (
              <EChart
                option={option}
                height={Math.max(320, map.likelihood.length * 72 + 100)}
                label={t('risks.heatmap.chartLabel', { count: map.total })}
                onClick={
                  residual
                    ? undefined
                    : (event) => {
                        const datum = event.data as { likelihood: number; impact: number };
                        open(datum.likelihood, datum.impact);
                      }
                }
              />
            ) : (
              <HeatmapTable map={map} lang={lang} onOpen={residual ? undefined : open} />
            )}
            <Group gap="xs">
              {map.bands.map((band) => (
                <Text
                  key={band.index}
                  fz="xs"
                  px={8}
                  py={2}
                  style={{
                    background: band.color,
                    color: textColorOn(band.color),
                    borderRadius: 4,
                  }}
                >
                  {band.label[lang]}
                </Text>
              ))}
            </Group>
          </Stack>
        )}
      </Card>
    </Stack>
  );
}

/** The same cells as a table of counts; each count is a link to the filtered register. */
function HeatmapTable({
  map,
  lang,
  onOpen,
}: {
  map: RiskHeatmap;
  lang: 'ja' | 'en';
  onOpen: ((likelihood: number, impact: number) => void) | undefined;
}) {
  const { t } = useTranslation();
  const rows = [...map.likelihood].reverse();
  return (
    <Table withTableBorder withColumnBorders ta="center" aria-label={t('risks.heatmap.tableLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th ta="left">
            {t('risks.heatmap.likelihood')} ╲ {t('risks.heatmap.impact')}
          </Table.Th>
          {map.impact.map((i) => (
            <Table.Th key={i.value} ta="center">
              {i.label[lang] || i.value}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((l) => (
          <Table.Tr key={l.value}>
            <Table.Th scope="row" ta="left">
              {l.label[lang] || l.value}
            </Table.Th>
            {map.impact.map((i) => {
              const cell = map.cells.find((c) => c.likelihood === l.value && c.impact === i.value);
              const n = cell?.count ?? 0;
              const color = cellColor(map, cell?.maxLevel ?? null, n);
              const name = t('risks.heatmap.cellLabel', {
                count: n,
                likelihood: l.label[lang] || l.value,
                impact: i.label[lang] || i.value,
              });
              return (
                <Table.Td
                  key={i.value}
                  style={{ background: color, color: textColorOn(color) }}
                  p={0}
                >
                  {onOpen && n > 0 ? (
                    <UnstyledButton
                      w="100%"
                      py={10}
                      fw={700}
                      aria-label={name}
                      onClick={() => onOpen(l.value, i.value)}
                      style={{ color: 'inherit', textAlign: 'center' }}
                    >
                      {n}
                    </UnstyledButton>
                  ) : (
                    <Text py={10} fw={n > 0 ? 700 : 400} c="inherit">
                      {n}
                    </Text>
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
