import { Anchor, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { gapStatusSchema } from '@mamoru/contracts';
import { useOrgUnits } from '../../api/assets';
import { usePeopleSettings, type GapStatus } from '../../api/people';
import { useGaps } from '../../api/people-competence';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useBilingual } from './shared';

const STATUS_COLOR: Record<GapStatus, string> = {
  missing: 'red',
  expired: 'red',
  failed: 'orange',
  expiring: 'yellow',
};

const known = (value: string | null): GapStatus | null =>
  value && (gapStatusSchema.options as string[]).includes(value) ? (value as GapStatus) : null;

/**
 * Who lacks which required competence (5.2.2.b), and what expires soon.
 * Filters (status, unit, person) live in the address, so the conformity view links here.
 */
export function GapsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useBilingual();
  const [params, setParams] = useSearchParams();
  const status = known(params.get('status'));
  const unitId = params.get('unitId');
  const userId = params.get('userId');
  const units = useOrgUnits();
  const settings = usePeopleSettings();
  const list = useGaps({ status, unitId, userId });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const setParam = (name: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const warningDays = settings.data?.expiryWarningDays ?? 90;

  return (
    <Stack gap="lg">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label={t('people.gaps.status')}
          placeholder={t('people.gaps.allStatuses')}
          clearable
          data={gapStatusSchema.options.map((s) => ({
            value: s,
            label: t(`people.gapStatus.${s}`),
          }))}
          value={status}
          onChange={(v) => setParam('status', v)}
          w={220}
        />
        <Select
          label={t('people.gaps.unit')}
          placeholder={t('people.list.allUnits')}
          searchable
          clearable
          data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={unitId}
          onChange={(v) => setParam('unitId', v)}
          w={220}
        />
        <Button
          variant={status === 'expiring' ? 'filled' : 'default'}
          onClick={() => setParam('status', status === 'expiring' ? null : 'expiring')}
        >
          {t('people.gaps.expiringWithin', { count: warningDays })}
        </Button>
        {userId && (
          <Button variant="subtle" onClick={() => setParam('userId', null)}>
            {t('people.gaps.allPeople')}
          </Button>
        )}
      </Group>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconChecklist size={28} aria-hidden="true" />}
          title={
            status || unitId || userId
              ? t('people.gaps.emptyFiltered')
              : t('people.gaps.emptyTitle')
          }
          description={t('people.gaps.emptyHint')}
        />
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped aria-label={t('people.gaps.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.gaps.columns.person')}</Table.Th>
                <Table.Th>{t('people.gaps.columns.unit')}</Table.Th>
                <Table.Th>{t('people.gaps.columns.requirement')}</Table.Th>
                <Table.Th>{t('people.gaps.columns.source')}</Table.Th>
                <Table.Th>{t('people.gaps.columns.status')}</Table.Th>
                <Table.Th>{t('people.gaps.columns.dueOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((g) => (
                <Table.Tr
                  key={`${g.user.id}-${g.requirement.id}-${g.source.kind}-${g.source.code}`}
                >
                  <Table.Td>
                    <Anchor component={Link} to={`/people/${g.user.id}`}>
                      {g.user.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{g.unit?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    {text(g.requirement.name, g.requirement.nameEn)}
                    <Text fz="xs" c="dimmed">
                      {t(`people.competenceKind.${g.requirement.kind}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {t(`people.gaps.source.${g.source.kind}`)}: {g.source.name}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLOR[g.status]} variant="light" tt="none">
                      {t(`people.gapStatus.${g.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{g.dueOn ? format.date(g.dueOn) : '—'}</Table.Td>
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
            {t('people.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
