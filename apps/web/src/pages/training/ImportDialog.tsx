import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Modal,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  attendanceTemplateUrl,
  sendAttendanceImport,
  trainingKey,
  type AttendanceImportReport,
} from '../../api/training';
import { FormError } from '../../components/QueryStates';
import { useDownload } from '../../lib/useDownload';
import { useSignedInSession } from '../../session/useSession';

type RowStatus = AttendanceImportReport['rows'][number]['status'];
const ROW_COLOR: Record<RowStatus, string> = {
  recorded: 'green',
  updated: 'blue',
  skipped: 'gray',
  error: 'red',
};

/**
 * Attendance from a CSV or XLSX file (email, status, note; UTF-8 or Shift_JIS):
 * first a dry run reporting each line, then the import writes the good lines.
 */
export function ImportDialog({ sessionId, onClose }: { sessionId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { info } = useSignedInSession();
  const client = useQueryClient();
  const download = useDownload();
  const locale = i18n.language.startsWith('en') ? 'en' : 'ja';
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<AttendanceImportReport | null>(null);
  const send = useMutation({
    mutationFn: ({ dryRun }: { dryRun: boolean }) =>
      sendAttendanceImport(sessionId, file!, dryRun, info.csrfToken),
    onSuccess: async (answer) => {
      setReport(answer);
      if (!answer.dryRun) await client.invalidateQueries({ queryKey: trainingKey });
    },
  });
  const writable = report ? report.counts.recorded + report.counts.updated : 0;

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t('training.import.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text fz="sm">{t('training.import.hint')}</Text>
        <Group gap="md">
          <Anchor fz="sm" {...download.link(attendanceTemplateUrl('csv', locale))}>
            {t('training.import.templateCsv')}
          </Anchor>
          <Anchor fz="sm" {...download.link(attendanceTemplateUrl('xlsx', locale))}>
            {t('training.import.templateXlsx')}
          </Anchor>
        </Group>
        {download.status}
        <FormError error={send.error} />
        <FileInput
          label={t('training.import.file')}
          accept=".csv,.xlsx,text/csv"
          value={file}
          onChange={(next) => {
            setFile(next);
            setReport(null);
            send.reset();
          }}
          clearable
        />
        {report && (
          <Alert
            color={report.counts.error > 0 ? 'orange' : report.dryRun ? 'blue' : 'green'}
            variant="light"
            role="status"
            title={report.dryRun ? t('training.import.dryRunDone') : t('training.import.done')}
          >
            {t('training.import.counts', report.counts)}
            {report.counts.error > 0 && ` ${t('training.import.errorsSkipped')}`}
          </Alert>
        )}
        {report && report.rows.length > 0 && (
          <Table.ScrollContainer minWidth={600} mah={360}>
            <Table aria-label={t('training.import.reportLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('training.import.row')}</Table.Th>
                  <Table.Th>{t('training.import.email')}</Table.Th>
                  <Table.Th>{t('training.import.person')}</Table.Th>
                  <Table.Th>{t('training.import.outcome')}</Table.Th>
                  <Table.Th>{t('training.import.problems')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.rows.map((row) => (
                  <Table.Tr key={row.row}>
                    <Table.Td>{row.row}</Table.Td>
                    <Table.Td>{row.email ?? '—'}</Table.Td>
                    <Table.Td>{row.user?.name ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={ROW_COLOR[row.status]} variant="light">
                        {t(`training.import.status.${row.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {row.errors.map((e) => (
                        <Text key={`${e.column}-${e.code}`} fz="sm">
                          {t('training.import.problemLine', {
                            column: e.column,
                            message: e.message,
                          })}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            disabled={!file}
            loading={send.isPending && send.variables?.dryRun}
            onClick={() => send.mutate({ dryRun: true })}
          >
            {t('training.import.check')}
          </Button>
          <Button
            disabled={!file || !report || !report.dryRun || writable === 0}
            loading={send.isPending && !send.variables?.dryRun}
            onClick={() => send.mutate({ dryRun: false })}
          >
            {t('training.import.apply')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
