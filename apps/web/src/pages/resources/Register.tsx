import { Button, Group, Select } from '@mantine/core';
import { IconCoin } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import {
  RESOURCE_ACTIVITIES,
  RESOURCE_KINDS,
  useResourceList,
  type IsmsResource,
  type ResourceActivity,
  type ResourceKind,
} from './api';
import { useResourcesT } from './format';
import { ResourceTable } from './ResourceTable';

/** The year's register with its filters, or what to do in a year without resources. */
export function Register({
  fiscalYear,
  manager,
  onEdit,
  onCreate,
}: {
  fiscalYear: number;
  manager: boolean;
  onEdit: (resource: IsmsResource) => void;
  onCreate: () => void;
}) {
  const { tr } = useResourcesT();
  const [kind, setKind] = useState<ResourceKind | null>(null);
  const [activity, setActivity] = useState<ResourceActivity | null>(null);
  const list = useResourceList({ fiscalYear, kind, activity });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = kind !== null || activity !== null;
  const all = tr('filters.all');
  return (
    <SectionCard
      id="resources-register"
      title={tr('table.title')}
      flush
      actions={
        <Group gap="sm">
          <Select
            aria-label={tr('filters.kind')}
            placeholder={`${tr('filters.kind')}: ${all}`}
            data={RESOURCE_KINDS.map((k) => ({ value: k, label: tr(`kinds.${k}`) }))}
            value={kind}
            onChange={(value) => setKind(value as ResourceKind | null)}
            clearable
            w={180}
          />
          <Select
            aria-label={tr('filters.activity')}
            placeholder={`${tr('filters.activity')}: ${all}`}
            data={RESOURCE_ACTIVITIES.map((a) => ({ value: a, label: tr(`activities.${a}`) }))}
            value={activity}
            onChange={(value) => setActivity(value as ResourceActivity | null)}
            clearable
            w={180}
          />
        </Group>
      }
    >
      {list.error ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <LoadingRows />
      ) : items.length === 0 && !filtered ? (
        <EmptyBlock
          icon={<IconCoin size={28} aria-hidden="true" />}
          title={tr('empty.title', { year: fiscalYear })}
          description={manager ? tr('empty.description') : tr('empty.readOnly')}
          action={manager ? <Button onClick={onCreate}>{tr('new')}</Button> : undefined}
        />
      ) : (
        <ResourceTable
          items={items}
          manager={manager}
          onEdit={onEdit}
          hasMore={list.hasNextPage}
          loadingMore={list.isFetchingNextPage}
          onMore={() => void list.fetchNextPage()}
        />
      )}
    </SectionCard>
  );
}
