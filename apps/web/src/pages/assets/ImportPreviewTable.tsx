import { Badge, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../api/assets';

type PreviewRow = NonNullable<ImportReport['preview']>[number];

const KIND_COLOR: Record<PreviewRow['change'], string> = {
  create: 'teal',
  update: 'blue',
  unchanged: 'gray',
};

/**
 * The dry run's first valid rows and what importing each does (new, changed
 * with its fields' old → new values, unchanged). Rows with problems are in
 * the problems table instead; beyond the preview only the counts are known.
 */
export function ImportPreviewTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const preview = report.preview ?? [];
  const valid = report.created + report.updated + report.unchanged;
  const count = (kind: PreviewRow['change']) => preview.filter((r) => r.change === kind).length;
  const label = t('assets.import.preview.label');

  if (preview.length === 0) {
    return <Text fz="sm">{t('assets.import.preview.empty')}</Text>;
  }
  return (
    <Stack gap="xs">
      <Text fz="sm" fw={600}>
        {t('assets.import.preview.heading')}
      </Text>
      <Text fz="sm">
        {t('assets.import.preview.counts', {
          create: count('create'),
          update: count('update'),
          unchanged: count('unchanged'),
        })}
      </Text>
      {valid > preview.length && (
        <Text fz="sm" c="dimmed">
          {t('assets.import.preview.capped', { shown: preview.length, total: valid })}
        </Text>
      )}
      <Table.ScrollContainer minWidth={600} mah={360}>
        <Table aria-label={label} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('assets.import.row')}</Table.Th>
              <Table.Th scope="col">{t('assets.fields.code')}</Table.Th>
              <Table.Th scope="col">{t('assets.fields.name')}</Table.Th>
              <Table.Th scope="col">{t('assets.import.preview.change')}</Table.Th>
              <Table.Th scope="col">{t('assets.import.preview.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.code}</Table.Td>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={KIND_COLOR[r.change]}>
                    {t(`assets.import.preview.kind.${r.change}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {r.changes.length > 0 && (
                    <List size="sm" listStyleType="none" spacing={2}>
                      {r.changes.map((c) => (
                        <List.Item key={c.field}>
                          {t('assets.import.preview.fieldChange', {
                            field: t(`assets.fields.${c.field}`, { defaultValue: c.field }),
                            before: c.before ?? '—',
                            after: c.after ?? '—',
                          })}
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
