import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/QueryStates';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { ChecklistLineFiles } from './ChecklistLineFiles';
import { useRecordResult, type ChecklistLine, type ChecklistResult } from './checklistApi';

const RESULTS: ChecklistResult[] = ['conform', 'major_nc', 'minor_nc', 'observation', 'ofi'];
const raises = (result: string | null) => result !== null && result !== 'conform';

/** What a line's reference reads as in the reader's language, or "own question". */
export function useLineReference() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  return (line: ChecklistLine) =>
    line.ref
      ? `${line.ref.displayId[lang]} ${line.ref.title[lang]}`
      : t('auditChecklist.checklist.own');
}

/**
 * Records a line's result. A nonconformity, observation or OFI raises a finding,
 * so the form asks for its description and due date; fields the server refuses
 * (422) are marked at their inputs.
 */
export function ChecklistResultModal({
  auditId,
  line,
  onClose,
}: {
  auditId: string;
  line: ChecklistLine;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const reference = useLineReference();
  const save = useRecordResult(auditId);
  const [result, setResult] = useState<ChecklistResult | null>(line.result);
  const [notes, setNotes] = useState(line.notes);
  const [description, setDescription] = useState('');
  const [dueDate, setDueDate] = useState('');
  // Evidence sampled: the line's evidence in Mamoru the auditor ticks, plus links kept from before.
  const keyOf = (e: { type: string; id: string }) => `${e.type}:${e.id}`;
  const offered = line.references.map((r) => ({ ...r, key: keyOf(r) }));
  const kept = line.evidence.filter((e) => !offered.some((r) => r.key === keyOf(e)));
  const [sampled, setSampled] = useState<string[]>(line.evidence.map(keyOf));
  const labels = {
    result: t('auditChecklist.resultForm.result'),
    notes: t('auditChecklist.resultForm.notes'),
    'finding.description': t('auditChecklist.resultForm.description'),
    'finding.dueDate': t('auditChecklist.resultForm.dueDate'),
    'finding.unitId': t('auditChecklist.resultForm.unit'),
    'evidence.**': t('auditChecklist.resultForm.evidence'),
  };
  const problem = problemFields(save.error, labels, [
    'result',
    'notes',
    'finding.description',
    'finding.dueDate',
    'evidence.**',
  ]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        line,
        body: {
          result,
          notes,
          evidence: [
            ...kept,
            ...offered
              .filter((r) => sampled.includes(r.key))
              .map(({ type, id, label }) => ({
                type,
                id,
                label: label || t(`auditChecklist.referenceTypes.${type}`),
              })),
          ],
          ...(raises(result)
            ? { finding: { description, unitId: null, dueDate: dueDate || null } }
            : {}),
        },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t('auditChecklist.resultForm.title', { reference: reference(line) })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormError error={save.error} extra={problem.unplaced.map(unplacedText)} />
          <Select
            label={labels.result}
            data={RESULTS.map((value) => ({
              value,
              label: t(`auditChecklist.results.${value}`),
            }))}
            value={result}
            onChange={(value) => setResult(value as ChecklistResult | null)}
            error={problem.error('result')}
            clearable
            placeholder={t('auditChecklist.results.none')}
          />
          <Textarea
            label={labels.notes}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
            error={problem.error('notes')}
            autosize
            minRows={3}
          />
          {offered.length > 0 && (
            <Checkbox.Group
              label={labels['evidence.**']}
              value={sampled}
              onChange={setSampled}
              error={problem.error('evidence')}
            >
              <Stack gap={4} mt={4}>
                {offered.map((r) => (
                  <Checkbox
                    key={r.key}
                    value={r.key}
                    label={`${t(`auditChecklist.referenceTypes.${r.type}`)}${r.label ? `：${r.label}` : ''}`}
                  />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <ChecklistLineFiles lineId={line.id} editable />
          {raises(result) && (
            <>
              <Alert variant="light" color="orange">
                {t('auditChecklist.resultForm.raises')}
              </Alert>
              <Textarea
                label={labels['finding.description']}
                description={t('auditChecklist.resultForm.descriptionHint')}
                value={description}
                onChange={(e) => setDescription(e.currentTarget.value)}
                error={problem.error('finding.description')}
                autosize
                minRows={2}
              />
              <TextInput
                type="date"
                label={labels['finding.dueDate']}
                value={dueDate}
                onChange={(e) => setDueDate(e.currentTarget.value)}
                error={problem.error('finding.dueDate')}
              />
            </>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('auditChecklist.resultForm.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
