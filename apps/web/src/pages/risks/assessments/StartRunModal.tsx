import {
  Button,
  Checkbox,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { riskAssessmentCreateSchema } from '@mamoru/contracts';
import { FormError } from '../../../components/QueryStates';
import { toDateInput } from '../../../lib/format';
import {
  serverFieldErrors,
  unplacedErrors,
  validate,
  type FieldErrors,
} from '../../../lib/validation';
import { useCreateAssessment, type RiskAssessmentInput } from '../api/assessments';

export const REASONS = [
  'initial',
  'organization',
  'technology',
  'business_objectives',
  'processes',
  'threats',
  'external_events',
  'other',
] as const;

/** A new dated run (4.2.3.c): it starts from the last one and says why the risks are reassessed. */
export function StartRunModal({ first, onClose }: { first: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateAssessment();
  const [title, setTitle] = useState('');
  const [assessedOn, setAssessedOn] = useState(() => toDateInput(new Date()));
  const [reasons, setReasons] = useState<string[]>(first ? ['initial'] : []);
  const [reasonText, setReasonText] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const all = { ...errors, ...serverFieldErrors(create.error) };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const body = {
      title: title.trim(),
      assessedOn,
      reasons: reasons as RiskAssessmentInput['reasons'],
      reasonText,
    };
    const found = validate(riskAssessmentCreateSchema, body);
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate(body, { onSuccess: onClose });
  }

  return (
    <Modal opened onClose={onClose} size="lg" title={t('risks.assessments.startTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            {t('risks.assessments.startIntro')}
          </Text>
          <FormError
            error={create.error}
            extra={unplacedErrors(create.error, ['title', 'assessedOn', 'reasons', 'reasonText'])}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('risks.assessments.fields.title')}
              placeholder={t('risks.assessments.titlePlaceholder')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={all.title}
              required
              data-autofocus
            />
            <TextInput
              type="date"
              label={t('risks.assessments.fields.assessedOn')}
              value={assessedOn}
              onChange={(e) => setAssessedOn(e.currentTarget.value)}
              error={all.assessedOn}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('risks.assessments.fields.reasons')}
            value={reasons}
            onChange={setReasons}
            error={all.reasons}
            withAsterisk
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing={6}>
              {REASONS.map((r) => (
                <Checkbox key={r} value={r} label={t(`risks.assessments.reasons.${r}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea
            label={t('risks.assessments.fields.reasonText')}
            value={reasonText}
            onChange={(e) => setReasonText(e.currentTarget.value)}
            error={all.reasonText}
            autosize
            minRows={3}
            maxLength={4000}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('risks.assessments.start')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
