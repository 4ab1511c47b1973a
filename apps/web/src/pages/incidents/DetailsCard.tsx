import { Button, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TYPES, type IncidentType } from '@mamoru/contracts';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import type { Incident } from './api-detail';
import { fromLocalInput, IncidentEditModal, toLocalInput } from './detail-shared';
import { AssigneeSelect } from './TriageForm';

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

function EditDetails({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({
    type: incident.type,
    title: incident.title,
    description: incident.description,
    occurredAt: toLocalInput(incident.occurredAt),
    discoveredAt: toLocalInput(incident.discoveredAt),
    place: incident.place,
    assigneeId: incident.assignee?.id ?? null,
    rootCause: incident.rootCause,
    recurrencePrevention: incident.recurrencePrevention,
  });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const discovered = fromLocalInput(form.discoveredAt);
  return (
    <IncidentEditModal
      incident={incident}
      title={t('incidents.detail.details.edit')}
      opened
      onClose={onClose}
      body={() => ({
        type: form.type,
        title: form.title.trim(),
        description: form.description,
        occurredAt: fromLocalInput(form.occurredAt) ?? null,
        ...(discovered ? { discoveredAt: discovered } : {}),
        place: form.place,
        assigneeId: form.assigneeId,
        rootCause: form.rootCause,
        recurrencePrevention: form.recurrencePrevention,
      })}
    >
      <Select
        label={t('incidents.detail.fields.type')}
        data={INCIDENT_TYPES.map((v) => ({ value: v, label: t(`incidents.detail.type.${v}`) }))}
        value={form.type}
        onChange={(v) => v && set({ type: v as IncidentType })}
        allowDeselect={false}
      />
      <TextInput
        label={t('incidents.detail.fields.title')}
        value={form.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        required
      />
      <Textarea
        label={t('incidents.detail.fields.description')}
        value={form.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
        autosize
        minRows={3}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="datetime-local"
          label={t('incidents.detail.fields.occurredAt')}
          value={form.occurredAt}
          onChange={(e) => set({ occurredAt: e.currentTarget.value })}
        />
        <TextInput
          type="datetime-local"
          label={t('incidents.detail.fields.discoveredAt')}
          value={form.discoveredAt}
          onChange={(e) => set({ discoveredAt: e.currentTarget.value })}
        />
      </SimpleGrid>
      <TextInput
        label={t('incidents.detail.fields.place')}
        value={form.place}
        onChange={(e) => set({ place: e.currentTarget.value })}
      />
      <AssigneeSelect
        value={form.assigneeId}
        current={incident.assignee}
        onChange={(assigneeId) => set({ assigneeId })}
      />
      <Textarea
        label={t('incidents.detail.fields.rootCause')}
        value={form.rootCause}
        onChange={(e) => set({ rootCause: e.currentTarget.value })}
        autosize
        minRows={2}
      />
      <Textarea
        label={t('incidents.detail.fields.recurrencePrevention')}
        value={form.recurrencePrevention}
        onChange={(e) => set({ recurrencePrevention: e.currentTarget.value })}
        autosize
        minRows={2}
      />
    </IncidentEditModal>
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
