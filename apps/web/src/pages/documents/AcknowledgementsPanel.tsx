import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useAcknowledgementReport, type AcknowledgementReport, type DocumentDetail } from './api';

type Row = AcknowledgementReport['pending'][number];

function People({
  title,
  rows,
  color,
  empty,
}: {
  title: string;
  rows: Row[];
  color: string;
  empty: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder radius="lg" padding={0}>
      <Group p="md" gap="sm">
        <Title order={2} fz="md">
          {title}
        </Title>
        <Badge color={color} variant="light">
          {rows.length}
        </Badge>
      </Group>
      {rows.length === 0 ? (
        <Text c="dimmed" fz="sm" px="md" pb="md">
          {empty}
        </Text>
      ) : (
        <Table aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.ack.person')}</Table.Th>
              <Table.Th>{t('documents.ack.when')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.userId}>
                <Table.Td>
                  <Text fz="sm" fw={600}>
                    {r.displayName}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {r.email}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm">{format.dateTime(r.acknowledgedAt ?? r.notifiedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

/** Who has and who has not acknowledged the issued version (4.3.2.g). */
export function AcknowledgementsPanel({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const report = useAcknowledgementReport(doc.id, true);
  if (report.isPending) return <LoadingRows />;
  if (report.isError) return <ErrorState error={report.error} />;
  if (!report.data.versionId) return <Text c="dimmed">{t('documents.ack.notIssued')}</Text>;
  return (
    <Stack gap="md">
      <Text fz="sm">{t('documents.ack.about', { revision: report.data.revision })}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <People
          title={t('documents.ack.pendingHeading')}
          rows={report.data.pending}
          color="orange"
          empty={t('documents.ack.allDone')}
        />
        <People
          title={t('documents.ack.doneHeading')}
          rows={report.data.acknowledged}
          color="teal"
          empty={t('documents.ack.noneYet')}
        />
      </SimpleGrid>
    </Stack>
  );
}
