import {
  Modal,
  MultiSelect,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { auditCreateSchema } from '@mamoru/contracts';
import { useOrgUnits } from '../../api/assets';
import { CatalogPicker } from '../../components/catalogPicker/CatalogPicker';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/QueryStates';
import {
  serverFieldErrors,
  unplacedErrors,
  validate,
  type FieldErrors,
} from '../../lib/validation';
import { useSaveAudit, type Audit, type AuditInput } from './api';
import { ScopeObjectPicker } from './ScopeObjectPicker';

const FIELDS = [
  'title',
  'plannedStart',
  'plannedEnd',
  'notes',
  'auditeeUnitIds',
  'scopeProcesses',
  'scopeAssetIds',
  'scopeDocumentIds',
  'requirementIds',
  'controlIds',
  'openingMeetingAt',
  'closingMeetingAt',
];

/** `<input type="datetime-local">` value of an ISO instant, in local time. */
function localInput(iso: string | null) {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Plans an audit or edits its plan: auditees, dates, scope and (when editing) meetings. */
export function AuditFormModal({ audit, onClose }: { audit: Audit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const units = useOrgUnits();
  const save = useSaveAudit();
  const [form, setForm] = useState({
    title: audit?.title ?? '',
    plannedStart: audit?.plannedStart ?? '',
    plannedEnd: audit?.plannedEnd ?? '',
    notes: audit?.notes ?? '',
    auditeeUnitIds: audit?.auditeeUnits.map((u) => u.id) ?? [],
    scopeProcesses: audit?.scopeProcesses ?? [],
    scopeAssets: audit?.scopeAssets ?? [],
    scopeDocuments: audit?.scopeDocuments ?? [],
    requirementIds: audit?.requirementIds ?? [],
    controlIds: audit?.controlIds ?? [],
    openingMeetingAt: localInput(audit?.openingMeetingAt ?? null),
    closingMeetingAt: localInput(audit?.closingMeetingAt ?? null),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const all = { ...errors, ...serverFieldErrors(save.error) };
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { openingMeetingAt, closingMeetingAt, scopeAssets, scopeDocuments, ...plan } = form;
    const body: AuditInput = {
      ...plan,
      title: plan.title.trim(),
      scopeAssetIds: scopeAssets.map((a) => a.id),
      scopeDocumentIds: scopeDocuments.map((d) => d.id),
    };
    const found = validate(auditCreateSchema, body);
    if (body.plannedStart && body.plannedEnd && body.plannedEnd < body.plannedStart) {
      found.plannedEnd = t('audits.form.endBeforeStart');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const instant = (v: string) => (v ? new Date(v).toISOString() : null);
    const meetings = audit
      ? { openingMeetingAt: instant(openingMeetingAt), closingMeetingAt: instant(closingMeetingAt) }
      : {};
    save.mutate(
      { audit, body: { ...body, ...meetings } },
      {
        onSuccess: (saved) => {
          onClose();
          if (!audit) void navigate(`/internal-audits/${saved.id}`);
        },
      },
    );
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={
        audit ? t('audits.form.editTitle', { code: audit.code }) : t('audits.form.createTitle')
      }
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} extra={unplacedErrors(save.error, FIELDS)} />
          <TextInput
            label={t('audits.fields.title')}
            value={form.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={all.title}
            required
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('audits.fields.plannedStart')}
              value={form.plannedStart}
              onChange={(e) => set('plannedStart', e.currentTarget.value)}
              error={all.plannedStart}
              required
            />
            <TextInput
              type="date"
              label={t('audits.fields.plannedEnd')}
              value={form.plannedEnd}
              onChange={(e) => set('plannedEnd', e.currentTarget.value)}
              error={all.plannedEnd}
              required
            />
          </SimpleGrid>
          {audit && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="datetime-local"
                label={t('audits.fields.openingMeetingAt')}
                value={form.openingMeetingAt}
                onChange={(e) => set('openingMeetingAt', e.currentTarget.value)}
                error={all.openingMeetingAt}
              />
              <TextInput
                type="datetime-local"
                label={t('audits.fields.closingMeetingAt')}
                value={form.closingMeetingAt}
                onChange={(e) => set('closingMeetingAt', e.currentTarget.value)}
                error={all.closingMeetingAt}
              />
            </SimpleGrid>
          )}
          <MultiSelect
            label={t('audits.fields.auditeeUnits')}
            data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={form.auditeeUnitIds}
            onChange={(v) => set('auditeeUnitIds', v)}
            error={all.auditeeUnitIds}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
          <TagsInput
            label={t('audits.fields.processes')}
            placeholder={t('audits.fields.processesPlaceholder')}
            value={form.scopeProcesses}
            onChange={(v) => set('scopeProcesses', v)}
            error={all.scopeProcesses}
          />
          <ScopeObjectPicker
            kind="assets"
            label={t('audits.fields.assets')}
            value={form.scopeAssets}
            onChange={(v) => set('scopeAssets', v)}
            error={all.scopeAssetIds}
          />
          <ScopeObjectPicker
            kind="documents"
            label={t('audits.fields.documents')}
            value={form.scopeDocuments}
            onChange={(v) => set('scopeDocuments', v)}
            error={all.scopeDocumentIds}
          />
          <CatalogPicker
            namespace="requirement"
            label={t('audits.fields.requirements')}
            value={form.requirementIds}
            onChange={(ids) => set('requirementIds', ids)}
            error={all.requirementIds}
          />
          <CatalogPicker
            namespace="control"
            label={t('audits.fields.controls')}
            value={form.controlIds}
            onChange={(ids) => set('controlIds', ids)}
            error={all.controlIds}
          />
          <Textarea
            label={t('audits.fields.notes')}
            value={form.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
            error={all.notes}
            autosize
            minRows={2}
          />
          <FormActions
            onCancel={onClose}
            submitLabel={audit ? t('common.saveChanges') : t('audits.form.create')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Modal>
  );
}
