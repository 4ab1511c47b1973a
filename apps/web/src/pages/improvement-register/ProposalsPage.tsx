import { Badge, Button, Group, Select, Stack, Table } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { proposalStatusSchema } from '@mamoru/contracts';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { useProposalList, type PreventiveProposal } from './api';
import { ImprovementNav, useAddressFilter } from './ImprovementNav';
import { ProposalDecisionModal } from './ProposalDecisionModal';
import { useAreaT } from './useAreaT';

const PRIORITY_COLOR = { high: 'red', medium: 'orange', low: 'gray' };

/** The inbox of preventive proposals from risk reassessments (7.3.e). */
export function ProposalsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const k = useAreaT('improvementRegister.proposals');
  const [status, setStatus] = useAddressFilter('status', proposalStatusSchema.options);
  const [deciding, setDeciding] = useState<PreventiveProposal | null>(null);
  const list = useProposalList({ status });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const manager = can('improvement:manage', 'all');
  return (
    <Stack gap="lg">
      <PageHeader title={k('title')} icon={<IconBulb size={32} aria-hidden="true" />} />
      <ImprovementNav />
      <Select
        label={k('status')}
        placeholder={k('allStatuses')}
        data={proposalStatusSchema.options.map((v) => ({ value: v, label: k(`statuses.${v}`) }))}
        value={status}
        onChange={setStatus}
        clearable
        w={220}
      />
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock icon={<IconBulb size={28} aria-hidden="true" />} title={k('empty')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label={k('title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{k('risk')}</Table.Th>
                <Table.Th>{k('reason')}</Table.Th>
                <Table.Th>{k('levels')}</Table.Th>
                <Table.Th>{k('priority')}</Table.Th>
                <Table.Th>{k('status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    {p.risk.code} {p.risk.assetName}
                  </Table.Td>
                  <Table.Td>{k(`reasons.${p.reason}`)}</Table.Td>
                  <Table.Td>
                    {p.previousLevel === null ? p.newLevel : `${p.previousLevel} → ${p.newLevel}`}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={PRIORITY_COLOR[p.priority]}>
                      {k(`priorities.${p.priority}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {k(`statuses.${p.status}`)}
                    {p.decidedAt && ` (${format.date(p.decidedAt)})`}
                    {p.nonconformity &&
                      ` ${t('improvementRegister.proposals.raised', { code: p.nonconformity.code })}`}
                  </Table.Td>
                  <Table.Td>
                    {manager && p.status === 'proposed' && (
                      <Button size="xs" variant="light" onClick={() => setDeciding(p)}>
                        {k('decide')}
                      </Button>
                    )}
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
      {deciding && <ProposalDecisionModal proposal={deciding} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}
