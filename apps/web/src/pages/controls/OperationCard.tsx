import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTROL_OPERATION_STATUSES, type ControlOperationStatus } from '@mamoru/contracts';
import { useUserDirectory } from '../../api/identity';
import { FormActions } from '../../components/FormActions';
import { SaveProblem } from '../../components/SaveProblem';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../lib/format';
import { problemFields, type FieldLabels } from '../../lib/problemFields';
import { useSession } from '../../session/useSession';
import { useSaveOperation, type ControlDetail } from './api';
import { OperationBadge } from './badges';

type Operation = ControlDetail['operation'];

function formOf(operation: Operation) {
  return {
    status: (operation?.status ?? 'not_started') as ControlOperationStatus,
    ownerUserId: operation?.owner?.id ?? null,
    notes: operation?.notes ?? '',
    noProcedureReason: operation?.noProcedureReason ?? '',
  };
}

/**
 * The control's operation (status, owner, notes, the reason nothing
 * evidences it), saved with If-Match of the version read (0 creates it).
 */
function OperationForm({
  controlId,
  operation,
  onDone,
}: {
  controlId: string;
  operation: Operation;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const { can } = useSession();
  const users = useUserDirectory(can('users:read'));
  const save = useSaveOperation(controlId);
  const [form, setForm] = useState(() => formOf(operation));
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const labels: FieldLabels = {
    status: t('controls.detail.operation.status'),
    ownerUserId: t('controls.detail.operation.owner'),
    notes: t('controls.detail.operation.notes'),
    noProcedureReason: t('controls.detail.operation.reason'),
  };
  const problem = problemFields(save.error, labels);
  // The owner read may have left the directory (or the reader may not list users).
  const owner = operation?.owner;
  const ownerOptions = [
    ...(owner && !(users.data ?? []).some((u) => u.id === owner.id)
      ? [{ value: owner.id, label: owner.name }]
      : []),
    ...(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName })),
  ];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { version: operation?.version ?? 0, body: form },
      {
        onSuccess: () => {
          toast.success(t('controls.detail.operation.saved'));
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SaveProblem
          error={save.error}
          staleTitle={t('controls.detail.operation.staleTitle')}
          staleBody={t('controls.detail.operation.staleBody')}
          fields={problem}
        />
        <Group grow align="flex-start">
          <Select
            label={t('controls.detail.operation.status')}
            data={CONTROL_OPERATION_STATUSES.map((s) => ({
              value: s,
              label: t(`controls.status.${s}`),
            }))}
            value={form.status}
            onChange={(v) => v && set('status', v as ControlOperationStatus)}
            allowDeselect={false}
            error={problem.error('status')}
          />
          <Select
            label={t('controls.detail.operation.owner')}
            data={ownerOptions}
            value={form.ownerUserId}
            onChange={(v) => set('ownerUserId', v)}
            searchable
            clearable
            error={problem.error('ownerUserId')}
          />
        </Group>
        <Textarea
          label={t('controls.detail.operation.notes')}
          value={form.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          autosize
          minRows={2}
          error={problem.error('notes')}
        />
        <Textarea
          label={t('controls.detail.operation.reason')}
          description={t('controls.detail.operation.reasonHint')}
          value={form.noProcedureReason}
          onChange={(e) => set('noProcedureReason', e.currentTarget.value)}
          autosize
          minRows={2}
          error={problem.error('noProcedureReason')}
        />
        <FormActions
          onCancel={onDone}
          submitLabel={t('controls.detail.operation.save')}
          loading={save.isPending}
        />
      </Stack>
    </form>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" fw={700} c="dimmed">
        {label}
      </Text>
      {children}
    </Stack>
  );
}

export function OperationCard({ detail }: { detail: ControlDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  const operation = detail.operation;
  const editable = can('controls:operate');
  return (
    <SectionCard
      id="control-operation"
      title={t('controls.detail.operation.title')}
      description={t('controls.detail.operation.hint')}
      actions={
        editable &&
        !editing && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {operation
              ? t('controls.detail.operation.edit')
              : t('controls.detail.operation.record')}
          </Button>
        )
      }
    >
      {editing ? (
        <OperationForm
          controlId={detail.control.id}
          operation={operation}
          onDone={() => setEditing(false)}
        />
      ) : !operation ? (
        <Text fz="sm" c="dimmed">
          {t('controls.detail.operation.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Group gap="xl" align="flex-start">
            <Field label={t('controls.detail.operation.status')}>
              <OperationBadge status={operation.status} />
            </Field>
            <Field label={t('controls.detail.operation.owner')}>
              <Text fz="sm">{operation.owner?.name ?? t('controls.detail.nobody')}</Text>
            </Field>
          </Group>
          {operation.notes && (
            <Field label={t('controls.detail.operation.notes')}>
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {operation.notes}
              </Text>
            </Field>
          )}
          {operation.noProcedureReason && (
            <Field label={t('controls.detail.operation.reason')}>
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {operation.noProcedureReason}
              </Text>
            </Field>
          )}
          <Text fz="xs" c="dimmed">
            {t('controls.detail.operation.updated', {
              name: operation.updatedBy?.name ?? '—',
              date: format.dateTime(operation.updatedAt),
            })}
          </Text>
        </Stack>
      )}
    </SectionCard>
  );
}
