import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  Progress,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconTrash, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useToast } from '../../components/Toasts';
import { useSignedInSession } from '../../session/useSession';
import { fileContentUrl, invalidateFiles, useDeleteFile, useRecordFiles } from './api';
import { uploadRecordFile, type UploadFailure } from './upload';

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1048576
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${(bytes / 1048576).toFixed(1)} MiB`;

/** A record's evidence files: upload with progress, download, delete while the record is kept. */
export function RecordFiles({
  recordId,
  editable,
  onHold = false,
}: {
  recordId: string;
  editable: boolean;
  /** Under legal hold files can be neither added nor deleted (the server answers 409). */
  onHold?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { info } = useSignedInSession();
  const client = useQueryClient();
  const files = useRecordFiles(recordId);
  const remove = useDeleteFile(recordId);
  const toast = useToast();
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const upload = (file: File | null) => {
    if (!file) return;
    setFailure(null);
    setProgress(0);
    uploadRecordFile(recordId, file, {
      csrfToken: info.csrfToken,
      language: i18n.language,
      onProgress: setProgress,
    })
      .then(() => invalidateFiles(client, recordId))
      .catch((error: UploadFailure) => setFailure(error.title || t('records.files.failed')))
      .finally(() => setProgress(null));
  };

  return (
    <SectionCard id="record-files" title={t('records.files.title')}>
      <Stack gap="sm">
        {onHold && (
          <Text fz="sm" c="dimmed">
            {t('records.files.onHold')}
          </Text>
        )}
        {editable && (
          <Group gap="sm">
            <FileButton onChange={upload}>
              {(props) => (
                <Button
                  {...props}
                  variant="light"
                  leftSection={<IconUpload size={16} aria-hidden="true" />}
                  loading={progress !== null}
                >
                  {t('records.files.upload')}
                </Button>
              )}
            </FileButton>
            <Text fz="sm" c="dimmed">
              {t('records.files.hint')}
            </Text>
          </Group>
        )}
        {progress !== null && (
          <Progress
            value={Math.round(progress * 100)}
            aria-label={t('records.files.uploading', { percent: Math.round(progress * 100) })}
          />
        )}
        {failure && (
          <Alert color="red" variant="light" role="alert" title={t('records.files.failed')}>
            {failure}
          </Alert>
        )}
        {files.isPending ? (
          <LoadingRows rows={2} />
        ) : files.isError ? (
          <ErrorState error={files.error} onRetry={() => void files.refetch()} />
        ) : files.data.length === 0 ? (
          <Text c="dimmed" fz="sm">
            {t('records.files.empty')}
          </Text>
        ) : (
          <Table aria-label={t('records.files.title')}>
            <Table.Tbody>
              {files.data.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Anchor
                      href={fileContentUrl(f)}
                      download={f.originalName}
                      aria-label={t('records.files.download', { name: f.originalName })}
                    >
                      {f.originalName}
                    </Anchor>
                    {f.integrityFailedAt && (
                      <Badge ml="xs" size="sm" variant="light" color="red" tt="none">
                        {t('records.files.integrityFailed')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{f.mediaType}</Table.Td>
                  <Table.Td>{size(f.size)}</Table.Td>
                  <Table.Td>{format.dateTime(f.createdAt)}</Table.Td>
                  {editable && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('records.files.delete', { name: f.originalName })}
                        onClick={() =>
                          remove.mutate(f, {
                            onSuccess: () =>
                              toast.success(t('records.files.deletionRequested'), f.originalName),
                          })
                        }
                        loading={remove.isPending && remove.variables?.id === f.id}
                      >
                        <IconTrash size={16} aria-hidden="true" />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </SectionCard>
  );
}
