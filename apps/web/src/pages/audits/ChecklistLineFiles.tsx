import { Alert, Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDownload } from '../../lib/useDownload';
import { useSignedInSession } from '../../session/useSession';
import { fileContentUrl, useOwnerFiles, useUploadOwnerFile } from '../../api/ownerFiles';

/** Files the auditor sampled for a line, kept in the evidence store with the line. */
export function ChecklistLineFiles({ lineId, editable }: { lineId: string; editable: boolean }) {
  const { t } = useTranslation();
  const { info } = useSignedInSession();
  const files = useOwnerFiles('audit_checklist_line', lineId);
  const upload = useUploadOwnerFile('audit_checklist_line', lineId, info.csrfToken);
  const download = useDownload();
  return (
    <Stack gap={4}>
      <Text fz="sm" fw={500}>
        {t('auditChecklist.files.title')}
      </Text>
      {download.status}
      {(files.data ?? []).map((file) => (
        <Anchor key={file.id} fz="sm" {...download.link(fileContentUrl(file))}>
          {file.originalName}
        </Anchor>
      ))}
      {files.data?.length === 0 && (
        <Text fz="xs" c="dimmed">
          {t('auditChecklist.files.none')}
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
                {t('auditChecklist.files.upload')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
    </Stack>
  );
}
