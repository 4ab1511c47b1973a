import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconCertificate, IconPlus, IconSchool } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { useTrainingDashboard } from '../../api/training';
import { CompletionChart } from './CompletionChart';
import { CourseList } from './CourseList';
import { CourseFormModal } from './CourseFormModal';
import { ReportMenu } from './ReportMenu';
import { TrainingNav } from './TrainingNav';

function Stat({
  label,
  value,
  color,
  to,
}: {
  label: string;
  value: number;
  color?: string;
  to?: string;
}) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      {to ? (
        <Anchor component={Link} to={to} fz="xl" fw={700} c={color}>
          {value}
        </Anchor>
      ) : (
        <Text fz="xl" fw={700} c={color}>
          {value}
        </Text>
      )}
    </Card>
  );
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

/** The training dashboard: completion per unit, what is overdue, upcoming sessions, courses. */
export function TrainingPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const manage = can('training:manage', 'all');
  const [creating, setCreating] = useState(false);
  const dashboard = useTrainingDashboard({});
  const data = dashboard.data;
  const totals = data?.totals;
  const rate =
    totals && totals.required > 0 ? Math.floor((totals.completed * 100) / totals.required) : null;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('areas.training.title')}
        description={t('areas.training.description')}
        icon={<IconSchool size={32} aria-hidden="true" />}
        actions={
          <Group gap="sm">
            <ReportMenu />
            {manage && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() => setCreating(true)}
              >
                {t('training.course.new')}
              </Button>
            )}
          </Group>
        }
      />
      <TrainingNav />
      {dashboard.isPending ? (
        <LoadingRows />
      ) : dashboard.isError ? (
        <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }}>
            <Stat
              label={t('training.dashboard.rate')}
              value={rate ?? 0}
              color={rate !== null && rate < 80 ? 'orange' : undefined}
            />
            <Stat
              label={t('training.dashboard.completed')}
              value={totals!.completed}
              to="/training/completions?status=completed"
            />
            <Stat
              label={t('training.dashboard.overdue')}
              value={totals!.overdue}
              color={totals!.overdue > 0 ? 'red' : undefined}
              to="/training/completions?status=overdue"
            />
            <Stat
              label={t('training.dashboard.dueSoon')}
              value={totals!.dueSoon}
              to="/training/completions?status=due_soon"
            />
            <Stat
              label={t('training.dashboard.failed')}
              value={totals!.failed}
              color={totals!.failed > 0 ? 'red' : undefined}
              to="/training/completions?status=failed"
            />
            <Stat
              label={t('training.dashboard.expiring')}
              value={data!.expiringCompetences + data!.expiredCompetences}
              color={data!.expiredCompetences > 0 ? 'red' : undefined}
              to="/people/gaps"
            />
          </SimpleGrid>
          <Panel title={t('training.dashboard.byUnit')}>
            {data!.byUnit.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('training.dashboard.noRequired')}
              </Text>
            ) : (
              <CompletionChart byUnit={data!.byUnit} />
            )}
          </Panel>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Panel title={t('training.dashboard.upcoming')}>
              {data!.upcomingSessions.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t('training.dashboard.noUpcoming')}
                </Text>
              ) : (
                <Table aria-label={t('training.dashboard.upcoming')}>
                  <Table.Tbody>
                    {data!.upcomingSessions.map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td>{format.date(s.heldOn)}</Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/training/sessions/${s.id}`} fz="sm">
                            {s.code} {s.course.title}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{s.location}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Panel>
            <Panel title={t('training.dashboard.toEvaluate')}>
              {data!.sessionsToEvaluate === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t('training.dashboard.nothingToEvaluate')}
                </Text>
              ) : (
                <Anchor component={Link} to="/training/sessions?status=held" fz="sm">
                  {t('training.dashboard.sessionsToEvaluate', { count: data!.sessionsToEvaluate })}
                </Anchor>
              )}
            </Panel>
          </SimpleGrid>
        </>
      )}
      <Stack gap="xs">
        <Title order={2} fz="lg">
          {t('training.course.listTitle')}
        </Title>
        <CourseList
          empty={
            <EmptyBlock
              icon={<IconCertificate size={28} aria-hidden="true" />}
              title={t('training.course.emptyTitle')}
              description={manage ? t('training.course.emptyManage') : undefined}
            />
          }
        />
      </Stack>
      {creating && <CourseFormModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}
