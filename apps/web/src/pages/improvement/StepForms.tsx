import {
  ActionIcon,
  Button,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fishboneCategorySchema } from '@mamoru/contracts';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields, type FieldLabels } from '../../lib/problemFields';
import { useNcStep, type NcStep, type NonconformityDetail } from './api';

/**
 * The forms of the nonconformity's own steps: containment, cause analysis,
 * evaluation, closing. Each posts with the version read (412: someone saved
 * meanwhile, and what was typed stays) and places 422 field errors.
 */

function StepForm({
  step,
  nc,
  labels,
  body,
  valid,
  submitLabel,
  children,
}: {
  step: NcStep;
  nc: NonconformityDetail;
  labels: FieldLabels;
  body: () => unknown;
  valid: boolean;
  submitLabel?: string;
  children: (error: (field: string) => string | undefined) => ReactNode;
}) {
  const { t } = useTranslation();
  const mutation = useNcStep(step);
  const problem = problemFields(mutation.error, labels);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) mutation.mutate({ nc, body: body() });
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
        {children(problem.error)}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending} disabled={!valid}>
            {submitLabel ?? t('improvement.detail.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ContainmentForm({ nc }: { nc: NonconformityDetail }) {
  const { t } = useTranslation();
  const [containment, setContainment] = useState(nc.containment);
  const label = t('improvement.fields.containment');
  return (
    <StepForm
      step="containment"
      nc={nc}
      labels={{ containment: label }}
      body={() => ({ containment })}
      valid={containment.trim().length > 0}
    >
      {(error) => (
        <Textarea
          label={label}
          value={containment}
          onChange={(e) => setContainment(e.currentTarget.value)}
          autosize
          minRows={2}
          required
          error={error('containment')}
        />
      )}
    </StepForm>
  );
}

export function AnalysisForm({ nc }: { nc: NonconformityDetail }) {
  const { t } = useTranslation();
  const current = nc.analyses.find((a) => a.cycle === nc.cycle);
  const [whys, setWhys] = useState<string[]>(current?.whySteps ?? ['']);
  const [category, setCategory] = useState<string | null>(current?.fishboneCategory ?? null);
  const [rootCause, setRootCause] = useState(current?.rootCause ?? '');
  const labels = {
    whySteps: t('improvement.fields.whySteps'),
    fishboneCategory: t('improvement.fields.fishboneCategory'),
    rootCause: t('improvement.fields.rootCause'),
  };
  const steps = whys.map((w) => w.trim()).filter(Boolean);
  return (
    <StepForm
      step="analysis"
      nc={nc}
      labels={labels}
      body={() => ({ whySteps: steps, fishboneCategory: category, rootCause })}
      valid={steps.length > 0 && !!category && rootCause.trim().length > 0}
    >
      {(error) => (
        <>
          {whys.map((why, i) => (
            <Group key={i} gap="xs" align="flex-end">
              <TextInput
                style={{ flex: 1 }}
                label={t('improvement.fields.whyStep', { n: i + 1 })}
                value={why}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setWhys((list) => list.map((w, j) => (j === i ? value : w)));
                }}
                error={i === 0 ? error('whySteps') : undefined}
              />
              {whys.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  aria-label={t('common.dismiss')}
                  onClick={() => setWhys((list) => list.filter((_, j) => j !== i))}
                  mb={4}
                >
                  <IconX size={16} aria-hidden="true" />
                </ActionIcon>
              )}
            </Group>
          ))}
          {whys.length < 10 && (
            <Button
              variant="subtle"
              leftSection={<IconPlus size={14} aria-hidden="true" />}
              onClick={() => setWhys((list) => [...list, ''])}
              w="fit-content"
            >
              {t('improvement.detail.addWhy')}
            </Button>
          )}
          <Select
            label={labels.fishboneCategory}
            data={fishboneCategorySchema.options.map((v) => ({
              value: v,
              label: t(`improvement.fishbone.${v}`),
            }))}
            value={category}
            onChange={setCategory}
            required
            error={error('fishboneCategory')}
          />
          <Textarea
            label={labels.rootCause}
            value={rootCause}
            onChange={(e) => setRootCause(e.currentTarget.value)}
            autosize
            minRows={2}
            required
            error={error('rootCause')}
          />
        </>
      )}
    </StepForm>
  );
}

export function EvaluationForm({ nc }: { nc: NonconformityDetail }) {
  const { t } = useTranslation();
  const [needed, setNeeded] = useState('yes');
  const [reason, setReason] = useState('');
  const labels = {
    actionNeeded: t('improvement.fields.actionNeeded'),
    reason: t('improvement.fields.reason'),
  };
  return (
    <StepForm
      step="evaluation"
      nc={nc}
      labels={labels}
      body={() => ({ actionNeeded: needed === 'yes', reason })}
      valid={reason.trim().length > 0}
    >
      {(error) => (
        <>
          <SegmentedControl
            aria-label={labels.actionNeeded}
            value={needed}
            onChange={setNeeded}
            data={[
              { value: 'yes', label: t('improvement.detail.actionNeededYes') },
              { value: 'no', label: t('improvement.detail.actionNeededNo') },
            ]}
            w="fit-content"
          />
          <Textarea
            label={labels.reason}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            required
            error={error('reason')}
          />
        </>
      )}
    </StepForm>
  );
}

export function CloseForm({ nc }: { nc: NonconformityDetail }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const label = t('improvement.fields.closeReason');
  return (
    <StepForm
      step="close"
      nc={nc}
      labels={{ reason: label }}
      body={() => ({ reason })}
      valid
      submitLabel={t('improvement.detail.closeNow')}
    >
      {(error) => (
        <Textarea
          label={label}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={1}
          error={error('reason')}
        />
      )}
    </StepForm>
  );
}
