import {
  Alert,
  Button,
  FileInput,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertCircle, IconFileImport, IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CATALOG_IMPORT_MAX_BYTES, LIBRARY_ID_PATTERN } from '@mamoru/contracts';
import { useImportLibrary, type CatalogLibrary } from '../../api/catalog';
import { ProblemDetails } from '../../components/ProblemDetails';
import { isLocale, LOCALES, type Locale } from '../../i18n';
import { catalogFileKind, readJsonFile } from '../../lib/jsonFile';
import { useLabels } from '../../lib/labels';

type Parsed =
  | { state: 'none' }
  | { state: 'reading' }
  | { state: 'ok'; document: unknown }
  | { state: 'error'; message: string };

/**
 * Imports a library from a file: a Mamoru library (JSON) or an OSCAL catalog
 * (JSON). The file is read in the browser, then sent; the server's reasons
 * for refusing it (with the JSON path of each problem) are listed.
 */
export function ImportLibraryModal({
  opened,
  onClose,
  onImported,
}: {
  opened: boolean;
  onClose: () => void;
  onImported: (library: CatalogLibrary) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const importLibrary = useImportLibrary();
  const [file, setFile] = useState<File | null>(null);
  const [parsed, setParsed] = useState<Parsed>({ state: 'none' });
  const [locale, setLocale] = useState<Locale>('en');
  const [libraryId, setLibraryId] = useState('');
  const [errors, setErrors] = useState<{ file?: string; libraryId?: string }>({});

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setErrors({});
    importLibrary.reset();
    if (!chosen) {
      setParsed({ state: 'none' });
      return;
    }
    setParsed({ state: 'reading' });
    try {
      setParsed({ state: 'ok', document: await readJsonFile(chosen, CATALOG_IMPORT_MAX_BYTES) });
    } catch (error) {
      setParsed({
        state: 'error',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };

  const kind = parsed.state === 'ok' ? catalogFileKind(parsed.document) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!file) found.file = t('catalog.import.chooseFile');
    const id = libraryId.trim();
    if (id && !LIBRARY_ID_PATTERN.test(id)) found.libraryId = t('catalog.import.idRule');
    setErrors(found);
    if (Object.keys(found).length > 0 || parsed.state !== 'ok') return;
    importLibrary.mutate(
      {
        document: parsed.document,
        libraryId: id || undefined,
        locale: kind?.kind === 'oscal' ? locale : undefined,
      },
      { onSuccess: (library) => onImported(library) },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('catalog.import.title')}
      size="lg"
      radius="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate aria-label={t('catalog.import.title')}>
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            {t('catalog.import.description')}
          </Text>
          <ProblemDetails error={importLibrary.error} />
          <FileInput
            label={t('catalog.import.file')}
            description={t('catalog.import.fileHint')}
            placeholder={t('catalog.file.placeholder')}
            accept="application/json,.json"
            value={file}
            onChange={(chosen) => void choose(chosen)}
            error={errors.file}
            clearable
            clearButtonProps={{ 'aria-label': t('catalog.file.clear') }}
            required
            leftSection={<IconFileImport size={16} aria-hidden="true" />}
            fileInputProps={{ 'aria-label': t('catalog.import.file') }}
          />
          {parsed.state === 'error' && (
            <Alert
              color="red"
              variant="light"
              role="alert"
              icon={<IconAlertCircle size={18} aria-hidden="true" />}
              title={parsed.message}
            />
          )}
          {kind && (
            <Alert
              color="blue"
              variant="light"
              role="status"
              icon={<IconInfoCircle size={18} aria-hidden="true" />}
            >
              {kind.kind === 'native'
                ? t('catalog.import.detectedNative', { id: kind.id || '—' })
                : kind.kind === 'oscal'
                  ? t('catalog.import.detectedOscal', { title: kind.title || '—' })
                  : t('catalog.import.detectedUnknown')}
            </Alert>
          )}
          <Select
            label={t('catalog.import.locale')}
            description={t('catalog.import.localeHint')}
            data={LOCALES.map((value) => ({ value, label: labels.localeLabel(value) }))}
            value={locale}
            onChange={(value) => isLocale(value) && setLocale(value)}
            allowDeselect={false}
            disabled={kind?.kind === 'native'}
          />
          <TextInput
            label={t('catalog.import.libraryId')}
            description={t('catalog.import.libraryIdHint')}
            value={libraryId}
            onChange={(event) => {
              setLibraryId(event.currentTarget.value);
              setErrors(({ libraryId: _, ...rest }) => rest);
            }}
            error={errors.libraryId}
            placeholder="my-catalog-copy"
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={importLibrary.isPending || parsed.state === 'reading'}
              disabled={parsed.state === 'error'}
            >
              {t('catalog.import.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
