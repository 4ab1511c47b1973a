import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { IconBriefcase, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type JobDefinition } from '../../../api/people';
import { useJobs } from '../../../api/people-competence';
import { EmptyBlock, ErrorState, LoadingRows } from '../../../components/QueryStates';
import { SectionCard } from '../../../components/SectionCard';
import { useMarkedRow } from '../../../lib/useMarkedRow';
import { useSession } from '../../../session/useSession';
import { useBilingual } from '../shared';
import { JobModal } from './JobModal';
import { RequirementsCard } from './RequirementsCard';

/**
 * Job definitions with their security responsibilities (annex 6.1), and the
 * competence each role and job requires (5.2.2.a).
 */
export function JobsPanel() {
  const { t } = useTranslation();
  const text = useBilingual();
  const { can } = useSession();
  const manage = can('people:manage', 'all');
  const jobs = useJobs();
  const [editing, setEditing] = useState<JobDefinition | 'new' | null>(null);
  // `?job=<id>` (a job without its competence requirements, from the conformity view).
  const mark = useMarkedRow('job', jobs.data?.map((j) => j.id) ?? []);

  return (
    <Stack gap="lg">
      <SectionCard
        id="job-definitions"
        title={t('people.jobs.title')}
        description={t('people.jobs.hint')}
        actions={
          manage && (
            <Button
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden="true" />}
              onClick={() => setEditing('new')}
            >
              {t('people.jobs.add')}
            </Button>
          )
        }
      >
        {jobs.isPending ? (
          <LoadingRows rows={2} />
        ) : jobs.isError ? (
          <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
        ) : jobs.data.length === 0 ? (
          <EmptyBlock
            icon={<IconBriefcase size={28} aria-hidden="true" />}
            title={t('people.jobs.emptyTitle')}
            description={manage ? t('people.jobs.emptyManage') : undefined}
          />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label={t('people.jobs.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people.jobs.columns.code')}</Table.Th>
                  <Table.Th>{t('people.jobs.columns.name')}</Table.Th>
                  <Table.Th>{t('people.jobs.columns.responsibilities')}</Table.Th>
                  <Table.Th>{t('people.jobs.columns.people')}</Table.Th>
                  <Table.Th>{t('people.jobs.columns.requirements')}</Table.Th>
                  {manage && <Table.Th>{t('people.jobs.columns.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jobs.data.map((job) => (
                  <Table.Tr key={job.id} {...mark(job.id)}>
                    <Table.Td>{job.code}</Table.Td>
                    <Table.Td>
                      {text(job.name, job.nameEn)}{' '}
                      {!job.active && (
                        <Badge color="gray" variant="light" tt="none" size="sm">
                          {t('people.roles.inactive')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
                        {text(job.securityResponsibilities, job.securityResponsibilitiesEn)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{job.peopleCount}</Table.Td>
                    <Table.Td>{job.requirementCount}</Table.Td>
                    {manage && (
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setEditing(job)}
                          aria-label={t('people.jobs.editNamed', { name: job.name })}
                        >
                          {t('people.jobs.edit')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </SectionCard>
      <RequirementsCard manage={manage} jobs={jobs.data ?? []} />
      {editing && (
        <JobModal job={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Stack>
  );
}
