import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useOrgUnits } from '../../api/assets';
import { useIsmsRoles, usePeople } from '../../api/people';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useBilingual } from './shared';

/**
 * The people the caller reaches (everyone, or oneself and one's units), with
 * their unit, job, ISMS roles and gaps. The filters live in the address so a
 * link (from the chart or a rule) opens the same list.
 */
export function PeopleListPanel() {
  const { t } = useTranslation();
  const text = useBilingual();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(q, 300);
  const unitId = params.get('unitId');
  const roleId = params.get('roleId');
  const gaps = params.get('gaps') === 'true';
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
  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced.trim()) setParam('q', debounced.trim() || null);
    // Only the typed text drives this; the other filters write the address themselves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  const units = useOrgUnits();
  const roles = useIsmsRoles('true');
  const list = usePeople({ q: params.get('q'), unitId, roleId, gaps });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(params.get('q') || unitId || roleId || gaps);

  return (
    <Stack gap="lg">
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          label={t('people.list.search')}
          placeholder={t('people.list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={280}
        />
        <Select
          label={t('people.list.unit')}
          placeholder={t('people.list.allUnits')}
          searchable
          clearable
          data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={unitId}
          onChange={(v) => setParam('unitId', v)}
          w={220}
        />
        <Select
          label={t('people.list.role')}
          placeholder={t('people.list.allRoles')}
          searchable
          clearable
          data={(roles.data ?? []).map((r) => ({ value: r.id, label: text(r.name, r.nameEn) }))}
          value={roleId}
          onChange={(v) => setParam('roleId', v)}
          w={220}
        />
        <Checkbox
          label={t('people.list.gapsOnly')}
          checked={gaps}
          onChange={(e) => setParam('gaps', e.currentTarget.checked ? 'true' : null)}
          mb={8}
        />
      </Group>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconUsers size={28} aria-hidden="true" />}
          title={filtered ? t('people.list.emptyFiltered') : t('people.list.emptyTitle')}
        />
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped highlightOnHover aria-label={t('people.list.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.list.columns.name')}</Table.Th>
                <Table.Th>{t('people.list.columns.unit')}</Table.Th>
                <Table.Th>{t('people.list.columns.job')}</Table.Th>
                <Table.Th>{t('people.list.columns.roles')}</Table.Th>
                <Table.Th>{t('people.list.columns.competence')}</Table.Th>
                <Table.Th>{t('people.list.columns.confidentiality')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.user.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/people/${p.user.id}`}>
                      {p.user.name}
                    </Anchor>
                    <Text fz="xs" c="dimmed">
                      {p.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{p.unit?.name ?? '—'}</Table.Td>
                  <Table.Td>{p.job?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.roleCodes.map((code) => (
                        <Badge key={code} variant="outline" tt="none" size="sm">
                          {code}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.gapCount > 0 && (
                        <Badge color="red" variant="light" tt="none">
                          {t('people.list.gaps', { count: p.gapCount })}
                        </Badge>
                      )}
                      {p.expiringCount > 0 && (
                        <Badge color="orange" variant="light" tt="none">
                          {t('people.list.expiring', { count: p.expiringCount })}
                        </Badge>
                      )}
                      {p.gapCount === 0 && p.expiringCount === 0 && (
                        <Badge color="teal" variant="light" tt="none">
                          {t('people.list.noGaps')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {p.confidentialitySigned ? t('people.list.signed') : t('people.list.notSigned')}
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
            {t('people.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
