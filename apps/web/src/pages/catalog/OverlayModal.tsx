import { Alert, Button, Code, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import {
  IconAlertCircle,
  IconAlertTriangle,
  IconCircleCheck,
  IconFileCertificate,
} from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOG_IMPORT_MAX_BYTES } from '@mamoru/contracts';
import { useImportOverlay, type OverlayResult } from '../../api/catalog';
import { ProblemDetails } from '../../components/ProblemDetails';
import { readJsonFile } from '../../lib/jsonFile';

const EXAMPLE = `{
  "libraryId": "jipdec-isms-2.0",
  "texts": [
    { "namespace": "control", "id": "10.3.2",
      "text": { "ja": "…" } },
    { "namespace": "requirement", "id": "4.2.1.a",
      "text": { "ja": "…" } }
  ]
}`;

/**
 * Imports the organization's licensed official wording (the overlay) for a
 * library. It replaces the previous overlay as a whole; IDs the library does
 * not have are refused and listed.
 */
export function OverlayModal({
  libraryId,
  libraryName,
  opened,
  onClose,
}: {
  libraryId: string;
  libraryName: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const importOverlay = useImportOverlay(libraryId);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [result, setResult] = useState<OverlayResult | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    importOverlay.reset();
    setResult(null);
    if (!file) {
      setFileError(t('catalog.import.chooseFile'));
      return;
    }
    setReading(true);
    let document: unknown;
    try {
      document = await readJsonFile(file, CATALOG_IMPORT_MAX_BYTES);
    } catch (error) {
      setFileError(error instanceof Error ? error.message : String(error));
      return;
    } finally {
      setReading(false);
    }
    importOverlay.mutate(document, { onSuccess: setResult });
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('catalog.overlay.title')}
      size="lg"
      radius="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {result ? (
        <Stack gap="md">
          <Alert
            color="teal"
            variant="light"
            icon={<IconCircleCheck size={18} aria-hidden="true" />}
            title={t('catalog.overlay.applied', { count: result.texts })}
            role="status"
          >
            {t('catalog.overlay.replaced', { count: result.replaced, library: libraryName })}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('catalog.overlay.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(event) => void submit(event)}
          noValidate
          aria-label={t('catalog.overlay.title')}
        >
          <Stack gap="md">
            <Text fz="sm">{t('catalog.overlay.description', { library: libraryName })}</Text>
            <Alert
              color="orange"
              variant="light"
              role="note"
              icon={<IconAlertTriangle size={18} aria-hidden="true" />}
            >
              {t('catalog.overlay.licence')}
            </Alert>
            <ProblemDetails error={importOverlay.error} />
            <FileInput
              label={t('catalog.overlay.file')}
              placeholder={t('catalog.file.placeholder')}
              accept="application/json,.json"
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                setFileError(null);
                importOverlay.reset();
              }}
              error={file ? undefined : fileError}
              clearable
              clearButtonProps={{ 'aria-label': t('catalog.file.clear') }}
              required
              leftSection={<IconFileCertificate size={16} aria-hidden="true" />}
              fileInputProps={{ 'aria-label': t('catalog.overlay.file') }}
            />
            {fileError && file && (
              <Alert
                color="red"
                variant="light"
                role="alert"
                icon={<IconAlertCircle size={18} aria-hidden="true" />}
                title={fileError}
              />
            )}
            <Stack gap={4}>
              <Text fz="sm" fw={600}>
                {t('catalog.overlay.format')}
              </Text>
              <Code block fz="xs">
                {EXAMPLE}
              </Code>
            </Stack>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={importOverlay.isPending || reading}>
                {t('catalog.overlay.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
