import { Alert, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDownload } from '../../lib/useDownload';
import { useSignedInSession } from '../../session/useSession';
import { fileContentUrl, useOwnerFiles, useUploadOwnerFile } from '../../api/ownerFiles';

/** What of the improvement area holds files: an action's implementation, or the nonconformity. */
type ImprovementFileOwner = 'improvement_action' | 'nonconformity';

/**
 * Evidence files of an action (what its implementation produced) or of a
 * nonconformity, kept in the evidence store. The server decides who may
 * attach; `editable` only hides the button from those it would refuse.
 */
export function ImprovementFiles({
  ownerType,
  ownerId,
  editable,
}: {
  ownerType: ImprovementFileOwner;
  ownerId: string;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { info } = useSignedInSession();
  const files = useOwnerFiles(ownerType, ownerId);
  const upload = useUploadOwnerFile(ownerType, ownerId, info.csrfToken);
  const download = useDownload();
  return (
    <Stack gap={4}>
      <Text fz="xs" fw={500}>
        {t('improvement.files.title')}
      </Text>
      {download.status}
      {(files.data ?? []).map((file) => (
        <Anchor key={file.id} fz="xs" {...download.link(fileContentUrl(file))}>
          {file.originalName}
        </Anchor>
      ))}
      {files.data?.length === 0 && (
        <Text fz="xs" c="dimmed">
          {t('improvement.files.none')}
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
                size="xs"
                variant="default"
                loading={upload.isPending}
                leftSection={<IconUpload size={14} aria-hidden="true" />}
              >
                {t('improvement.files.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
    </Stack>
  );
}
