import { Alert, Grid, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorState, LoadingBlock } from '../../components/QueryStates';
import { useIncident, useIncidentSettings, type Incident } from './api-detail';
import { ClocksCard } from './ClocksCard';
import { DetailsCard } from './DetailsCard';
import { EvidenceFiles } from './EvidenceFiles';
import { AssetsCard, RisksCard } from './LinkedCards';
import { IncidentHeader } from './IncidentHeader';
import { PersonalDataCard, QuantitiesCard } from './ImpactCards';
import { LearningCard } from './LearningCard';
import { TimelineCard } from './TimelineCard';
import { TriageForm } from './TriageForm';
import { WorkflowActions } from './WorkflowActions';

/** What a reporter who does not handle incidents sees: where their report stands. */
function ReporterView({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Alert
        color="blue"
        variant="light"
        icon={<IconInfoCircle size={18} aria-hidden="true" />}
        title={t('incidents.detail.reporter.title')}
      >
        {t('incidents.detail.reporter.body')}
      </Alert>
      <DetailsCard incident={incident} editable={false} />
      <EvidenceFiles incident={incident} />
      <TimelineCard incident={incident} editable={false} />
    </Stack>
  );
}

/** The incident team's working view: triage, workflow, and every part of the response. */
function HandlerView({ incident }: { incident: Incident }) {
  // The server's nextStatuses leaves triage out (it has its own step): a handler
  // triages every fresh report.
  const triaging = incident.status === 'reported';
  const settings = useIncidentSettings(triaging);
  const open = incident.status !== 'closed';
  return (
    <Stack gap="lg">
      <WorkflowActions incident={incident} />
      {triaging && <TriageForm incident={incident} matrix={settings.data?.priorityMatrix} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <DetailsCard incident={incident} editable={open} />
            <QuantitiesCard incident={incident} editable={open} />
            <PersonalDataCard incident={incident} editable={open} />
            <AssetsCard incident={incident} editable={open} />
            <TimelineCard incident={incident} editable={open} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <ClocksCard incident={incident} editable />
            <EvidenceFiles incident={incident} />
            <RisksCard incident={incident} editable />
            <LearningCard incident={incident} editable />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/**
 * One incident (4.2.3.a; annex 6.3): the team triages it, works it through
 * the workflow on the notification clocks, and closes it with what was learned.
 */
export function IncidentPage() {
  const { id = '' } = useParams();
  const query = useIncident(id);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <LoadingBlock />;
  const incident = query.data;
  return (
    <Stack gap="lg">
      <IncidentHeader incident={incident} />
      {incident.can.handle ? (
        <HandlerView incident={incident} />
      ) : (
        <ReporterView incident={incident} />
      )}
    </Stack>
  );
}
