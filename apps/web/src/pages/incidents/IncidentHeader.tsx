import { Anchor, Badge, Group, Stack, Stepper } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INCIDENT_STATUSES } from '@mamoru/contracts';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import type { Incident } from './api-detail';
import { PriorityBadge } from './detail-shared';

/** When each step of the workflow was reached (null: not yet). */
function reachedAt(incident: Incident, status: (typeof INCIDENT_STATUSES)[number]) {
  switch (status) {
    case 'reported':
      return incident.reportedAt;
    case 'triaged':
      return incident.triagedAt;
    case 'contained':
      return incident.containedAt;
    case 'eradicated':
      return incident.eradicatedAt;
    case 'recovered':
      return incident.recoveredAt;
    case 'closed':
      return incident.closedAt;
  }
}

/** Reference, title, badges and where the incident stands in the workflow. */
export function IncidentHeader({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const format = useFormat();
  const active = INCIDENT_STATUSES.indexOf(incident.status);
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/incidents" fz="sm">
        {t('incidents.detail.back')}
      </Anchor>
      <PageHeader
        eyebrow={`${incident.reference} · ${t(`incidents.detail.type.${incident.type}`)}`}
        title={incident.title}
        icon={<IconAlertOctagon size={32} aria-hidden="true" />}
      />
      <Group gap="xs">
        <Badge variant="filled">{t(`incidents.detail.status.${incident.status}`)}</Badge>
        <PriorityBadge priority={incident.priority} />
        {incident.severity && (
          <Badge variant="outline">
            {t('incidents.detail.severityIs', {
              level: t(`incidents.detail.level.${incident.severity}`),
            })}
          </Badge>
        )}
        {incident.confidential && <Badge color="grape">{t('incidents.detail.confidential')}</Badge>}
        {incident.personalData && (
          <Badge color="pink">{t('incidents.detail.personalDataBadge')}</Badge>
        )}
        {incident.repeatCount > 0 && (
          <Badge color="gray">
            {t('incidents.detail.repeated', { count: incident.repeatCount })}
          </Badge>
        )}
      </Group>
      <Stepper
        active={incident.status === 'closed' ? INCIDENT_STATUSES.length : active + 1}
        size="xs"
        aria-label={t('incidents.detail.workflow')}
      >
        {INCIDENT_STATUSES.map((status) => {
          const at = reachedAt(incident, status);
          return (
            <Stepper.Step
              key={status}
              label={t(`incidents.detail.status.${status}`)}
              description={at ? format.dateTime(at) : undefined}
            />
          );
        })}
      </Stepper>
    </Stack>
  );
}
