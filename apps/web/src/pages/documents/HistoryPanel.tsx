import {
  Box,
  Button,
  Card,
  Code,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useDiff, useVersion, useVersions, type DocumentDetail } from './api';
import { VersionBadge } from './StatusBadges';
import { VersionView } from './VersionView';

const partColor = {
  add: 'var(--mantine-color-teal-1)',
  remove: 'var(--mantine-color-red-1)',
  equal: undefined,
};
const partSign = { add: '+ ', remove: '- ', equal: '  ' };

function Diff({
  documentId,
  from,
  to,
}: {
  documentId: string;
  from: string | null;
  to: string | null;
}) {
  const { t } = useTranslation();
  const diff = useDiff(documentId, from, to);
  if (!from || !to || from === to)
    return (
      <Text c="dimmed" fz="sm">
        {t('documents.history.pickTwo')}
      </Text>
    );
  if (diff.isPending) return <LoadingRows rows={3} />;
  if (diff.isError) return <ErrorState error={diff.error} />;
  return (
    <Stack gap="xs">
      <Text fz="sm">
        {t('documents.history.summary', { added: diff.data.added, removed: diff.data.removed })}
      </Text>
      <Code block aria-label={t('documents.history.diff')}>
        {diff.data.parts.flatMap((part, i) =>
          part.text
            .split('\n')
            .slice(0, -1)
            .map((line, j) => (
              <Box
                key={`${i}-${j}`}
                component="span"
                display="block"
                style={{ background: partColor[part.op] }}
              >
                {partSign[part.op]}
                {line}
              </Box>
            )),
        )}
      </Code>
    </Stack>
  );
}

/** Every version with its status, one opened on request, and the diff of any two. */
export function HistoryPanel({ doc }: { doc: DocumentDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useVersions(doc.id);
  const [open, setOpen] = useState<string | null>(null);
  const opened = useVersion(doc.id, open);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  if (versions.isPending) return <LoadingRows />;
  if (versions.isError) return <ErrorState error={versions.error} />;
  if (versions.data.length === 0)
    return <EmptyBlock icon={null} title={t('documents.history.empty')} />;
  const options = versions.data.map((v) => ({
    value: v.id,
    label: t('documents.revisionStatus', {
      revision: v.revision,
      status: t(`documents.versionStatuses.${v.status}`),
    }),
  }));
  return (
    <Stack gap="md">
      <Card withBorder radius="lg" padding={0}>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.history.version')}</Table.Th>
              <Table.Th>{t('documents.page.changeSummary')}</Table.Th>
              <Table.Th>{t('documents.history.issued')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.data.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  <VersionBadge version={v} />
                </Table.Td>
                <Table.Td>{v.changeSummary || '—'}</Table.Td>
                <Table.Td>{v.issuedAt ? format.date(v.issuedAt) : '—'}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => setOpen(v.id)}>
                    {t('documents.history.view', { revision: v.revision })}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder radius="lg">
        <Stack gap="sm">
          <Title order={2} fz="md">
            {t('documents.history.compare')}
          </Title>
          <Group>
            <Select
              label={t('documents.history.from')}
              data={options}
              value={from}
              onChange={setFrom}
              w={260}
            />
            <Select
              label={t('documents.history.to')}
              data={options}
              value={to}
              onChange={setTo}
              w={260}
            />
          </Group>
          <Diff documentId={doc.id} from={from} to={to} />
        </Stack>
      </Card>
      <Modal
        opened={open !== null}
        onClose={() => setOpen(null)}
        size="xl"
        title={`${doc.code} ${doc.title}`}
      >
        {opened.isPending ? (
          <LoadingRows />
        ) : opened.isError ? (
          <ErrorState error={opened.error} />
        ) : (
          <VersionView version={opened.data} />
        )}
      </Modal>
    </Stack>
  );
}
