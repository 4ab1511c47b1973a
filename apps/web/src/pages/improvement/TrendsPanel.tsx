import { Badge, Group, Menu, Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { useCatalogOptions } from '../../components/catalogPicker/useCatalogOptions';
import { SectionCard } from '../../components/SectionCard';
import { useDownload } from '../../lib/useDownload';
import { exportUrl, useNonconformityStatistics, type NonconformityFilter } from './api';

const BUCKETS = ['0_30', '31_90', '91_180', 'over_180'] as const;

/**
 * Open nonconformities by age (a stacked bar per severity) and what recurs:
 * the same cause category or the same requirement item or control.
 */
export function TrendsPanel() {
  const { t } = useTranslation();
  const stats = useNonconformityStatistics();
  const clauses = (stats.data?.recurrence ?? []).filter((r) => r.kind === 'clause');
  const requirementLabels = useCatalogOptions(
    'requirement',
    '',
    clauses.map((c) => c.key),
  );
  const controlLabels = useCatalogOptions(
    'control',
    '',
    clauses.map((c) => c.key),
  );
  if (!stats.data) return null;
  const { ageing, recurrence } = stats.data;
  const count = (bucket: string, severity: string) =>
    ageing.find((a) => a.bucket === bucket && a.severity === severity)?.count ?? 0;
  const labelOf = (key: string) =>
    [...requirementLabels.data, ...controlLabels.data].find((o) => o.value === key)?.label ?? key;
  const option = {
    tooltip: { trigger: 'axis' },
    legend: {},
    grid: { left: 40, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: BUCKETS.map((b) => t(`improvement.trends.bucket.${b}`)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: (['major', 'minor'] as const).map((severity) => ({
      name: t(`improvement.severity.${severity}`),
      type: 'bar',
      stack: 'open',
      data: BUCKETS.map((b) => count(b, severity)),
    })),
  };
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <SectionCard id="nc-ageing" title={t('improvement.trends.ageing')}>
        <EChart option={option} label={t('improvement.trends.ageing')} height={220} />
      </SectionCard>
      <SectionCard id="nc-recurrence" title={t('improvement.trends.recurrence')}>
        {recurrence.length === 0 ? (
          <Text c="dimmed">{t('improvement.trends.noRecurrence')}</Text>
        ) : (
          <Stack gap={4}>
            {recurrence.map((r) => (
              <Group key={`${r.kind}-${r.key}`} justify="space-between">
                <Text fz="sm">
                  {r.kind === 'cause'
                    ? t('improvement.trends.cause', {
                        category: t(`improvement.fishbone.${r.key as 'people'}`),
                      })
                    : labelOf(r.key)}
                </Text>
                <Badge variant="light">{t('improvement.trends.times', { count: r.count })}</Badge>
              </Group>
            ))}
          </Stack>
        )}
      </SectionCard>
    </SimpleGrid>
  );
}

/** XLSX or PDF of the filtered register, in Japanese or English. */
export function ExportMenu({ filter }: { filter: NonconformityFilter }) {
  const { t } = useTranslation();
  const download = useDownload();
  const items = [
    ['xlsx', 'ja'],
    ['xlsx', 'en'],
    ['pdf', 'ja'],
    ['pdf', 'en'],
  ] as const;
  return (
    <>
      <Menu position="bottom-end" shadow="md" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            loading={download.busy}
            leftSection={<IconDownload size={16} aria-hidden="true" />}
            rightSection={<IconChevronDown size={14} aria-hidden="true" />}
          >
            {t('improvement.export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {items.map(([format, lang]) => (
            <Menu.Item
              key={format + lang}
              component="a"
              {...download.link(exportUrl(filter, format, lang))}
            >
              {t(`improvement.export.${format}_${lang}`)}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {download.status}
    </>
  );
}
