import { Alert, Badge, Button, Group, Select, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCalendarStats } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditProgrammeStatus } from '@mamoru/contracts';
import { PageHeader } from '../../components/PageHeader';
import { ProblemDetails } from '../../components/ProblemDetails';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { useSession } from '../../session/useSession';
import { ProgrammeForm } from './ProgrammeForm';
import { ProgrammePlanning } from './ProgrammePlanning';
import { useCreateProgramme, useProgrammes } from './programmeApi';

const statusColor: Record<AuditProgrammeStatus, string> = {
  draft: 'gray',
  pending: 'yellow',
  approved: 'teal',
  superseded: 'dark',
};

/** The fiscal year (April–March) holding today. */
function currentFiscalYear(now = new Date()) {
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
}

/** The internal audit programme (監査プログラム) of a fiscal year, and its risk-based planning. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const thisYear = currentFiscalYear();
  const [year, setYear] = useState(thisYear);
  const programmes = useProgrammes(year);
  const create = useCreateProgramme();
  const manage = can('audits:manage');
  const latest = programmes.data?.items[0];

  return (
    <Stack gap="xl" maw={1100}>
      <PageHeader
        title={t('auditProgramme.title')}
        description={t('auditProgramme.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="blue">
            <IconCalendarStats size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
        actions={
          <Group gap="xs">
            <Select
              aria-label={t('auditProgramme.fiscalYear')}
              data={[thisYear - 1, thisYear, thisYear + 1].map((y) => ({
                value: String(y),
                label: t('auditProgramme.fiscalYearOption', { year: y }),
              }))}
              value={String(year)}
              onChange={(value) => value && setYear(Number(value))}
              allowDeselect={false}
              w={140}
            />
            {latest && (
              <Badge color={statusColor[latest.status]} variant="light" tt="none">
                {t('auditProgramme.versionBadge', {
                  number: latest.number,
                  status: t(`auditProgramme.statuses.${latest.status}`),
                })}
              </Badge>
            )}
          </Group>
        }
      />
      {programmes.isPending ? (
        <LoadingRows rows={5} />
      ) : programmes.isError ? (
        <ErrorState
          error={programmes.error}
          onRetry={() => void programmes.refetch()}
          retrying={programmes.isFetching}
        />
      ) : !latest ? (
        <Stack gap="sm" align="flex-start">
          <Text fz="sm" c="dimmed">
            {t('auditProgramme.noneYet')}
          </Text>
          {manage && (
            <>
              <Text fz="sm">{t('auditProgramme.startHint')}</Text>
              {create.error ? <ProblemDetails error={create.error} /> : null}
              <Button loading={create.isPending} onClick={() => create.mutate(year)}>
                {t('auditProgramme.start')}
              </Button>
            </>
          )}
        </Stack>
      ) : (
        <Stack gap="md">
          {latest.status === 'pending' && (
            <Alert color="yellow">{t('auditProgramme.pendingHint')}</Alert>
          )}
          {latest.status === 'approved' && manage && (
            <Alert color="teal">{t('auditProgramme.approvedHint')}</Alert>
          )}
          <ProgrammeForm
            key={`${latest.id}-${latest.version}`}
            programme={latest}
            editable={manage && latest.status !== 'pending'}
          />
          <ProgrammePlanning programmeId={latest.id} />
        </Stack>
      )}
    </Stack>
  );
}
