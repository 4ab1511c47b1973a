import { Alert, List, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CatalogImportJob, CatalogImportPreview } from '@mamoru/contracts';
import { textIn } from '../../lib/catalogText';

/** What a catalog file would import (the dry run's answer), before anything is written. */
export function ImportPreview({ preview }: { preview: CatalogImportPreview }) {
  const { t, i18n } = useTranslation();
  const name = textIn(preview.name, i18n.language) || preview.libraryId;
  const counts = [
    ['groups', preview.counts.groups],
    ['controls', preview.counts.controls],
    ['requirements', preview.counts.requirements],
    ['params', preview.counts.params],
    ['parts', preview.counts.parts],
  ] as const;
  return (
    <Stack gap="sm" aria-label={t('catalog.import.previewTitle')} role="region">
      <Table withTableBorder variant="vertical" fz="sm">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w="35%">{t('catalog.import.preview.format')}</Table.Th>
            <Table.Td>{t(`catalog.import.formats.${preview.format}`)}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('catalog.import.preview.library')}</Table.Th>
            <Table.Td>
              {t('catalog.import.preview.libraryValue', {
                id: preview.libraryId,
                version: preview.version,
                name,
              })}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('catalog.import.preview.languages')}</Table.Th>
            <Table.Td>{preview.languages.join(', ')}</Table.Td>
          </Table.Tr>
          {counts.map(([key, value]) => (
            <Table.Tr key={key}>
              <Table.Th>{t(`catalog.import.preview.${key}`)}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {preview.warnings.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconInfoCircle size={18} aria-hidden="true" />}
          title={t('catalog.import.preview.warnings', { count: preview.warnings.length })}
        >
          <List size="sm">
            {preview.warnings.map((w, i) => (
              <List.Item key={i}>{w.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {preview.conflict && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          icon={<IconAlertTriangle size={18} aria-hidden="true" />}
          title={preview.conflict.message}
        >
          <Text fz="sm">{t('catalog.import.preview.conflictHint')}</Text>
        </Alert>
      )}
    </Stack>
  );
}

/** A background import that ended refused: its reason and each problem at its place in the file. */
export function ImportJobFailure({ job }: { job: CatalogImportJob }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      icon={<IconAlertTriangle size={18} aria-hidden="true" />}
      title={job.error?.message ?? t('catalog.import.jobFailed')}
    >
      {job.issues.length > 0 && (
        <List size="sm">
          {job.issues.slice(0, 20).map((issue, i) => (
            <List.Item key={i}>
              <Text span fw={600} ff="monospace" fz="xs">
                {issue.field}
              </Text>{' '}
              {issue.reason}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
