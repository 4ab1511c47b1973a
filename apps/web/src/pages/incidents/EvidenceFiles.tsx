import { Alert, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fileContentUrl, useOwnerFiles, useUploadOwnerFile } from '../../api/ownerFiles';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { useDownload } from '../../lib/useDownload';
import { useSignedInSession } from '../../session/useSession';
import type { Incident } from './api-detail';

/**
 * Evidence of the incident in the evidence store (kept with its SHA-256).
 * The server decides who may attach; `can.attach` only hides the button.
 */
export function EvidenceFiles({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { info } = useSignedInSession();
  const files = useOwnerFiles('incident', incident.id);
  const upload = useUploadOwnerFile('incident', incident.id, info.csrfToken);
  const download = useDownload();
  return (
    <SectionCard
      id="incident-files"
      title={t('incidents.detail.files.title')}
      actions={
        incident.can.attach && (
          <FileButton onChange={(file) => file && upload.mutate(file)}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="default"
                loading={upload.isPending}
                leftSection={<IconUpload size={14} aria-hidden="true" />}
              >
                {t('incidents.detail.files.upload')}
              </Button>
            )}
          </FileButton>
        )
      }
    >
      <Stack gap={4}>
        {download.status}
        {upload.error && (
          <Alert color="red" variant="light" role="alert">
            {upload.error.message}
          </Alert>
        )}
        {files.isError && (
          <Alert color="red" variant="light" role="alert">
            {files.error.message}
          </Alert>
        )}
        {(files.data ?? []).map((file) => (
          <Group key={file.id} gap="xs">
            <Anchor fz="sm" {...download.link(fileContentUrl(file))}>
              {file.originalName}
            </Anchor>
            <Text fz="xs" c="dimmed">
              {format.dateTime(file.createdAt)}
            </Text>
          </Group>
        ))}
        {files.data?.length === 0 && (
          <Text fz="sm" c="dimmed">
            {t('incidents.detail.files.none')}
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}
