import { FileInput, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECK_RESULTS, type CheckResult } from '@mamoru/contracts';
import { useUserDirectory } from '../../api/identity';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/QueryStates';
import { SaveProblem } from '../../components/SaveProblem';
import { useToast } from '../../components/Toasts';
import { problemFields, type FieldLabels } from '../../lib/problemFields';
import { useSession, useSignedInSession } from '../../session/useSession';
import { controlsKey, uploadResultFile, useRecordResult, type ControlCheck } from './api';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Records one result of a check with its evidence files; the server moves
 * the check's next due date one period on from the date performed.
 */
export function ResultModal({ check, onClose }: { check: ControlCheck; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { can } = useSession();
  const { info } = useSignedInSession();
  const users = useUserDirectory(can('users:read'));
  const client = useQueryClient();
  const save = useRecordResult();
  // A file needs the result's id: once recorded, a failed upload is retried alone,
  // so a second click never records the result twice.
  const [recorded, setRecorded] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [performedOn, setPerformedOn] = useState(today);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [notes, setNotes] = useState('');
  const [checkerUserId, setChecker] = useState<string | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [touched, setTouched] = useState(false);
  const labels: FieldLabels = {
    performedOn: t('controls.resultForm.performedOn'),
    result: t('controls.resultForm.result'),
    notes: t('controls.resultForm.notes'),
    checkerUserId: t('controls.resultForm.checker'),
  };
  const problem = problemFields(save.error, labels);
  const required = (value: unknown, field: string) =>
    (touched && !value ? t('controls.resultForm.required') : undefined) ?? problem.error(field);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!performedOn || !result) return;
    let resultId = recorded;
    if (!resultId) {
      const body = { performedOn, result, notes, ...(checkerUserId ? { checkerUserId } : {}) };
      const created = await save.mutateAsync({ check, body }).catch(() => null);
      if (!created) return;
      resultId = created.result.id;
      setRecorded(resultId);
    }
    setUploading(true);
    setUploadError(null);
    const left = [...files];
    try {
      while (left.length > 0) {
        await uploadResultFile(resultId, left[0]!, info.csrfToken);
        left.shift();
      }
    } catch (error) {
      setUploadError(error);
      return;
    } finally {
      setFiles(left);
      setUploading(false);
      await client.invalidateQueries({ queryKey: controlsKey });
    }
    toast.success(t('controls.resultForm.recorded'));
    onClose();
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('controls.resultForm.title', { check: check.title })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={save.error}
            staleTitle={t('controls.checkForm.staleTitle')}
            staleBody={t('controls.checkForm.staleBody')}
            fields={problem}
          />
          <FormError error={uploadError} />
          <fieldset disabled={!!recorded} style={{ border: 0, padding: 0, margin: 0 }}>
            <Stack gap="md">
              <TextInput
                type="date"
                label={t('controls.resultForm.performedOn')}
                value={performedOn}
                max={today()}
                onChange={(e) => setPerformedOn(e.currentTarget.value)}
                required
                error={required(performedOn, 'performedOn')}
              />
              <Select
                label={t('controls.resultForm.result')}
                data={CHECK_RESULTS.map((r) => ({ value: r, label: t(`controls.result.${r}`) }))}
                value={result}
                onChange={(v) => setResult(v as CheckResult | null)}
                required
                error={required(result, 'result')}
              />
              <Textarea
                label={t('controls.resultForm.notes')}
                value={notes}
                onChange={(e) => setNotes(e.currentTarget.value)}
                autosize
                minRows={3}
                error={problem.error('notes')}
              />
              <Select
                label={t('controls.resultForm.checker')}
                description={t('controls.resultForm.checkerHint')}
                data={(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
                value={checkerUserId}
                onChange={setChecker}
                searchable
                clearable
                error={problem.error('checkerUserId')}
              />
            </Stack>
          </fieldset>
          <FileInput
            label={t('controls.resultForm.files')}
            description={t('controls.resultForm.filesHint')}
            leftSection={<IconPaperclip size={16} aria-hidden="true" />}
            multiple
            clearable
            value={files}
            onChange={setFiles}
          />
          <Text fz="xs" c="dimmed">
            {t('controls.resultForm.nextDue')}
          </Text>
          <FormActions
            onCancel={onClose}
            submitLabel={t('controls.resultForm.save')}
            loading={save.isPending || uploading}
          />
        </Stack>
      </form>
    </Modal>
  );
}
