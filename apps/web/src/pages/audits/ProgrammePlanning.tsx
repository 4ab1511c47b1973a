import { Alert, Badge, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { displayIdIn, type CoverageStatus } from '@mamoru/contracts';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { usePlanning } from './programmeApi';

export const coverageColor: Record<CoverageStatus, string> = {
  audited: 'teal',
  planned: 'blue',
  unaudited: 'red',
};

/** Per unit and per criterion: last audited, planned, open findings, risk; warnings for gaps. */
export function ProgrammePlanning({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const planning = usePlanning(programmeId);
  if (planning.isPending) return <LoadingRows rows={4} />;
  if (planning.isError) {
    return (
      <ErrorState
        error={planning.error}
        onRetry={() => void planning.refetch()}
        retrying={planning.isFetching}
      />
    );
  }
  const data = planning.data;
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const day = (value: string | null, empty: string) => (value ? format.date(value) : empty);
  const gaps = data.items.filter((i) => i.status === 'unaudited').length;

  return (
    <Stack gap="sm">
      <Title order={2} fz="md">
        {t('auditProgramme.planning.title')}
      </Title>
      <Text fz="sm" c="dimmed">
        {t('auditProgramme.planning.asOf', {
          date: format.date(data.asOf),
          months: data.cycleMonths,
        })}
      </Text>
      {gaps > 0 ? (
        <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden="true" />}>
          {t('auditProgramme.planning.warning', { count: gaps })}
        </Alert>
      ) : (
        <Alert color="teal" icon={<IconCircleCheck size={18} aria-hidden="true" />}>
          {t('auditProgramme.planning.allCovered')}
        </Alert>
      )}
      <Tabs defaultValue="criteria">
        <Tabs.List>
          <Tabs.Tab value="criteria">{t('auditProgramme.planning.criteria')}</Tabs.Tab>
          <Tabs.Tab value="units">{t('auditProgramme.planning.units')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="criteria" pt="sm">
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('auditProgramme.planning.criterion')}</Table.Th>
                  <Table.Th>{t('auditProgramme.planning.coverage')}</Table.Th>
                  <Table.Th>{t('auditProgramme.planning.lastAudited')}</Table.Th>
                  <Table.Th>{t('auditProgramme.planning.planned')}</Table.Th>
                  <Table.Th>{t('auditProgramme.planning.openFindings')}</Table.Th>
                  <Table.Th>{t('auditProgramme.planning.riskLevel')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((item) => (
                  <Table.Tr key={`${item.kind}:${item.id}`}>
                    <Table.Td>
                      <Text fz="sm">
                        {displayIdIn(item, lang)} {item.title[lang]}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={coverageColor[item.status]} variant="light" tt="none">
                        {t(`auditProgramme.planning.status.${item.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {day(item.lastAuditedOn, t('auditProgramme.planning.never'))}
                    </Table.Td>
                    <Table.Td>{day(item.plannedOn, t('auditProgramme.planning.none'))}</Table.Td>
                    <Table.Td>{item.openFindings}</Table.Td>
                    <Table.Td>
                      {item.highestRiskLevel ?? t('auditProgramme.planning.none')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Tabs.Panel>
        <Tabs.Panel value="units" pt="sm">
          {data.units.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('auditProgramme.planning.noUnits')}
            </Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('auditProgramme.planning.unit')}</Table.Th>
                  <Table.Th>{t('auditProgramme.planning.lastAudited')}</Table.Th>
                  <Table.Th>{t('auditProgramme.planning.planned')}</Table.Th>
                  <Table.Th>{t('auditProgramme.planning.openFindings')}</Table.Th>
                  <Table.Th>{t('auditProgramme.planning.riskLevel')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.units.map((unit) => (
                  <Table.Tr key={unit.unitId}>
                    <Table.Td>
                      {unit.code} {unit.name}
                    </Table.Td>
                    <Table.Td>
                      {day(unit.lastAuditedOn, t('auditProgramme.planning.never'))}
                    </Table.Td>
                    <Table.Td>{day(unit.plannedOn, t('auditProgramme.planning.none'))}</Table.Td>
                    <Table.Td>{unit.openFindings}</Table.Td>
                    <Table.Td>
                      {unit.highestRiskLevel ?? t('auditProgramme.planning.none')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
