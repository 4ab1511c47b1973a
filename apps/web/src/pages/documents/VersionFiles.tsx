import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EvidenceFile, Problem } from '@mamoru/contracts';
import { api } from '../../api/client';
import { queryString, type ListPage } from '../../api/types';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { useSignedInSession } from '../../session/useSession';
import { versionFilesUrl } from './api';

const filesKey = (versionId: string) => ['files', 'document_version', versionId] as const;

/** Sends one file as multipart/form-data; the server detects its type from the content. */
async function upload(versionId: string, file: File, csrfToken: string, language: string) {
  const form = new FormData();
  form.append('file', file, file.name);
  const query = queryString({ ownerType: 'document_version', ownerId: versionId });
  const response = await fetch(`/api/v1/files${query}`, {
    method: 'POST',
    headers: { 'X-CSRF-Token': csrfToken, 'Accept-Language': language },
    body: form,
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Partial<Problem>;
    throw new Error(problem.title ?? `HTTP ${response.status}`);
  }
}

/**
 * The attachments of one version: listed for everyone who may read the version
 * (staff included), added or removed while it is a draft.
 */
export function VersionFiles({
  documentId,
  versionId,
  editable,
}: {
  documentId: string;
  versionId: string;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { info } = useSignedInSession();
  const client = useQueryClient();
  const files = useQuery({
    queryKey: filesKey(versionId),
    queryFn: async ({ signal }) =>
      (await api.get<ListPage<EvidenceFile>>(versionFilesUrl(documentId, versionId), { signal }))
        .items,
  });
  const refresh = () => client.invalidateQueries({ queryKey: filesKey(versionId) });
  const add = useMutation({
    mutationFn: (file: File) => upload(versionId, file, info.csrfToken, i18n.language),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (file: EvidenceFile) => api.delete(`/api/v1/files/${file.id}`),
    onSuccess: refresh,
  });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} fz="sm">
          {t('documents.files.title')}
        </Title>
        {editable && (
          <FileButton onChange={(file) => file && add.mutate(file)}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="default"
                loading={add.isPending}
                leftSection={<IconPaperclip size={14} aria-hidden="true" />}
              >
                {t('documents.files.add')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {add.error && <Alert color="red">{add.error.message}</Alert>}
      {files.isPending ? (
        <LoadingRows rows={1} />
      ) : files.isError ? (
        <ErrorState error={files.error} />
      ) : files.data.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {t('documents.files.none')}
        </Text>
      ) : (
        <Table aria-label={t('documents.files.title')}>
          <Table.Tbody>
            {files.data.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <Anchor href={`/api/v1/files/${f.id}/content`} download={f.originalName}>
                    {f.originalName}
                  </Anchor>
                </Table.Td>
                <Table.Td c="dimmed" fz="xs">
                  {f.mediaType}
                </Table.Td>
                {editable && (
                  <Table.Td ta="right">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('documents.files.remove', { name: f.originalName })}
                      onClick={() => remove.mutate(f)}
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
  );
}
