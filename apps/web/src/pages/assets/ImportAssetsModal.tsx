import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Modal,
  Progress,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  assetsKey,
  assetTemplateUrl,
  getJob,
  sendAssetImport,
  type ImportReport,
  type Job,
} from '../../api/assets';
import { ProblemDetails } from '../../components/ProblemDetails';
import { ImportPreviewTable } from './ImportPreviewTable';
import { useSession } from '../../session/useSession';

const POLL_MS = 1000;

/**
 * Import of the register from a CSV or XLSX file: a dry run first, whose
 * report lists every problem by row and column and previews the first rows
 * with what they change; the commit only after it.
 * Long imports run as a job whose progress is polled.
 */
export function ImportAssetsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { info } = useSession();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [mode, setMode] = useState<'validate' | 'commit' | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function run(next: 'validate' | 'commit') {
    if (!file) return;
    setBusy(true);
    setError(null);
    setMode(next);
    try {
      let current = await sendAssetImport(file, next, info?.csrfToken);
      setJob(current);
      while (current.status === 'queued' || current.status === 'running') {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        current = await getJob(current.id);
        setJob(current);
      }
      if (next === 'commit') await client.invalidateQueries({ queryKey: assetsKey });
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  }

  const report: ImportReport | null = job?.result ?? null;
  const validated = mode === 'validate' && report !== null && report.errorCount === 0;
  const committed = mode === 'commit' && report?.committed === true;
  const percent =
    job && job.total ? Math.min(100, Math.round((job.processed / job.total) * 100)) : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t('assets.import.title')} size="xl">
      <Stack gap="md">
        <Text fz="sm">{t('assets.import.intro')}</Text>
        <Group gap="md">
          <Text fz="sm" fw={600}>
            {t('assets.import.templates')}
          </Text>
          {(['ja', 'en'] as const).map((lang) =>
            (['csv', 'xlsx'] as const).map((format) => (
              <Anchor
                key={`${lang}-${format}`}
                fz="sm"
                href={assetTemplateUrl(format, lang)}
                download
              >
                {t(`assets.import.template.${format}`, { language: t(`language.${lang}`) })}
              </Anchor>
            )),
          )}
        </Group>
        <FileInput
          label={t('assets.import.file')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={16} aria-hidden="true" />}
          value={file}
          onChange={(next) => {
            setFile(next);
            setJob(null);
            setMode(null);
            setError(null);
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('assets.import.clearFile') }}
        />
        {error ? <ProblemDetails error={error} /> : null}
        {busy && (
          <Stack gap={4}>
            <Text fz="sm">
              {job?.phase === 'waiting'
                ? t('assets.import.waiting')
                : job?.total
                  ? t('assets.import.progress', { processed: job.processed, total: job.total })
                  : t('assets.import.working')}
            </Text>
            <Progress
              value={percent ?? 100}
              animated={percent === null}
              aria-label={t('assets.import.working')}
            />
          </Stack>
        )}
        {job?.status === 'failed' && job.error && (
          <Alert color="red" role="alert" title={t('assets.import.failed')}>
            {job.error.message}
          </Alert>
        )}
        {report && (
          <Stack gap="xs">
            {committed ? (
              <Alert
                color="teal"
                icon={<IconCircleCheck size={18} aria-hidden="true" />}
                title={t('assets.import.committed')}
              >
                {t('assets.import.summary', report)}
              </Alert>
            ) : (
              <Text fz="sm">{t('assets.import.summary', report)}</Text>
            )}
            {report.errorCount > 0 && (
              <>
                <Text fz="sm" c="red.8" fw={600}>
                  {t('assets.import.errors', { count: report.errorCount })}
                </Text>
                <Table.ScrollContainer minWidth={500} mah={320}>
                  <Table aria-label={t('assets.import.reportLabel')} striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('assets.import.row')}</Table.Th>
                        <Table.Th>{t('assets.import.column')}</Table.Th>
                        <Table.Th>{t('assets.import.reason')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {report.errors.map((problem, index) => (
                        <Table.Tr key={`${problem.row}-${problem.column ?? ''}-${index}`}>
                          <Table.Td>{problem.row}</Table.Td>
                          <Table.Td>{problem.column ?? '—'}</Table.Td>
                          <Table.Td>{problem.reason}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
            {mode === 'validate' && report.preview && <ImportPreviewTable report={report} />}
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {committed ? t('common.close') : t('common.cancel')}
          </Button>
          {!committed && (
            <Button
              variant={validated ? 'default' : 'filled'}
              disabled={!file || busy}
              loading={busy && mode === 'validate'}
              onClick={() => void run('validate')}
            >
              {t('assets.import.validate')}
            </Button>
          )}
          {!committed && (
            <Button
              disabled={!validated || busy}
              loading={busy && mode === 'commit'}
              onClick={() => void run('commit')}
            >
              {t('assets.import.commit')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
