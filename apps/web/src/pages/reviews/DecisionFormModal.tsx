import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  decisionOutputSchema,
  procedureReasonSchema,
  REVIEW_INPUT_SECTIONS,
  type DecisionOutput,
  type ProcedureReason,
  type ReviewInputSectionKey,
} from '@mamoru/contracts';
import { useUserDirectory } from '../../api/identity';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields } from '../../lib/problemFields';
import { useSession } from '../../session/useSession';
import { useRecordDecision, useUpdateDecision, type ReviewDecision } from './api';

/**
 * Records an output of the review: an improvement of effectiveness (6.3.a), a change
 * of procedures with its reason (6.3.b) or resources with an amount (6.3.c), who acts
 * on it and by when. On approval of the minutes each becomes a tracked improvement.
 */
export function DecisionFormModal({
  reviewId,
  decision,
  onClose,
}: {
  reviewId: string;
  decision?: ReviewDecision;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const users = useUserDirectory(can('users:read'));
  const create = useRecordDecision(reviewId);
  const update = useUpdateDecision();
  const mutation = decision ? update : create;
  const [output, setOutput] = useState<DecisionOutput>(decision?.output ?? 'effectiveness');
  const [reason, setReason] = useState<ProcedureReason | null>(decision?.procedureReason ?? null);
  const [amount, setAmount] = useState<number | string>(decision?.amount ?? '');
  const [title, setTitle] = useState(decision?.title ?? '');
  const [description, setDescription] = useState(decision?.description ?? '');
  const [ownerId, setOwnerId] = useState<string | null>(decision?.owner?.id ?? null);
  const [dueDate, setDueDate] = useState(decision?.dueDate ?? '');
  const [sections, setSections] = useState<string[]>(decision?.inputSections ?? []);
  const [touched, setTouched] = useState(false);
  const labels = {
    output: t('reviews.decisions.output'),
    procedureReason: t('reviews.decisions.reason'),
    amount: t('reviews.decisions.amount'),
    title: t('reviews.decisions.title'),
    description: t('reviews.decisions.description'),
    ownerId: t('reviews.decisions.owner'),
    dueDate: t('reviews.decisions.dueDate'),
    inputSections: t('reviews.decisions.inputSections'),
    'inputSections.**': t('reviews.decisions.inputSections'),
  };
  // The reason and the amount have inputs only for their output: otherwise their errors
  // are listed above the form, named.
  const placed = Object.keys(labels).filter(
    (key) =>
      (key !== 'procedureReason' || output === 'procedure') &&
      (key !== 'amount' || output === 'resources'),
  );
  const problem = problemFields(mutation.error, labels, placed);
  const required = (value: string | null) =>
    touched && !value?.trim() ? t('reviews.form.required') : undefined;
  const ownerItems = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  if (decision?.owner && !ownerItems.some((o) => o.value === decision.owner!.id))
    ownerItems.push({ value: decision.owner.id, label: decision.owner.name });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!title.trim() || !ownerId || !dueDate) return;
    if (output === 'procedure' && !reason) return;
    const body = {
      output,
      procedureReason: output === 'procedure' ? reason : null,
      amount: output === 'resources' && typeof amount === 'number' ? amount : null,
      title,
      description,
      ownerId,
      dueDate,
      inputSections: sections as ReviewInputSectionKey[],
    };
    if (decision) update.mutate({ decision, body }, { onSuccess: onClose });
    else create.mutate({ ...body, currency: 'JPY' }, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={decision ? t('reviews.decisions.editTitle') : t('reviews.decisions.newTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={mutation.error}
            staleTitle={t('reviews.stale.title')}
            staleBody={t('reviews.stale.body')}
            fields={problem}
          />
          <Select
            label={labels.output}
            data={decisionOutputSchema.options.map((o) => ({
              value: o,
              label: t(`reviews.output.${o}`),
            }))}
            value={output}
            onChange={(v) => v && setOutput(v as DecisionOutput)}
            allowDeselect={false}
            required
            error={problem.error('output')}
          />
          {output === 'procedure' && (
            <Select
              label={labels.procedureReason}
              data={procedureReasonSchema.options.map((r) => ({
                value: r,
                label: t(`reviews.reason.${r}`),
              }))}
              value={reason}
              onChange={(v) => setReason(v as ProcedureReason | null)}
              required
              error={required(reason) ?? problem.error('procedureReason')}
            />
          )}
          {output === 'resources' && (
            <NumberInput
              label={labels.amount}
              description={t('reviews.decisions.amountHint')}
              min={0}
              thousandSeparator=","
              value={amount}
              onChange={setAmount}
              error={problem.error('amount')}
            />
          )}
          <TextInput
            label={labels.title}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            error={required(title) ?? problem.error('title')}
          />
          <Textarea
            label={labels.description}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={problem.error('description')}
            autosize
            minRows={2}
          />
          <Group grow align="flex-start">
            <Select
              label={labels.ownerId}
              data={ownerItems}
              value={ownerId}
              onChange={setOwnerId}
              searchable
              required
              error={required(ownerId) ?? problem.error('ownerId')}
            />
            <TextInput
              type="date"
              label={labels.dueDate}
              value={dueDate}
              onChange={(e) => setDueDate(e.currentTarget.value)}
              required
              error={required(dueDate) ?? problem.error('dueDate')}
            />
          </Group>
          <MultiSelect
            label={labels.inputSections}
            data={REVIEW_INPUT_SECTIONS.map((s) => ({
              value: s,
              label: t(`reviews.sections.${s}`),
            }))}
            value={sections}
            onChange={setSections}
            error={problem.error('inputSections')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {decision ? t('reviews.form.save') : t('reviews.decisions.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
