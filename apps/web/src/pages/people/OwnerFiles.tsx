import { Alert, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { fileContentUrl, useOwnerFiles, useUploadOwnerFile } from '../../api/ownerFiles';
import { useDownload } from '../../lib/useDownload';
import { useSignedInSession } from '../../session/useSession';

/** What of the people area holds files in the evidence store. */
type PeopleFileOwner = 'committee_meeting' | 'person_competence' | 'person_agreement';

/**
 * The evidence files of one item (minutes, a certificate, a signed agreement).
 * The server decides who may attach; `editable` only hides the button from those it would refuse.
 */
export function OwnerFiles({
  ownerType,
  ownerId,
  editable,
  label,
}: {
  ownerType: PeopleFileOwner;
  ownerId: string;
  editable: boolean;
  /** Names the upload button for this item ("Attach a file to …"). */
  label: string;
}) {
  const { t } = useTranslation();
  const { info } = useSignedInSession();
  const files = useOwnerFiles(ownerType, ownerId);
  const upload = useUploadOwnerFile(ownerType, ownerId, info.csrfToken);
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
          {t('people.files.none')}
        </Text>
      )}
      {files.isError && (
        <Text fz="xs" c="red">
          {files.error.message}
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
                aria-label={label}
                leftSection={<IconUpload size={12} aria-hidden="true" />}
              >
                {t('people.files.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
    </Stack>
  );
}
