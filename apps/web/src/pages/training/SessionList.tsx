import { Anchor, Badge, Button, Group, Table } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessions, type SessionStatus } from '../../api/training';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';

const STATUS_COLOR: Record<SessionStatus, string> = {
  planned: 'blue',
  held: 'green',
  cancelled: 'gray',
};

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light">
      {t(`training.sessionStatus.${status}`)}
    </Badge>
  );
}

/** Sessions, newest first as the server sends them, with attendance and evaluation counts. */
export function SessionList({
  courseId = null,
  status = null,
}: {
  courseId?: string | null;
  status?: SessionStatus | null;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useSessions({ courseId, status });
  if (list.isPending) return <LoadingRows />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  if (items.length === 0)
    return (
      <EmptyBlock
        icon={<IconCalendarEvent size={28} aria-hidden="true" />}
        title={t('training.session.empty')}
      />
    );
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped highlightOnHover aria-label={t('training.session.listTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('training.session.code')}</Table.Th>
              <Table.Th>{t('training.session.heldOn')}</Table.Th>
              <Table.Th>{t('training.session.course')}</Table.Th>
              <Table.Th>{t('training.session.trainer')}</Table.Th>
              <Table.Th>{t('training.session.attended')}</Table.Th>
              <Table.Th>{t('training.session.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/training/sessions/${s.id}`}>
                    {s.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>{format.date(s.heldOn)}</Table.Td>
                <Table.Td>
                  {s.course.code} {s.course.title}
                </Table.Td>
                <Table.Td>{s.trainer?.name ?? (s.trainerName || '—')}</Table.Td>
                <Table.Td>{s.attendedCount}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <SessionStatusBadge status={s.status} />
                    {s.unevaluatedCount > 0 && (
                      <Badge color="orange" variant="light">
                        {t('training.session.toEvaluate', { count: s.unevaluatedCount })}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}
