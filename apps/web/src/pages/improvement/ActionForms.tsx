import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { improvementActionKindSchema } from '@mamoru/contracts';
import { useUserDirectory } from '../../api/identity';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields } from '../../lib/problemFields';
import { useActionStep, useNcStep, type ImprovementAction, type NonconformityDetail } from './api';

const today = () => new Date().toISOString().slice(0, 10);

/** Plans an action of the current cycle: owner, due date, resources, review interval. */
export function NewActionForm({ nc, onDone }: { nc: NonconformityDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const users = useUserDirectory(true);
  const mutation = useNcStep('actions');
  const [form, setForm] = useState({
    kind: nc.kind === 'potential' ? 'preventive' : 'corrective',
    title: '',
    ownerId: null as string | null,
    dueDate: today(),
    resources: '',
    reviewIntervalDays: 90 as number | string,
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const labels = {
    kind: t('improvement.fields.kind'),
    title: t('improvement.fields.actionTitle'),
    ownerId: t('improvement.fields.actionOwner'),
    dueDate: t('improvement.fields.dueDate'),
    resources: t('improvement.fields.resources'),
    reviewIntervalDays: t('improvement.fields.reviewIntervalDays'),
  };
  const problem = problemFields(mutation.error, labels);
  const valid = form.title.trim().length > 0 && !!form.ownerId && !!form.dueDate;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    const body = { ...form, reviewIntervalDays: Number(form.reviewIntervalDays) || 0 };
    mutation.mutate({ nc, body }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SaveProblem
          error={mutation.error}
          staleTitle={t('improvement.detail.staleTitle')}
          staleBody={t('improvement.detail.staleBody')}
          fields={problem}
        />
        <TextInput
          label={labels.title}
          value={form.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          required
          error={problem.error('title')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={labels.kind}
            data={improvementActionKindSchema.options.map((v) => ({
              value: v,
              label: t(`improvement.actionKind.${v}`),
            }))}
            value={form.kind}
            onChange={(v) => v && set({ kind: v })}
            allowDeselect={false}
            error={problem.error('kind')}
          />
          <Select
            label={labels.ownerId}
            data={(users.data ?? [])
              .filter((u) => u.active)
              .map((u) => ({ value: u.id, label: u.displayName }))}
            value={form.ownerId}
            onChange={(ownerId) => set({ ownerId })}
            searchable
            required
            error={problem.error('ownerId')}
          />
          <TextInput
            type="date"
            label={labels.dueDate}
            value={form.dueDate}
            onChange={(e) => set({ dueDate: e.currentTarget.value })}
            required
            error={problem.error('dueDate')}
          />
          <NumberInput
            label={labels.reviewIntervalDays}
            value={form.reviewIntervalDays}
            onChange={(reviewIntervalDays) => set({ reviewIntervalDays })}
            min={0}
            max={730}
            error={problem.error('reviewIntervalDays')}
          />
        </SimpleGrid>
        <Textarea
          label={labels.resources}
          value={form.resources}
          onChange={(e) => set({ resources: e.currentTarget.value })}
          autosize
          minRows={1}
          error={problem.error('resources')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={!valid}>
            {t('improvement.detail.addAction')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * Implementation (by the owner) or effectiveness review (by someone else) of
 * one action: a note, and for the review the verdict.
 */
export function ActionStepForm({
  step,
  action,
  onDone,
}: {
  step: 'implementation' | 'review';
  action: ImprovementAction;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const mutation = useActionStep(step);
  const [note, setNote] = useState('');
  const [effective, setEffective] = useState(true);
  const noteLabel = t(
    step === 'review' ? 'improvement.fields.reviewNote' : 'improvement.fields.implementationNote',
  );
  const labels = { note: noteLabel, effective: t('improvement.fields.effective') };
  const problem = problemFields(mutation.error, labels);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) return;
    const body = step === 'review' ? { note, effective } : { note };
    mutation.mutate({ action, body }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SaveProblem
          error={mutation.error}
          staleTitle={t('improvement.detail.staleTitle')}
          staleBody={t('improvement.detail.staleBody')}
          fields={problem}
        />
        <Textarea
          label={noteLabel}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          required
          error={problem.error('note')}
        />
        {step === 'review' && (
          <Checkbox
            label={labels.effective}
            checked={effective}
            onChange={(e) => setEffective(e.currentTarget.checked)}
            error={problem.error('effective')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={!note.trim()}>
            {t(step === 'review' ? 'improvement.detail.review' : 'improvement.detail.implement')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
