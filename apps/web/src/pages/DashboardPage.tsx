import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NavLink,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import {
  IconAlertCircle,
  IconBulb,
  IconChevronRight,
  IconPlayerPlay,
  IconRefresh,
  IconRotateClockwise2,
  IconSearch,
  IconSignature,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useVersion } from '../api/meta';
import { PageHeader } from '../components/PageHeader';
import { useWaitingApprovals } from '../api/approvals';
import { useConformity, type ConformityReport } from '../api/conformity';
import { ErrorState, LoadingRows } from '../components/QueryStates';
import { DueCard, PhaseProgress, ReadinessCard, TopGapsCard } from './conformity/DashboardWidgets';
import { areasOfPhase, PHASES, phaseColor, type Phase } from '../navigation';
import { useSession, useSignedInSession } from '../session/useSession';
import { IncidentsCard } from './incidents/IncidentsCard';

const phaseIcon: Record<Phase, Icon> = {
  plan: IconBulb,
  do: IconPlayerPlay,
  check: IconSearch,
  act: IconRotateClockwise2,
};

/** The areas of a phase this user may open. */
function useVisibleAreas(phase: Phase) {
  const { can } = useSession();
  return areasOfPhase(phase).filter((area) => !area.permission || can(area.permission));
}

function PhaseCard({ phase, report }: { phase: Phase; report: ConformityReport | undefined }) {
  const { t } = useTranslation();
  const PhaseIcon = phaseIcon[phase];
  const areas = useVisibleAreas(phase);
  const headingId = `dashboard-phase-${phase}`;
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      shadow="xs"
      component="section"
      aria-labelledby={headingId}
    >
      <Group gap="md" wrap="nowrap" mb="sm">
        <ThemeIcon size={44} radius="md" variant="light" color={phaseColor[phase]}>
          <PhaseIcon size={24} stroke={1.6} aria-hidden="true" />
        </ThemeIcon>
        <Stack gap={2} style={{ flex: 1 }}>
          <Title order={2} fz="lg" id={headingId}>
            {t(`phases.${phase}.name`)}
          </Title>
          <Text fz="sm" c="dimmed">
            {t(`phases.${phase}.summary`)} · {t('dashboard.areaCount', { count: areas.length })}
          </Text>
        </Stack>
      </Group>
      {report && <PhaseProgress report={report} phase={phase} />}
      <Stack gap={2}>
        {areas.map((area) => (
          <NavLink
            key={area.key}
            component={Link}
            to={area.path}
            label={t(`areas.${area.key}.title`)}
            leftSection={<area.icon size={18} stroke={1.6} aria-hidden="true" />}
            rightSection={<IconChevronRight size={16} stroke={1.6} aria-hidden="true" />}
            styles={{ root: { borderRadius: 'var(--mantine-radius-md)' } }}
          />
        ))}
      </Stack>
    </Card>
  );
}

function AboutCard() {
  const { t } = useTranslation();
  const version = useVersion();
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      shadow="xs"
      component="section"
      aria-labelledby="dashboard-about"
    >
      <Title order={2} fz="lg" id="dashboard-about" mb="sm">
        {t('dashboard.about.title')}
      </Title>
      {version.isPending ? (
        <Stack gap={6} aria-busy="true" aria-label={t('dashboard.about.loading')}>
          <Skeleton h={14} w={80} />
          <Skeleton h={22} w={140} />
        </Stack>
      ) : version.isError ? (
        <Alert
          variant="light"
          color="red"
          icon={<IconAlertCircle size={18} aria-hidden="true" />}
          title={t('dashboard.about.error')}
        >
          <Stack gap="xs" align="flex-start">
            <Text fz="sm">{version.error.message}</Text>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconRefresh size={14} aria-hidden="true" />}
              onClick={() => void version.refetch()}
              loading={version.isFetching}
            >
              {t('dashboard.about.retry')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <Stack gap={2}>
          <Text fz="sm" c="dimmed">
            {t('dashboard.about.version')}
          </Text>
          <Text fw={700} fz="xl" data-testid="app-version">
            {t('app.name')} {version.data.version}
          </Text>
        </Stack>
      )}
      <Anchor href="/api/docs" fz="sm" mt="md" display="inline-block">
        {t('dashboard.about.apiDocs')}
      </Anchor>
    </Card>
  );
}

/** How many approval requests wait for this user, with a way to the inbox. */
function ApprovalsCard() {
  const { t } = useTranslation();
  const waiting = useWaitingApprovals(true);
  const count = waiting.data?.items.length ?? 0;
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      shadow="xs"
      component="section"
      aria-labelledby="dashboard-approvals"
    >
      <Group gap="md" wrap="nowrap" mb="sm">
        <ThemeIcon size={44} radius="md" variant="light" color="violet">
          <IconSignature size={24} stroke={1.6} aria-hidden="true" />
        </ThemeIcon>
        <Title order={2} fz="lg" id="dashboard-approvals">
          {t('dashboard.approvals.title')}
        </Title>
      </Group>
      {waiting.isPending ? (
        <Skeleton h={22} w={200} role="status" aria-label={t('common.loading')} />
      ) : waiting.isError ? (
        <Text fz="sm" c="red.9">
          {waiting.error.message}
        </Text>
      ) : (
        <Text fz="sm" c={count ? undefined : 'dimmed'} data-testid="dashboard-waiting">
          {count ? t('dashboard.approvals.waiting', { count }) : t('dashboard.approvals.none')}
        </Text>
      )}
      <Anchor component={Link} to="/approvals" fz="sm" mt="md" display="inline-block">
        {t('dashboard.approvals.open')}
      </Anchor>
    </Card>
  );
}

/**
 * The home page is the PDCA dashboard: readiness against the criteria, the
 * first gaps to close and work that is due, then the areas of each phase
 * with their progress.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { info, can } = useSignedInSession();
  const readsIsms = can('isms:read');
  const conformity = useConformity(readsIsms);
  const report = conformity.data;
  const phases = PHASES.filter((phase) =>
    areasOfPhase(phase).some((area) => !area.permission || can(area.permission)),
  );
  return (
    <Stack gap="xl" maw={1200}>
      <PageHeader
        title={t('dashboard.title')}
        eyebrow={t('dashboard.welcome', { name: info.user.displayName })}
        description={t('dashboard.intro')}
      />
      {readsIsms &&
        (conformity.isPending ? (
          <LoadingRows rows={3} label={t('conformity.loading')} />
        ) : conformity.isError ? (
          <ErrorState
            error={conformity.error}
            onRetry={() => void conformity.refetch()}
            retrying={conformity.isFetching}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Stack gap="lg">
              <ReadinessCard report={conformity.data} />
              <DueCard report={conformity.data} />
            </Stack>
            <TopGapsCard report={conformity.data} />
          </SimpleGrid>
        ))}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {phases.map((phase) => (
          <PhaseCard key={phase} phase={phase} report={report} />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {can('approvals:read') && !readsIsms && <ApprovalsCard />}
        {can('incidents:read') && <IncidentsCard />}
        <AboutCard />
      </SimpleGrid>
    </Stack>
  );
}
