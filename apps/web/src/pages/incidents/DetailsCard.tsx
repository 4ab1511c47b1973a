import { Button, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import type { Incident } from './api-detail';
import { EditDetails } from './DetailsEdit';

/** Label/value pairs; an empty value shows a dash. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
      {items.map(([label, value]) => (
        <div key={label}>
          <Text component="dt" fz="xs" c="dimmed">
            {label}
          </Text>
          <Text component="dd" m={0} fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {value === '' || value == null ? '—' : value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

/** What happened, when and where, who handles it, and what was learned. */
export function DetailsCard({ incident, editable }: { incident: Incident; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const lang = i18n.resolvedLanguage === 'ja' ? 'ja' : 'en';
  const where = [
    incident.unit?.name[lang],
    incident.location?.name[lang],
    incident.place || undefined,
  ]
    .filter(Boolean)
    .join(' / ');
  const affected = (['confidentiality', 'integrity', 'availability'] as const)
    .filter((k) => incident.affects[k])
    .map((k) => t(`incidents.detail.affects.${k}`))
    .join(', ');
  return (
    <SectionCard
      id="incident-details"
      title={t('incidents.detail.details.title')}
      actions={
        editable && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t('incidents.detail.details.edit')}
          </Button>
        )
      }
    >
      <Stack gap="md">
        <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {incident.description || t('incidents.detail.details.noDescription')}
        </Text>
        <Facts
          items={[
            [t('incidents.detail.fields.occurredAt'), format.dateTime(incident.occurredAt)],
            [t('incidents.detail.fields.discoveredAt'), format.dateTime(incident.discoveredAt)],
            [t('incidents.detail.fields.where'), where],
            [t('incidents.detail.fields.reporter'), incident.reporter?.displayName],
            [t('incidents.detail.fields.assignee'), incident.assignee?.displayName],
            [t('incidents.detail.fields.affected'), affected],
            [
              t('incidents.detail.fields.channel'),
              t(`incidents.detail.channel.${incident.channel}`) +
                (incident.externalRef ? ` (${incident.externalRef})` : ''),
            ],
            [t('incidents.detail.fields.rootCause'), incident.rootCause],
            [t('incidents.detail.fields.lessonsLearned'), incident.lessonsLearned],
            [t('incidents.detail.fields.recurrencePrevention'), incident.recurrencePrevention],
          ]}
        />
      </Stack>
      {editing && <EditDetails incident={incident} onClose={() => setEditing(false)} />}
    </SectionCard>
  );
}
