import { Alert, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toasts';
import { useImportMeasurements, type MeasurementImportReport, type Objective } from './api';

/**
 * A CSV of measurements: checked first (a dry run names every faulty row and
 * column), imported only once the check finds nothing — all rows or none.
 */
export function CsvImport({ objective }: { objective: Objective }) {
  const { t } = useTranslation();
  const toast = useToast();
  const run = useImportMeasurements(objective.id);
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<MeasurementImportReport | null>(null);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    run.reset();
    setCsv(chosen ? await chosen.text() : '');
  };
  const check = () =>
    run.mutate({ csv, dryRun: true }, { onSuccess: (report) => setPreview(report) });
  const commit = () =>
    run.mutate(
      { csv, dryRun: false },
      {
        onSuccess: (report) => {
          if (report.errors.length) return setPreview(report);
          toast.success(t('objectives.imported', { count: report.imported }));
          setPreview(null);
          setFile(null);
          setCsv('');
        },
      },
    );

  return (
    <SectionCard id="objective-import" title={t('objectives.import')}>
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          {t('objectives.importHint')}
        </Text>
        <Group align="flex-end">
          <FileInput
            label={t('objectives.importFile')}
            accept=".csv,text/csv"
            value={file}
            onChange={(f) => void choose(f)}
            w={320}
            clearable
          />
          <Button variant="default" onClick={check} disabled={!csv} loading={run.isPending}>
            {t('objectives.preview')}
          </Button>
        </Group>
        <FormError error={run.error} />
        {preview && preview.errors.length === 0 && (
          <Alert color="teal" variant="light" role="status">
            <Group justify="space-between">
              <Text fz="sm">{t('objectives.previewOk', { rows: preview.rows })}</Text>
              <Button size="xs" onClick={commit} loading={run.isPending}>
                {t('objectives.importConfirm', { rows: preview.rows })}
              </Button>
            </Group>
          </Alert>
        )}
        {preview && preview.errors.length > 0 && (
          <Alert color="red" variant="light" role="alert">
            <Stack gap="xs">
              <Text fz="sm">{t('objectives.previewErrors', { count: preview.errors.length })}</Text>
              <Table aria-label={t('objectives.previewErrors', { count: preview.errors.length })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('objectives.errorRow')}</Table.Th>
                    <Table.Th>{t('objectives.errorColumn')}</Table.Th>
                    <Table.Th>{t('objectives.errorMessage')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.errors.map((e) => (
                    <Table.Tr key={`${e.row}-${e.column}-${e.code}`}>
                      <Table.Td>{e.row}</Table.Td>
                      <Table.Td>{e.column}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          </Alert>
        )}
      </Stack>
    </SectionCard>
  );
}
