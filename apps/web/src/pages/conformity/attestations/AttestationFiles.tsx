import { Alert, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fileContentUrl, useOwnerFiles, useUploadOwnerFile } from '../../../api/ownerFiles';
import { useDownload } from '../../../lib/useDownload';
import { useSignedInSession } from '../../../session/useSession';

/**
 * The evidence files of one attestation. Files change only while it waits for
 * a decision (the server refuses later); `editable` only hides the button.
 */
export function AttestationFiles({
  attestationId,
  editable,
  itemLabel,
}: {
  attestationId: string;
  editable: boolean;
  itemLabel: string;
}) {
  const { t } = useTranslation();
  const { info } = useSignedInSession();
  const files = useOwnerFiles('attestation', attestationId);
  const upload = useUploadOwnerFile('attestation', attestationId, info.csrfToken);
  const download = useDownload();
  return (
    <Stack gap={4}>
      {download.status}
      {(files.data ?? []).map((file) => (
        <Anchor key={file.id} fz="xs" {...download.link(fileContentUrl(file))}>
          {file.originalName}
        </Anchor>
      ))}
      {files.data?.length === 0 && (
        <Text fz="xs" c="dimmed">
          {t('attestations.noFiles')}
        </Text>
      )}
      {upload.error && (
        <Alert color="red" variant="light" role="alert">
          {upload.error.message}
        </Alert>
      )}
      {editable && (
        <Group>
          <FileButton onChange={(file) => file && upload.mutate(file)}>
            {(props) => (
              <Button
                {...props}
                size="compact-xs"
                variant="default"
                loading={upload.isPending}
                aria-label={t('attestations.uploadLabel', { item: itemLabel })}
                leftSection={<IconUpload size={12} aria-hidden="true" />}
              >
                {t('attestations.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
    </Stack>
  );
}
