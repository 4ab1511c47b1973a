import {
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  TextInput,
  ThemeIcon,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUserPlus, IconUsers, IconUserSearch } from '@tabler/icons-react';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleSchema } from '@mamoru/contracts';
import { useUserList } from '../../api/identity';
import { AreaStrings } from '../../i18n/lazy-areas';
import type { User } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useLabels } from '../../lib/labels';
import { useSession } from '../../session/useSession';
import { UserFactorsModal } from './UserFactorsModal';
import { UserFormModal } from './UserFormModal';
import { UserRow } from './UserRow';
import { UserUnitSelect } from './UserUnit';

/** Administration of the organization's users: search, filter by role and unit, create, edit. */
export function UsersPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { can, info } = useSession();
  const manage = can('users:manage');
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<string | null>(null);
  const [unit, setUnit] = useState<string | null>(null);
  const [q] = useDebouncedValue(search.trim(), 300);
  const users = useUserList({ q, role, orgUnitId: unit });
  // `key` remounts the modal so it starts from the user it opens with.
  const [editing, setEditing] = useState<{ user: User | null; key: number } | null>(null);
  const [factorsOf, setFactorsOf] = useState<User | null>(null);

  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = q !== '' || role !== null || unit !== null;

  return (
    <Stack gap="xl" maw={1200}>
      <PageHeader
        title={t('users.title')}
        eyebrow={t('nav.administration')}
        description={t('users.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="indigo">
            <IconUsers size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
        actions={
          manage && (
            <Button
              leftSection={<IconUserPlus size={18} aria-hidden="true" />}
              onClick={() => setEditing({ user: null, key: Date.now() })}
            >
              {t('users.create')}
            </Button>
          )
        }
      />
      <Card withBorder radius="lg" padding={0} shadow="xs">
        <Group
          gap="sm"
          p="md"
          wrap="wrap"
          style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
        >
          <TextInput
            type="search"
            aria-label={t('users.search')}
            placeholder={t('users.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
            maw={420}
          />
          <Select
            aria-label={t('users.roleFilter')}
            placeholder={t('users.allRoles')}
            data={roleSchema.options.map((value) => ({ value, label: labels.roleLabel(value) }))}
            value={role}
            onChange={setRole}
            clearable
            w={240}
            comboboxProps={{ withinPortal: true }}
          />
          <UserUnitSelect
            aria-label={t('users.unitFilter')}
            placeholder={t('users.allUnits')}
            value={unit}
            onChange={setUnit}
            w={260}
          />
        </Group>
        {users.isPending ? (
          <Stack p="md">
            <LoadingRows rows={5} label={t('users.loading')} />
          </Stack>
        ) : users.isError ? (
          <Stack p="md">
            <ErrorState
              error={users.error}
              onRetry={() => void users.refetch()}
              retrying={users.isFetching}
            />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyBlock
            icon={
              filtered ? (
                <IconUserSearch size={28} stroke={1.5} aria-hidden="true" />
              ) : (
                <IconUsers size={28} stroke={1.5} aria-hidden="true" />
              )
            }
            title={filtered ? t('users.noMatch') : t('users.empty')}
            description={filtered ? t('users.noMatchHint') : undefined}
            action={
              filtered ? (
                <Button
                  variant="default"
                  onClick={() => {
                    setSearch('');
                    setRole(null);
                    setUnit(null);
                  }}
                >
                  {t('users.clearFilters')}
                </Button>
              ) : undefined
            }
          />
        ) : (
          <Table.ScrollContainer minWidth={1000}>
            <Table
              verticalSpacing="sm"
              horizontalSpacing="md"
              highlightOnHover
              aria-label={t('users.title')}
            >
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('users.columns.user')}</Table.Th>
                  <Table.Th>{t('users.columns.roles')}</Table.Th>
                  <Table.Th>{t('users.columns.unit')}</Table.Th>
                  <Table.Th>{t('users.columns.language')}</Table.Th>
                  <Table.Th>{t('users.columns.status')}</Table.Th>
                  <Table.Th>{t('users.columns.accessExpires')}</Table.Th>
                  <Table.Th>{t('users.columns.created')}</Table.Th>
                  {manage && (
                    <Table.Th>
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    isSelf={user.id === info?.user.id}
                    manage={manage}
                    onEdit={() => setEditing({ user, key: Date.now() })}
                    onFactors={() => setFactorsOf(user)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {users.hasNextPage && (
          <Group
            justify="center"
            p="md"
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
          >
            <Button
              variant="default"
              onClick={() => void users.fetchNextPage()}
              loading={users.isFetchingNextPage}
            >
              {t('common.loadMore')}
            </Button>
          </Group>
        )}
      </Card>
      {editing && (
        <UserFormModal
          key={editing.key}
          user={editing.user}
          opened
          onClose={() => setEditing(null)}
        />
      )}
      {factorsOf && (
        <Suspense fallback={null}>
          <AreaStrings area="authentication">
            <UserFactorsModal
              key={factorsOf.id}
              user={factorsOf}
              onClose={() => setFactorsOf(null)}
            />
          </AreaStrings>
        </Suspense>
      )}
    </Stack>
  );
}
