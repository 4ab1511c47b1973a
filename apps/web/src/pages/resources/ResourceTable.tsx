import { ActionIcon, Button, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmModal } from '../../components/ConfirmModal';
import { isStale } from '../../components/SaveProblem';
import { useToast } from '../../components/Toasts';
import { isApiError } from '../../api/client';
import { useDeleteResource, type IsmsResource } from './api';
import { useResourcesT } from './format';

/** The register of one fiscal year: what each resource serves, its owner, planned and used. */
export function ResourceTable({
  items,
  manager,
  onEdit,
  hasMore,
  loadingMore,
  onMore,
}: {
  items: IsmsResource[];
  manager: boolean;
  onEdit: (resource: IsmsResource) => void;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
}) {
  const { tr, yen, hours } = useResourcesT();
  const [deleting, setDeleting] = useState<IsmsResource | null>(null);
  const remove = useDeleteResource();
  const toast = useToast();
  const figures = (f: IsmsResource['planned'], usage = false) => {
    const parts = [
      f.amount !== null ? yen(f.amount) : null,
      f.hours !== null ? hours(f.hours) : null,
    ].filter((p): p is string => p !== null);
    if (parts.length === 0)
      return usage ? (
        <Text fz="sm" c="dimmed">
          {tr('table.notRecorded')}
        </Text>
      ) : null;
    return parts.map((p) => <div key={p}>{p}</div>);
  };
  const deleteError = remove.error
    ? isStale(remove.error)
      ? tr('delete.stale')
      : isApiError(remove.error)
        ? remove.error.message
        : String(remove.error)
    : null;

  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label={tr('table.label')} striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{tr('table.kind')}</Table.Th>
              <Table.Th>{tr('table.activity')}</Table.Th>
              <Table.Th>{tr('table.name')}</Table.Th>
              <Table.Th>{tr('table.owner')}</Table.Th>
              <Table.Th ta="right">{tr('table.planned')}</Table.Th>
              <Table.Th ta="right">{tr('table.used')}</Table.Th>
              <Table.Th>{tr('table.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{tr(`kinds.${r.kind}`)}</Table.Td>
                <Table.Td>{tr(`activities.${r.activity}`)}</Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={500}>
                    {r.title}
                  </Text>
                  {r.description && (
                    <Text fz="xs" c="dimmed" lineClamp={2}>
                      {r.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{r.owner?.name ?? ''}</Table.Td>
                <Table.Td ta="right">{figures(r.planned)}</Table.Td>
                <Table.Td ta="right">{figures(r.used, true)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      aria-label={tr('table.edit', { title: r.title })}
                      onClick={() => onEdit(r)}
                    >
                      <IconPencil size={16} aria-hidden="true" />
                    </ActionIcon>
                    {manager && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={tr('table.delete', { title: r.title })}
                        onClick={() => {
                          remove.reset();
                          setDeleting(r);
                        }}
                      >
                        <IconTrash size={16} aria-hidden="true" />
                      </ActionIcon>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hasMore && (
        <Group justify="center" p="md">
          <Button variant="default" onClick={onMore} loading={loadingMore}>
            {tr('loadMore')}
          </Button>
        </Group>
      )}
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={tr('delete.title')}
        message={
          deleting ? tr('delete.message', { title: deleting.title, year: deleting.fiscalYear }) : ''
        }
        confirmLabel={tr('delete.confirm')}
        danger
        pending={remove.isPending}
        error={deleteError}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting, {
            onSuccess: () => {
              toast.success(tr('delete.done'));
              setDeleting(null);
            },
          })
        }
      />
    </>
  );
}
