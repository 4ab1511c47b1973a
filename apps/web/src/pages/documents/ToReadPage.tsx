import { Button, Card, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconBookmark, IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useToRead } from './api';
import { DocumentsNav } from './DocumentsNav';

/** Every employee's reading list: issued documents distributed to them, not yet acknowledged. */
export function ToReadPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useToRead();
  return (
    <Stack gap="xl" maw={1100}>
      <PageHeader
        title={t('documents.toRead.title')}
        eyebrow={t('areas.documents.title')}
        description={t('documents.toRead.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="teal">
            <IconBookmark size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
      />
      <DocumentsNav />
      <Card withBorder radius="lg" padding={0}>
        {list.isPending ? (
          <Stack p="md">
            <LoadingRows />
          </Stack>
        ) : list.isError ? (
          <Stack p="md">
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          </Stack>
        ) : list.data.length === 0 ? (
          <EmptyBlock
            icon={<IconChecks size={32} aria-hidden="true" />}
            title={t('documents.toRead.empty')}
          />
        ) : (
          <Table verticalSpacing="sm" aria-label={t('documents.toRead.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('documents.columns.title')}</Table.Th>
                <Table.Th>{t('documents.columns.revision')}</Table.Th>
                <Table.Th>{t('documents.toRead.since')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((item) => (
                <Table.Tr key={item.versionId}>
                  <Table.Td>
                    <Text fw={600}>{`${item.code} ${item.title}`}</Text>
                    <Text fz="xs" c="dimmed">
                      {t(`documents.types.${item.type}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t('documents.revision', { revision: item.revision })}</Table.Td>
                  <Table.Td>{format.date(item.notifiedAt)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" component={Link} to={`/documents/${item.documentId}`}>
                      {t('documents.toRead.open', { title: item.title })}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
