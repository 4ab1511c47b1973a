import { Anchor, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../components/QueryStates';
import { useSession } from '../../session/useSession';
import { useIncidentStatistics } from './api';

/**
 * The dashboard's incidents card: open incidents and notification clocks past
 * their deadline, from the statistics (which count only what the reader sees).
 * Its strings are in the main bundle: the dashboard must not wait for the area's.
 */
export function IncidentsCard() {
  const { t } = useTranslation();
  const { can } = useSession();
  const readsAll = can('incidents:read', 'all');
  const stats = useIncidentStatistics({});
  const totals = stats.data?.totals;
  const list = readsAll ? '/incidents?tab=all&open=true' : '/incidents?tab=mine&open=true';
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      shadow="xs"
      component="section"
      aria-labelledby="dashboard-incidents"
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="lg" id="dashboard-incidents">
            {t('incidentsShell.card.title')}
          </Title>
          <Anchor component={Link} to="/incidents" fz="sm">
            {t('incidentsShell.card.all')}
          </Anchor>
        </Group>
        {stats.isPending ? (
          <Skeleton h={48} role="status" aria-label={t('incidentsShell.card.loading')} />
        ) : stats.isError ? (
          <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
        ) : (
          <SimpleGrid cols={2}>
            <Stack gap={0}>
              <Text fz="xs" c="dimmed">
                {t('incidentsShell.card.open')}
              </Text>
              <Anchor
                component={Link}
                to={list}
                fz="xl"
                fw={700}
                aria-label={t('incidentsShell.card.openCount', { count: totals!.open })}
              >
                {totals!.open}
              </Anchor>
            </Stack>
            <Stack gap={0}>
              <Text fz="xs" c="dimmed">
                {t('incidentsShell.card.overdueClocks')}
              </Text>
              <Text
                fz="xl"
                fw={700}
                c={totals!.overdueClocks > 0 ? 'red' : undefined}
                role={totals!.overdueClocks > 0 ? 'alert' : undefined}
              >
                {totals!.overdueClocks}
              </Text>
            </Stack>
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
