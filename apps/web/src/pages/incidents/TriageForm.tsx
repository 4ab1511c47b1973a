import { Button, Checkbox, Group, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_LEVELS, type IncidentLevel, type PriorityMatrixValue } from '@mamoru/contracts';
import { SectionCard } from '../../components/SectionCard';
import { useTriageIncident, useUserOptions, type Incident } from './api-detail';
import { IncidentSaveProblem, PriorityBadge } from './detail-shared';

/** The matrix's cell: rows are severity, columns urgency (as the server's priorityOf reads it). */
export function priorityFrom(
  matrix: PriorityMatrixValue | undefined,
  severity: IncidentLevel | null,
  urgency: IncidentLevel | null,
) {
  if (!matrix || !severity || !urgency) return null;
  return matrix[INCIDENT_LEVELS.indexOf(severity)]?.[INCIDENT_LEVELS.indexOf(urgency)] ?? null;
}

/** Level select options in the reader's language. */
export function useLevelOptions() {
  const { t } = useTranslation();
  return INCIDENT_LEVELS.map((level) => ({
    value: level,
    label: t(`incidents.detail.level.${level}`),
  }));
}

/** Assignee picker searching the users; keeps the current assignee as an option. */
export function AssigneeSelect({
  value,
  current,
  onChange,
}: {
  value: string | null;
  current: Incident['assignee'];
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const users = useUserOptions(q, true);
  const options = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  if (current && !options.some((o) => o.value === current.id)) {
    options.unshift({ value: current.id, label: current.displayName });
  }
  return (
    <Select
      label={t('incidents.detail.fields.assignee')}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      onSearchChange={setQ}
      nothingFoundMessage={t('incidents.detail.nothingFound')}
    />
  );
}

/**
 * Triage of a fresh report: severity and urgency give the priority from the
 * organization's matrix (previewed here, decided by the server).
 */
export function TriageForm({
  incident,
  matrix,
}: {
  incident: Incident;
  matrix: PriorityMatrixValue | undefined;
}) {
  const { t } = useTranslation();
  const levels = useLevelOptions();
  const triage = useTriageIncident();
  const [severity, setSeverity] = useState<IncidentLevel | null>(incident.severity);
  const [urgency, setUrgency] = useState<IncidentLevel | null>(incident.urgency);
  const [assigneeId, setAssigneeId] = useState<string | null>(incident.assignee?.id ?? null);
  const [confidential, setConfidential] = useState(incident.confidential);
  const [affects, setAffects] = useState(incident.affects);
  const [note, setNote] = useState('');
  const priority = priorityFrom(matrix, severity, urgency);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!severity || !urgency) return;
    triage.mutate({
      incident,
      body: {
        severity,
        urgency,
        assigneeId,
        confidential,
        affects,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
    });
  };

  return (
    <SectionCard
      id="incident-triage"
      title={t('incidents.detail.triage.title')}
      description={t('incidents.detail.triage.description')}
    >
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <Select
              label={t('incidents.detail.fields.severity')}
              data={levels}
              value={severity}
              onChange={(v) => setSeverity(v as IncidentLevel | null)}
              required
            />
            <Select
              label={t('incidents.detail.fields.urgency')}
              data={levels}
              value={urgency}
              onChange={(v) => setUrgency(v as IncidentLevel | null)}
              required
            />
          </Group>
          <Group gap="xs" aria-live="polite">
            <Text fz="sm">{t('incidents.detail.triage.preview')}</Text>
            {priority != null ? (
              <PriorityBadge priority={priority} />
            ) : (
              <Text fz="sm" c="dimmed">
                {t('incidents.detail.triage.previewNone')}
              </Text>
            )}
          </Group>
          <AssigneeSelect value={assigneeId} current={incident.assignee} onChange={setAssigneeId} />
          <Group gap="lg">
            {(['confidentiality', 'integrity', 'availability'] as const).map((key) => (
              <Checkbox
                key={key}
                label={t(`incidents.detail.affects.${key}`)}
                checked={affects[key]}
                onChange={(e) => setAffects({ ...affects, [key]: e.currentTarget.checked })}
              />
            ))}
          </Group>
          <Switch
            label={t('incidents.detail.fields.confidential')}
            checked={confidential}
            onChange={(e) => setConfidential(e.currentTarget.checked)}
          />
          <Textarea
            label={t('incidents.detail.fields.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <IncidentSaveProblem error={triage.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={triage.isPending} disabled={!severity || !urgency}>
              {t('incidents.detail.triage.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
