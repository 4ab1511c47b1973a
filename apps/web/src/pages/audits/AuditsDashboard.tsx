import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CoverageSummary } from '@mamoru/contracts';
import { EChart, type EChartOption } from '../../components/EChart';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useAuditsDashboard } from './programmeApi';

type AuditStatus = 'planned' | 'in_progress' | 'reported' | 'follow_up' | 'closed';
type FindingKind = 'major_nc' | 'minor_nc' | 'observation' | 'ofi';
type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Stacked bars per kind of criterion: audited, planned and not covered in the cycle. */
export function coverageOption(coverage: CoverageSummary, t: Translate): EChartOption {
  const kinds = [coverage.requirements, coverage.controls];
  const series = (['audited', 'planned', 'unaudited'] as const).map((status) => ({
    name: t(`auditProgramme.planning.status.${status}`),
    type: 'bar',
    stack: 'coverage',
    data: kinds.map((k) => k[status]),
    color: { audited: '#12b886', planned: '#228be6', unaudited: '#fa5252' }[status],
    label: { show: true },
  }));
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: [t('auditProgramme.dashboard.requirements'), t('auditProgramme.dashboard.controls')],
    },
    series,
  };
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="lg" shadow="xs">
      <Stack gap="sm">
        <Title order={2} fz="md">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/** The internal audit dashboard: next audits, overdue follow-ups and coverage of the cycle. */
export function AuditsDashboard() {
  const { t } = useTranslation();
  const format = useFormat();
  const dashboard = useAuditsDashboard();
  const option = useMemo(
    () => dashboard.data && coverageOption(dashboard.data.coverage, t as Translate),
    [dashboard.data, t],
  );
  if (dashboard.isPending) return <LoadingRows rows={4} />;
  if (dashboard.isError) {
    return (
      <ErrorState
        error={dashboard.error}
        onRetry={() => void dashboard.refetch()}
        retrying={dashboard.isFetching}
      />
    );
  }
  const data = dashboard.data;

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Panel title={t('auditProgramme.dashboard.nextAudits')}>
          {data.nextAudits.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('auditProgramme.dashboard.noNextAudits')}
            </Text>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('auditProgramme.dashboard.audit')}</Table.Th>
                  <Table.Th>{t('auditProgramme.dashboard.period')}</Table.Th>
                  <Table.Th>{t('auditProgramme.dashboard.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.nextAudits.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/internal-audits/${a.id}`} fz="sm">
                        {a.code} {a.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {format.date(a.plannedStart)} – {format.date(a.plannedEnd)}
                    </Table.Td>
                    <Table.Td>
                      {t(`auditProgramme.dashboard.auditStatus.${a.status as AuditStatus}`)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Panel>
        <Panel title={t('auditProgramme.dashboard.overdue')}>
          {data.overdueCount === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('auditProgramme.dashboard.noOverdue')}
            </Text>
          ) : (
            <>
              <Text fz="sm" c="red">
                {t('auditProgramme.dashboard.overdueCount', { count: data.overdueCount })}
              </Text>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('auditProgramme.dashboard.finding')}</Table.Th>
                    <Table.Th>{t('auditProgramme.dashboard.status')}</Table.Th>
                    <Table.Th>{t('auditProgramme.dashboard.dueDate')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.overdueFollowUps.map((f) => (
                    <Table.Tr key={f.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/internal-audits/${f.auditId}`} fz="sm">
                          {t('auditProgramme.dashboard.findingLabel', {
                            audit: f.auditCode,
                            number: f.number,
                          })}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {t(`auditProgramme.dashboard.findingKind.${f.kind as FindingKind}`)}
                      </Table.Td>
                      <Table.Td>{format.date(f.dueDate)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </Panel>
      </SimpleGrid>
      <Panel title={t('auditProgramme.dashboard.coverage')}>
        <Group justify="space-between">
          <Text fz="sm" c="dimmed">
            {data.programme
              ? t('auditProgramme.dashboard.programme', {
                  year: data.programme.fiscalYear,
                  number: data.programme.number,
                })
              : t('auditProgramme.dashboard.noProgramme')}
          </Text>
          {data.programme && (
            <Group gap="xs">
              <Badge variant="light" tt="none">
                {t(`auditProgramme.statuses.${data.programme.status}`)}
              </Badge>
              <Anchor component={Link} to="/internal-audits/programme" fz="sm">
                {t('auditProgramme.dashboard.openProgramme')}
              </Anchor>
            </Group>
          )}
        </Group>
        {option && (
          <EChart
            option={option}
            label={t('auditProgramme.dashboard.coverageLabel')}
            height={200}
          />
        )}
      </Panel>
    </Stack>
  );
}
