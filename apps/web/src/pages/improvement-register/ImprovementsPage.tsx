import { Anchor, Badge, Button, Checkbox, Group, Select, Stack, Table } from '@mantine/core';
import { IconPlus, IconTrendingUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { improvementSourceSchema, improvementStatusSchema } from '@mamoru/contracts';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { FilterBadge } from '../../components/FilterBadge';
import { PageHeader } from '../../components/PageHeader';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { useImprovementList } from './api';
import { ImprovementFormModal } from './ImprovementFormModal';
import { ImprovementNav, useAddressFilter } from './ImprovementNav';

const STATUS_COLOR = { proposed: 'blue', accepted: 'teal', rejected: 'gray', implemented: 'green' };

/** The improvement register (4.2.4.a, 7.1), filtered by status, source and overdue in the address. */
export function ImprovementsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const [status, setStatus] = useAddressFilter('status', improvementStatusSchema.options);
  const [source, setSource] = useAddressFilter('source', improvementSourceSchema.options);
  const [overdue, setOverdue] = useAddressFilter('overdue', ['true']);
  // From the conformity view: implemented improvements without evidence of effect.
  const [evidence, setEvidence] = useAddressFilter('evidence', ['none']);
  const [creating, setCreating] = useState(false);
  const list = useImprovementList({ status, source, overdue, evidence });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(status || source || overdue || evidence);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('improvementRegister.title')}
        description={t('improvementRegister.description')}
        icon={<IconTrendingUp size={32} aria-hidden="true" />}
        actions={
          can('improvement:manage', 'all') && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => setCreating(true)}
            >
              {t('improvementRegister.form.newImprovement')}
            </Button>
          )
        }
      />
      <ImprovementNav />
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('improvementRegister.columns.status')}
          placeholder={t('improvementRegister.filters.allStatuses')}
          data={improvementStatusSchema.options.map((v) => ({
            value: v,
            label: t(`improvementRegister.status.${v}`),
          }))}
          value={status}
          onChange={setStatus}
          clearable
          w={200}
        />
        <Select
          label={t('improvementRegister.columns.source')}
          placeholder={t('improvementRegister.filters.allSources')}
          data={improvementSourceSchema.options.map((v) => ({
            value: v,
            label: t(`improvementRegister.source.${v}`),
          }))}
          value={source}
          onChange={setSource}
          clearable
          w={260}
        />
        <Checkbox
          label={t('improvementRegister.filters.overdueOnly')}
          checked={overdue === 'true'}
          onChange={(e) => setOverdue(e.currentTarget.checked ? 'true' : null)}
          mb={8}
        />
        {evidence && (
          <FilterBadge onRemove={() => setEvidence(null)}>
            {t('improvementRegister.filters.withoutEvidence')}
          </FilterBadge>
        )}
      </Group>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconTrendingUp size={28} aria-hidden="true" />}
          title={t(
            filtered ? 'improvementRegister.empty.filtered' : 'improvementRegister.empty.title',
          )}
          description={filtered ? undefined : t('improvementRegister.empty.description')}
        />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('improvementRegister.nav.register')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('improvementRegister.columns.code')}</Table.Th>
                <Table.Th>{t('improvementRegister.columns.title')}</Table.Th>
                <Table.Th>{t('improvementRegister.columns.source')}</Table.Th>
                <Table.Th>{t('improvementRegister.columns.owner')}</Table.Th>
                <Table.Th>{t('improvementRegister.columns.dueDate')}</Table.Th>
                <Table.Th>{t('improvementRegister.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>{i.code}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/improvement/${i.id}`}>
                      {i.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`improvementRegister.source.${i.source}`)}</Table.Td>
                  <Table.Td>{i.owner?.name ?? ''}</Table.Td>
                  <Table.Td>{format.date(i.dueDate)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={STATUS_COLOR[i.status]}>
                      {t(`improvementRegister.status.${i.status}`)}
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
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('improvementRegister.loadMore')}
          </Button>
        </Group>
      )}
      {creating && <ImprovementFormModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}
