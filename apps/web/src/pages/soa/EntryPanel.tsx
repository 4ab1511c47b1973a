import {
  Anchor,
  Button,
  Divider,
  Drawer,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../session/useSession';
import { FormError } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { textIn, useCatalogLanguage } from '../../lib/catalogText';
import { problemFields, unplacedText, type FieldLabels } from '../../lib/problemFields';
import type { SoaEntry, SoaEntryUpdate } from './api';
import { DecisionFields, type UserOption } from './DecisionFields';
import { LinksEditor } from './EntryFields';
import { controlIdIn, groupIdIn } from '../../lib/displayId';

function formOf(e: SoaEntry) {
  return {
    decision: e.applicable === null ? '' : e.applicable ? 'yes' : 'no',
    reasons: e.reasons,
    exclusionReason: e.exclusionReason,
    riskAcceptedBy: e.riskAcceptedBy,
    riskAcceptedOn: e.riskAcceptedOn ?? '',
    implementationStatus: e.implementationStatus,
    links: e.links,
    ownerUserId: e.ownerUserId,
    notes: e.notes,
  };
}
type Form = ReturnType<typeof formOf>;

function changeOf(form: Form): SoaEntryUpdate {
  return {
    applicable: form.decision === '' ? null : form.decision === 'yes',
    reasons: form.reasons,
    exclusionReason: form.exclusionReason,
    riskAcceptedBy: form.riskAcceptedBy,
    riskAcceptedOn: form.riskAcceptedOn || null,
    implementationStatus: form.implementationStatus,
    links: form.links,
    ownerUserId: form.ownerUserId,
    notes: form.notes,
  };
}

/** One entry: the control summary, linked risks, and the decision with its reasons. */
function EntryForm({
  entry,
  users,
  editable,
  saving,
  error,
  onSave,
}: {
  entry: SoaEntry;
  users: UserOption[];
  editable: boolean;
  saving: boolean;
  error: unknown;
  onSave: (change: SoaEntryUpdate) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const { can } = useSession();
  const lang = useCatalogLanguage();
  const [form, setForm] = useState(() => formOf(entry));
  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const risks = entry.reasons.filter((r) => r.type === 'risk' && r.link);
  const labels: FieldLabels = {
    applicable: t('soa.panel.decision'),
    reasons: t('soa.panel.reasons'),
    exclusionReason: t('soa.panel.exclusionReason'),
    riskAcceptedBy: t('soa.panel.acceptedBy'),
    riskAcceptedOn: t('soa.panel.acceptedOn'),
    implementationStatus: t('soa.panel.implementation'),
    links: t('soa.panel.links'),
    ownerUserId: t('soa.panel.owner'),
    notes: t('soa.panel.notes'),
  };
  // The reasons and links lists name the list; the other fields mark their input.
  const problem = problemFields(
    error,
    labels,
    Object.keys(labels).filter((f) => !['applicable', 'reasons', 'links'].includes(f)),
  );
  const save = async () => {
    await onSave(changeOf(form));
    toast.success(t('soa.panel.saved', { control: controlIdIn(entry, lang) }));
  };
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text fz="xs" c="dimmed">
          {[
            groupIdIn(entry.objectiveId, entry.objectiveDisplayId, lang),
            textIn(entry.objectiveTitle, lang),
          ].join(' ')}
        </Text>
        <Title order={3} fz="sm">
          {t('soa.panel.summary')}
        </Title>
        <Text fz="sm">{textIn(entry.summary, lang) || '—'}</Text>
        {entry.applicable && can('controls:read') && (
          <Anchor component={Link} to={`/controls/${encodeURIComponent(entry.controlId)}`} fz="sm">
            {t('areas.controls.title')}
          </Anchor>
        )}
      </Stack>
      <Stack gap={4}>
        <Title order={3} fz="sm">
          {t('soa.panel.linkedRisks')}
        </Title>
        {risks.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('soa.panel.noRisks')}
          </Text>
        ) : (
          <Group gap="xs">
            {risks.map((r) => (
              <Text key={r.link!.id} fz="sm" fw={600}>
                {r.link!.label || r.link!.id}
              </Text>
            ))}
          </Group>
        )}
      </Stack>
      <Divider />
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          <DecisionFields
            id="soa"
            form={form}
            onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
            users={users}
            error={(field) => problem.error(field)}
          />
          <LinksEditor links={form.links} onChange={(l) => set('links', l)} />
          <Select
            label={t('soa.panel.owner')}
            data={users}
            value={form.ownerUserId}
            onChange={(v) => set('ownerUserId', v)}
            error={problem.error('ownerUserId')}
            searchable
            clearable
          />
          <Textarea
            label={t('soa.panel.notes')}
            value={form.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={problem.error('notes')}
            autosize
            minRows={2}
          />
          <FormError error={error} extra={problem.unplaced.map(unplacedText)} />
          {editable && (
            <Group justify="flex-end">
              <Button onClick={() => void save().catch(() => undefined)} loading={saving}>
                {t('soa.panel.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </Stack>
  );
}

export function EntryPanel({
  entry,
  onClose,
  ...props
}: {
  entry: SoaEntry | null;
  onClose: () => void;
  users: UserOption[];
  editable: boolean;
  saving: boolean;
  error: unknown;
  onSave: (change: SoaEntryUpdate) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const lang = useCatalogLanguage();
  return (
    <Drawer
      opened={entry !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={entry ? `${controlIdIn(entry, lang)} ${textIn(entry.title, lang)}` : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {entry && (
        <EntryForm key={`${entry.controlId}-${entry.updatedAt}`} entry={entry} {...props} />
      )}
    </Drawer>
  );
}
