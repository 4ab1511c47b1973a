import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  ThemeIcon,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconInbox, IconListDetails, IconSignature, IconX } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { approvalsKey, useWaitingApprovals } from '../api/approvals';
import { api } from '../api/client';
import { queryString, type Approval, type ApprovalStatus, type ListPage } from '../api/types';
import { PageHeader } from '../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../components/QueryStates';
import { useFormat } from '../lib/format';
import { useLabels } from '../lib/labels';
import { useSignedInSession } from '../session/useSession';
import { DecisionModal, type Decision } from './approvals/DecisionModal';

const STATUSES: ApprovalStatus[] = ['pending', 'approved', 'rejected', 'cancelled'];
const statusColor: Record<ApprovalStatus, string> = {
  pending: 'yellow',
  approved: 'teal',
  rejected: 'red',
  cancelled: 'gray',
};

export function StatusBadge({ status }: { status: ApprovalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={statusColor[status]} tt="none" fw={600}>
      {t(`approvals.status.${status}`)}
    </Badge>
  );
}

function ApprovalTable({
  items,
  onDecide,
  canDecide,
}: {
  items: Approval[];
  onDecide: (approval: Approval, decision: Decision | null) => void;
  canDecide: boolean;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const { info } = useSignedInSession();
  // The API sends each person's name, so readers without the user list still see who is involved.
  const personName = (id: string | null, name: string | null) => {
    if (!id) return '—';
    if (id === info.user.id) return t('approvals.you');
    return name ?? t('approvals.someone');
  };
  return (
    <Table.ScrollContainer minWidth={920}>
      <Table
        verticalSpacing="sm"
        horizontalSpacing="md"
        highlightOnHover
        aria-label={t('approvals.title')}
      >
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>{t('approvals.columns.title')}</Table.Th>
            <Table.Th>{t('approvals.columns.type')}</Table.Th>
            <Table.Th>{t('approvals.columns.requested')}</Table.Th>
            <Table.Th>{t('approvals.columns.version')}</Table.Th>
            <Table.Th>{t('approvals.columns.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((approval) => (
            <Table.Tr key={approval.id}>
              <Table.Td>
                <Stack gap={0}>
                  <Anchor
                    component="button"
                    type="button"
                    fz="sm"
                    fw={600}
                    ta="left"
                    onClick={() => onDecide(approval, null)}
                    aria-label={t('approvalSummary.review', {
                      title: labels.approvalTitle(approval),
                    })}
                  >
                    {labels.approvalTitle(approval)}
                  </Anchor>
                  {approval.comment && (
                    <Text fz="xs" c="dimmed" lineClamp={1}>
                      “{approval.comment}”
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td fz="sm">{labels.approvalTypeLabel(approval.approvalType)}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text fz="sm">
                    {personName(approval.requestedBy, approval.names.requestedBy)}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {format.dateTime(approval.requestedAt)}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Badge variant="default" radius="sm" tt="none" fw={500}>
                  {t('approvals.versionShort', { version: approval.entityVersion })}
                </Badge>
              </Table.Td>
              <Table.Td>
                <StatusBadge status={approval.status} />
              </Table.Td>
              <Table.Td ta="right">
                {approval.status === 'pending' && canDecide && (
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      color="teal.9"
                      leftSection={<IconCheck size={14} aria-hidden="true" />}
                      onClick={() => onDecide(approval, 'approved')}
                      aria-label={t('approvals.approveNamed', {
                        title: labels.approvalTitle(approval),
                      })}
                    >
                      {t('approvals.approve')}
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      leftSection={<IconX size={14} aria-hidden="true" />}
                      onClick={() => onDecide(approval, 'rejected')}
                      aria-label={t('approvals.rejectNamed', {
                        title: labels.approvalTitle(approval),
                      })}
                    >
                      {t('approvals.reject')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function AllApprovals({
  onDecide,
  canDecide,
}: {
  onDecide: (a: Approval, d: Decision | null) => void;
  canDecide: boolean;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ApprovalStatus | 'all'>('all');
  const list = useInfiniteQuery({
    queryKey: [...approvalsKey, 'all', status],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<Approval>>(
        `/api/v1/approvals${queryString({ status: status === 'all' ? undefined : status, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap={0}>
      <Group p="md" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
        <SegmentedControl
          aria-label={t('approvals.statusFilter')}
          value={status}
          onChange={(value) => setStatus(value as ApprovalStatus | 'all')}
          data={[
            { value: 'all', label: t('approvals.status.all') },
            ...STATUSES.map((value) => ({ value, label: t(`approvals.status.${value}`) })),
          ]}
        />
      </Group>
      {list.isPending ? (
        <Stack p="md">
          <LoadingRows rows={4} />
        </Stack>
      ) : list.isError ? (
        <Stack p="md">
          <ErrorState
            error={list.error}
            onRetry={() => void list.refetch()}
            retrying={list.isFetching}
          />
        </Stack>
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconListDetails size={28} stroke={1.5} aria-hidden="true" />}
          title={status === 'all' ? t('approvals.emptyAll') : t('approvals.emptyStatus')}
          description={t('approvals.emptyAllHint')}
        />
      ) : (
        <ApprovalTable items={items} onDecide={onDecide} canDecide={canDecide} />
      )}
      {list.hasNextPage && (
        <Group
          justify="center"
          p="md"
          style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
        >
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The approvals inbox: what waits for the user's decision, and every request they may see. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const { can } = useSignedInSession();
  const canDecide = can('approvals:decide');
  const waiting = useWaitingApprovals(true);
  const [tab, setTab] = useState<string | null>('mine');
  const [deciding, setDeciding] = useState<{
    approval: Approval;
    decision: Decision | null;
  } | null>(null);
  const onDecide = (approval: Approval, decision: Decision | null) =>
    setDeciding({ approval, decision });
  const waitingCount = waiting.data?.items.length ?? 0;

  return (
    <Stack gap="xl" maw={1200}>
      <PageHeader
        title={t('approvals.title')}
        description={t('approvals.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="violet">
            <IconSignature size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
      />
      <Card withBorder radius="lg" padding={0} shadow="xs">
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List px="md" pt="xs">
            <Tabs.Tab
              value="mine"
              leftSection={<IconInbox size={16} aria-hidden="true" />}
              rightSection={
                waitingCount > 0 ? (
                  <Badge size="sm" circle color="red.9" variant="filled">
                    {waitingCount}
                  </Badge>
                ) : undefined
              }
            >
              {t('approvals.tabs.mine')}
            </Tabs.Tab>
            <Tabs.Tab value="all" leftSection={<IconListDetails size={16} aria-hidden="true" />}>
              {t('approvals.tabs.all')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="mine">
            {waiting.isPending ? (
              <Stack p="md">
                <LoadingRows rows={3} />
              </Stack>
            ) : waiting.isError ? (
              <Stack p="md">
                <ErrorState
                  error={waiting.error}
                  onRetry={() => void waiting.refetch()}
                  retrying={waiting.isFetching}
                />
              </Stack>
            ) : waitingCount === 0 ? (
              <EmptyBlock
                icon={<IconInbox size={28} stroke={1.5} aria-hidden="true" />}
                title={t('approvals.emptyMine')}
                description={
                  canDecide ? t('approvals.emptyMineHint') : t('approvals.emptyMineNoDecide')
                }
              />
            ) : (
              <ApprovalTable items={waiting.data.items} onDecide={onDecide} canDecide />
            )}
          </Tabs.Panel>
          <Tabs.Panel value="all">
            <AllApprovals onDecide={onDecide} canDecide={canDecide} />
          </Tabs.Panel>
        </Tabs>
      </Card>
      {deciding && (
        <DecisionModal
          approval={deciding.approval}
          decision={deciding.decision}
          canDecide={
            canDecide || (waiting.data?.items.some((a) => a.id === deciding.approval.id) ?? false)
          }
          onClose={() => setDeciding(null)}
        />
      )}
    </Stack>
  );
}
