import {
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { RISK_CHANGE_KINDS } from '@mamoru/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/FormActions';
import { SaveProblem } from '../../../components/SaveProblem';
import { toDateInput } from '../../../lib/format';
import { problemFields } from '../../../lib/problemFields';
import type { RiskAssessment } from '../api/assessments';
import {
  useRecordChangeReview,
  useUpdateChangeReview,
  type ChangeReviewInput,
  type RiskChangeKind,
  type RiskChangeOutcome,
  type RiskChangeReview,
} from '../api/change-reviews';

function initialState(review: RiskChangeReview | null) {
  return {
    kind: (review?.kind ?? null) as RiskChangeKind | null,
    reviewedOn: review?.reviewedOn ?? toDateInput(new Date()),
    outcome: (review?.outcome ?? 'no_change') as RiskChangeOutcome,
    description: review?.description ?? '',
    assessmentId: review?.assessmentId ?? null,
  };
}

/**
 * Records a review of change or edits one (If-Match with the version read; on
 * a 412 nothing is saved and what the user typed stays). A change must say
 * what changed and may name the run of this tab made for it.
 */
export function ChangeReviewModal({
  review,
  runs,
  onClose,
}: {
  review: RiskChangeReview | null;
  runs: readonly RiskAssessment[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useRecordChangeReview();
  const update = useUpdateChangeReview();
  const save = review ? update : create;
  const [form, setForm] = useState(() => initialState(review));
  const [touched, setTouched] = useState(false);
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const changed = form.outcome === 'changed';
  const labels = {
    kind: t('riskChanges.fields.kind'),
    reviewedOn: t('riskChanges.fields.reviewedOn'),
    outcome: t('riskChanges.fields.outcome'),
    description: changed ? t('riskChanges.fields.description') : t('riskChanges.fields.note'),
    assessmentId: t('riskChanges.fields.assessment'),
    decidedBy: t('riskChanges.fields.decidedBy'),
  };
  const problem = problemFields(save.error, labels, [
    'kind',
    'reviewedOn',
    'outcome',
    'description',
    'assessmentId',
  ]);
  const missingDescription = touched && changed && !form.description.trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!form.kind || (changed && !form.description.trim())) return;
    const body: ChangeReviewInput = {
      kind: form.kind,
      reviewedOn: form.reviewedOn,
      outcome: form.outcome,
      description: form.description,
      // A "no change" decision has no reassessment to name.
      assessmentId: changed ? form.assessmentId : null,
    };
    if (review) update.mutate({ review, body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={review ? t('riskChanges.editTitle') : t('riskChanges.newTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SaveProblem
            error={save.error}
            staleTitle={t('riskChanges.staleTitle')}
            staleBody={t('riskChanges.staleBody')}
            fields={problem}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={labels.kind}
              data={RISK_CHANGE_KINDS.map((k) => ({
                value: k,
                label: t(`riskChanges.kinds.${k}`),
              }))}
              value={form.kind}
              onChange={(v) => set({ kind: v as RiskChangeKind | null })}
              required
              error={
                (touched && !form.kind ? t('validation.required') : undefined) ??
                problem.error('kind')
              }
              comboboxProps={{ withinPortal: true }}
            />
            <TextInput
              type="date"
              label={labels.reviewedOn}
              value={form.reviewedOn}
              onChange={(e) => set({ reviewedOn: e.currentTarget.value })}
              required
              error={problem.error('reviewedOn')}
            />
          </SimpleGrid>
          <Stack gap={4}>
            <Text fz="sm" fw={500} id="change-outcome">
              {labels.outcome}
            </Text>
            <SegmentedControl
              aria-labelledby="change-outcome"
              value={form.outcome}
              onChange={(v) => set({ outcome: v as RiskChangeOutcome })}
              data={(['no_change', 'changed'] as const).map((o) => ({
                value: o,
                label: t(`riskChanges.outcomes.${o}`),
              }))}
            />
            {!changed && (
              <Text fz="xs" c="dimmed">
                {t('riskChanges.noChangeHint')}
              </Text>
            )}
          </Stack>
          <Textarea
            label={labels.description}
            value={form.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            required={changed}
            error={
              (missingDescription ? t('riskChanges.descriptionRequired') : undefined) ??
              problem.error('description')
            }
            autosize
            minRows={3}
            maxLength={4000}
          />
          {changed && (
            <Select
              label={labels.assessmentId}
              description={t('riskChanges.assessmentHint')}
              placeholder={t('riskChanges.pickAssessment')}
              data={runs.map((r) => ({ value: r.id, label: `${r.number}. ${r.title}` }))}
              value={form.assessmentId}
              onChange={(v) => set({ assessmentId: v })}
              clearable
              error={problem.error('assessmentId')}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={t('riskChanges.save')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
