import {
  Alert,
  Button,
  FileInput,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LIBRARY_ID_PATTERN,
  type CatalogImportJob,
  type CatalogImportPreview,
  type CatalogLibrary,
} from '@mamoru/contracts';
import { catalogKey } from '../../api/catalog';
import { ProblemDetails } from '../../components/ProblemDetails';
import { isLocale, LOCALES, type Locale } from '../../i18n';
import { CATALOG_FILE_ACCEPT, checkCatalogFile } from '../../lib/jsonFile';
import { useLabels } from '../../lib/labels';
import { useSession } from '../../session/useSession';
import { getCatalogImportJob, importCatalogFile, previewCatalogImport } from './catalogImport';
import { ImportJobFailure, ImportPreview } from './ImportPreview';

const POLL_MS = 1000;

/**
 * Imports a catalog from a file in two steps: "Check the file" sends it as a
 * dry run and shows what would be imported (format, ID, counts, warnings,
 * whether the ID is free); "Import" then writes it. The server tells the
 * format from the content (OSCAL JSON/YAML/XML, CISO Assistant YAML, Mamoru
 * JSON) and lists each problem at its place in the file. A large file is
 * imported as a job, polled here.
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
  const { info } = useSession();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [locale, setLocale] = useState<Locale>('en');
  const [libraryId, setLibraryId] = useState('');
  const [idError, setIdError] = useState<string | undefined>();
  const [preview, setPreview] = useState<CatalogImportPreview | null>(null);
  const [job, setJob] = useState<CatalogImportJob | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [error, setError] = useState<unknown>(null);

  /** Anything that changes what would be imported needs a new check. */
  const reset = () => {
    setPreview(null);
    setJob(null);
    setError(null);
  };

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setFileProblem(null);
    reset();
    if (!chosen) return;
    try {
      checkCatalogFile(chosen);
    } catch (problem) {
      setFileProblem(problem instanceof Error ? problem.message : String(problem));
    }
  };

  const options = () => ({ libraryId: libraryId.trim() || undefined, locale });

  const check = async (event: FormEvent) => {
    event.preventDefault();
    const id = libraryId.trim();
    setIdError(id && !LIBRARY_ID_PATTERN.test(id) ? t('catalog.import.idRule') : undefined);
    if (!file) {
      setFileProblem(t('catalog.import.chooseFile'));
      return;
    }
    if (fileProblem || (id && !LIBRARY_ID_PATTERN.test(id))) return;
    reset();
    setBusy('check');
    try {
      setPreview(await previewCatalogImport(file, options(), info?.csrfToken));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(null);
    }
  };

  const runImport = async () => {
    if (!file) return;
    setBusy('import');
    setError(null);
    try {
      const answer = await importCatalogFile(file, options(), info?.csrfToken);
      let library = answer.kind === 'imported' ? answer.library : null;
      if (answer.kind === 'job') {
        let current = answer.job;
        setJob(current);
        while (current.status === 'queued' || current.status === 'running') {
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
          current = await getCatalogImportJob(current.id);
          setJob(current);
        }
        library = current.library;
      }
      if (library) {
        await queryClient.invalidateQueries({ queryKey: [...catalogKey, 'libraries'] });
        onImported(library);
      }
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(null);
    }
  };

  const running = job && (job.status === 'queued' || job.status === 'running');

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
      <form
        onSubmit={(event) => void check(event)}
        noValidate
        aria-label={t('catalog.import.title')}
      >
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            {t('catalog.import.description')}
          </Text>
          <FileInput
            label={t('catalog.import.file')}
            description={t('catalog.import.fileHint')}
            placeholder={t('catalog.import.placeholder')}
            accept={CATALOG_FILE_ACCEPT}
            value={file}
            onChange={choose}
            error={fileProblem ?? undefined}
            clearable
            clearButtonProps={{ 'aria-label': t('catalog.file.clear') }}
            required
            leftSection={<IconFileImport size={16} aria-hidden="true" />}
            fileInputProps={{ 'aria-label': t('catalog.import.file') }}
          />
          <Select
            label={t('catalog.import.locale')}
            description={t('catalog.import.localeHint')}
            data={LOCALES.map((value) => ({ value, label: labels.localeLabel(value) }))}
            value={locale}
            onChange={(value) => {
              if (isLocale(value)) setLocale(value);
              reset();
            }}
            allowDeselect={false}
          />
          <TextInput
            label={t('catalog.import.libraryId')}
            description={t('catalog.import.libraryIdHint')}
            value={libraryId}
            onChange={(event) => {
              setLibraryId(event.currentTarget.value);
              setIdError(undefined);
              reset();
            }}
            error={idError}
            placeholder="my-catalog-copy"
          />
          <ProblemDetails error={error} />
          {preview && <ImportPreview preview={preview} />}
          {running && (
            <Alert color="blue" variant="light" role="status" icon={<Loader size={16} />}>
              {t('catalog.import.jobRunning')}
            </Alert>
          )}
          {job?.status === 'failed' && <ImportJobFailure job={job} />}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              variant={preview ? 'default' : 'filled'}
              loading={busy === 'check'}
              disabled={Boolean(fileProblem) || busy === 'import'}
            >
              {t('catalog.import.check')}
            </Button>
            <Button
              onClick={() => void runImport()}
              loading={busy === 'import'}
              disabled={!preview || preview.conflict !== null || busy === 'check'}
            >
              {t('catalog.import.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
