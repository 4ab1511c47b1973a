import { Checkbox, Group, Select, SimpleGrid, Switch, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_TYPES, type IncidentLevel, type IncidentType } from '@mamoru/contracts';
import { useOrgUnits } from '../../api/assets';
import type { Incident } from './api-detail';
import { fromLocalInput, IncidentEditModal, toLocalInput } from './detail-shared';
import { AssigneeSelect, useLevelOptions } from './TriageForm';

/**
 * The incident's own fields: what, when, where, who handles it, its
 * assessment once triaged, and the analysis (saved with If-Match).
 */
export function EditDetails({ incident, onClose }: { incident: Incident; onClose: () => void }) {
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
    unitId: incident.unit?.id ?? null,
    severity: incident.severity,
    urgency: incident.urgency,
    confidential: incident.confidential,
    affects: incident.affects,
  });
  const units = useOrgUnits();
  const levels = useLevelOptions();
  // Severity and urgency are first set by triage; afterwards they are edited here.
  const triaged = incident.status !== 'reported';
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
        unitId: form.unitId,
        confidential: form.confidential,
        affects: form.affects,
        ...(triaged && form.severity ? { severity: form.severity } : {}),
        ...(triaged && form.urgency ? { urgency: form.urgency } : {}),
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
      <Select
        label={t('incidents.detail.fields.unit')}
        data={(units.data ?? [])
          .filter((u) => u.active || u.id === form.unitId)
          .map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
        value={form.unitId}
        onChange={(unitId) => set({ unitId })}
        searchable
        clearable
      />
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
      {triaged && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('incidents.detail.fields.severity')}
            data={levels}
            value={form.severity}
            onChange={(v) => v && set({ severity: v as IncidentLevel })}
            allowDeselect={false}
          />
          <Select
            label={t('incidents.detail.fields.urgency')}
            data={levels}
            value={form.urgency}
            onChange={(v) => v && set({ urgency: v as IncidentLevel })}
            allowDeselect={false}
          />
        </SimpleGrid>
      )}
      <Group gap="lg">
        {(['confidentiality', 'integrity', 'availability'] as const).map((key) => (
          <Checkbox
            key={key}
            label={t(`incidents.detail.affects.${key}`)}
            checked={form.affects[key]}
            onChange={(e) => set({ affects: { ...form.affects, [key]: e.currentTarget.checked } })}
          />
        ))}
      </Group>
      <Switch
        label={t('incidents.detail.fields.confidential')}
        checked={form.confidential}
        onChange={(e) => set({ confidential: e.currentTarget.checked })}
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
