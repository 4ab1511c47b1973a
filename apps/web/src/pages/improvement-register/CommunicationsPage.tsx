import { Badge, Button, Group, Select, Stack, Table } from '@mantine/core';
import { IconPlus, IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communicationAgreementSchema, communicationChannelSchema } from '@mamoru/contracts';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { useCommunicationList } from './api';
import { CommunicationFormModal } from './CommunicationFormModal';
import { ImprovementNav, useAddressFilter } from './ImprovementNav';
import { useAreaT } from './useAreaT';

const AGREEMENT_COLOR = {
  agreed: 'teal',
  objected: 'red',
  pending: 'yellow',
  not_required: 'gray',
};

/** The communication log (4.2.4.c), filtered by agreement and channel in the address. */
export function CommunicationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const k = useAreaT('improvementRegister.communications');
  const [agreement, setAgreement] = useAddressFilter(
    'agreement',
    communicationAgreementSchema.options,
  );
  const [channel, setChannel] = useAddressFilter('channel', communicationChannelSchema.options);
  const [creating, setCreating] = useState(false);
  const list = useCommunicationList({ agreement, channel });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      <PageHeader
        title={k('title')}
        icon={<IconSpeakerphone size={32} aria-hidden="true" />}
        actions={
          can('improvement:manage', 'all') && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => setCreating(true)}
            >
              {k('new')}
            </Button>
          )
        }
      />
      <ImprovementNav />
      <Group align="flex-end" gap="md">
        <Select
          label={k('agreement')}
          placeholder={k('allAgreements')}
          data={communicationAgreementSchema.options.map((v) => ({
            value: v,
            label: k(`agreements.${v}`),
          }))}
          value={agreement}
          onChange={setAgreement}
          clearable
          w={220}
        />
        <Select
          label={k('channel')}
          data={communicationChannelSchema.options.map((v) => ({
            value: v,
            label: k(`channels.${v}`),
          }))}
          value={channel}
          onChange={setChannel}
          clearable
          w={200}
        />
      </Group>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock icon={<IconSpeakerphone size={28} aria-hidden="true" />} title={k('empty')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={k('title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{k('date')}</Table.Th>
                <Table.Th>{k('audience')}</Table.Th>
                <Table.Th>{k('channel')}</Table.Th>
                <Table.Th>{k('subject')}</Table.Th>
                <Table.Th>{k('summary')}</Table.Th>
                <Table.Th>{k('agreement')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{format.date(c.communicatedOn)}</Table.Td>
                  <Table.Td>{c.audience}</Table.Td>
                  <Table.Td>{k(`channels.${c.channel}`)}</Table.Td>
                  <Table.Td>{c.nonconformity?.code ?? c.improvement?.code ?? ''}</Table.Td>
                  <Table.Td>{c.summary}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={AGREEMENT_COLOR[c.agreement]}>
                      {k(`agreements.${c.agreement}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => void list.fetchNextPage()}>
            {t('improvementRegister.loadMore')}
          </Button>
        </Group>
      )}
      {creating && <CommunicationFormModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}
