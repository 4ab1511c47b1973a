import {
  Anchor,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { CONTROL_CHECK_RESULT_FILE_OWNER } from '@mamoru/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fileContentUrl, useOwnerFiles } from '../../api/ownerFiles';
import { FormActions } from '../../components/FormActions';
import { ProblemDetails } from '../../components/ProblemDetails';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../lib/format';
import { useDownload } from '../../lib/useDownload';
import { useSession } from '../../session/useSession';
import { useRaiseNonconformity, type ControlCheckResultDto, type ControlDetail } from './api';
import { ResultBadge } from './badges';

/** The evidence files of one result, listed when opened. */
function ResultFiles({ result }: { result: ControlCheckResultDto }) {
  const { t } = useTranslation();
  const files = useOwnerFiles(CONTROL_CHECK_RESULT_FILE_OWNER, result.id);
  const download = useDownload();
  if (files.isPending) return null;
  if (files.isError) return <ProblemDetails error={files.error} />;
  return (
    <Stack gap={2} pl="md">
      {download.status}
      {files.data.length === 0 ? (
        <Text fz="xs" c="dimmed">
          {t('controls.detail.results.noFiles')}
        </Text>
      ) : (
        files.data.map((file) => (
          <Anchor key={file.id} fz="xs" {...download.link(fileContentUrl(file))}>
            {file.originalName}
          </Anchor>
        ))
      )}
    </Stack>
  );
}

/** Raises a nonconformity from a result that found the control partly or not effective. */
function RaiseModal({ result, onClose }: { result: ControlCheckResultDto; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const raise = useRaiseNonconformity();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [severity, setSeverity] = useState<'major' | 'minor'>(
    result.result === 'not_effective' ? 'major' : 'minor',
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    raise.mutate(
      { result, body: { ...(title.trim() ? { title } : {}), description, severity } },
      {
        onSuccess: (raised) => {
          toast.success(t('controls.raiseForm.raised', { code: raised.code }));
          onClose();
        },
      },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('controls.raiseForm.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fz="sm">
            {t('controls.raiseForm.intro', {
              check: result.checkTitle,
              result: t(`controls.result.${result.result}`),
            })}
          </Text>
          <ProblemDetails error={raise.error} />
          <TextInput
            label={t('controls.raiseForm.name')}
            description={t('controls.raiseForm.nameHint')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Textarea
            label={t('controls.raiseForm.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={3}
          />
          <Stack gap={4}>
            <Text component="label" id="raise-severity" fz="sm" fw={500}>
              {t('controls.raiseForm.severity')}
            </Text>
            <SegmentedControl
              aria-labelledby="raise-severity"
              value={severity}
              onChange={(v) => setSeverity(v === 'major' ? 'major' : 'minor')}
              data={[
                { value: 'minor', label: t('controls.raiseForm.minor') },
                { value: 'major', label: t('controls.raiseForm.major') },
              ]}
            />
          </Stack>
          <FormActions
            onCancel={onClose}
            submitLabel={t('controls.raiseForm.submit')}
            loading={raise.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}

function ResultRow({ result, onRaise }: { result: ControlCheckResultDto; onRaise?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const failed = result.result !== 'effective';
  return (
    <Stack gap={4} component="li" style={{ listStyle: 'none' }}>
      <Group gap={8} wrap="wrap">
        <Text fz="sm" fw={600}>
          {format.date(result.performedOn)}
        </Text>
        <Text fz="sm">{result.checkTitle}</Text>
        <ResultBadge result={result.result} />
        {result.checker && (
          <Text fz="xs" c="dimmed">
            {t('controls.detail.results.by', { name: result.checker.name })}
          </Text>
        )}
        <UnstyledButton fz="xs" c="blue.8" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {t('controls.detail.results.files', { count: result.fileCount })}
        </UnstyledButton>
        {result.nonconformity ? (
          <Anchor component={Link} to={`/corrective-actions/${result.nonconformity.id}`} fz="xs">
            {t('controls.detail.results.raised', { code: result.nonconformity.code })}
          </Anchor>
        ) : (
          failed &&
          onRaise && (
            <Button size="compact-xs" variant="light" color="red" onClick={onRaise}>
              {t('controls.detail.results.raise')}
            </Button>
          )
        )}
      </Group>
      {result.notes && (
        <Text fz="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {result.notes}
        </Text>
      )}
      {open && <ResultFiles result={result} />}
    </Stack>
  );
}

/** The latest results across the control's checks, with evidence and raised nonconformities. */
export function ResultsCard({ detail }: { detail: ControlDetail }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [raising, setRaising] = useState<ControlCheckResultDto | null>(null);
  const mayRaise = can('controls:check');
  return (
    <SectionCard id="control-results" title={t('controls.detail.results.title')}>
      {detail.recentResults.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('controls.detail.results.none')}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0}>
          {detail.recentResults.map((result) => (
            <ResultRow
              key={result.id}
              result={result}
              onRaise={mayRaise ? () => setRaising(result) : undefined}
            />
          ))}
        </Stack>
      )}
      {raising && <RaiseModal result={raising} onClose={() => setRaising(null)} />}
    </SectionCard>
  );
}
