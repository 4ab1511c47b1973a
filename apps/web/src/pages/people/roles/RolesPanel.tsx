import { Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { IconDatabaseImport, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useIsmsRoles, useLoadDefaultRoles, type IsmsRole } from '../../../api/people';
import { FilterBadge } from '../../../components/FilterBadge';
import { EmptyBlock, ErrorState, FormError, LoadingRows } from '../../../components/QueryStates';
import { useSession } from '../../../session/useSession';
import { useBilingual } from '../shared';
import { RoleCard } from './RoleCard';
import { RoleFormModal } from './RoleFormModal';

/**
 * The register of ISMS roles (5.1.c): what each role answers for, who holds it
 * and who stands in. A link may name one role (`?role=<id>`, from the conformity view).
 */
export function RolesPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const manage = can('people:manage', 'all');
  const text = useBilingual();
  const [params, setParams] = useSearchParams();
  const focus = params.get('role');
  const [active, setActive] = useState<'true' | 'all'>('true');
  const [editing, setEditing] = useState<IsmsRole | 'new' | null>(null);
  const roles = useIsmsRoles(focus ? 'all' : active);
  const defaults = useLoadDefaultRoles();
  const items = (roles.data ?? []).filter((r) => !focus || r.id === focus);
  const focused = focus ? roles.data?.find((r) => r.id === focus) : undefined;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('people.roles.show')}
            value={active}
            onChange={(v) => setActive(v as 'true' | 'all')}
            data={[
              { value: 'true', label: t('people.roles.activeOnly') },
              { value: 'all', label: t('people.roles.all') },
            ]}
          />
          {focus && (
            <FilterBadge
              onRemove={() => {
                params.delete('role');
                setParams(params);
              }}
            >
              {focused ? text(focused.name, focused.nameEn) : t('people.roles.oneRole')}
            </FilterBadge>
          )}
        </Group>
        {manage && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setEditing('new')}
          >
            {t('people.roles.add')}
          </Button>
        )}
      </Group>
      {roles.isPending ? (
        <LoadingRows />
      ) : roles.isError ? (
        <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconUsersGroup size={28} aria-hidden="true" />}
          title={focus ? t('people.roles.notFound') : t('people.roles.emptyTitle')}
          description={
            focus ? undefined : manage ? t('people.roles.emptyManage') : t('people.roles.emptyRead')
          }
          action={
            manage && !focus && (roles.data ?? []).length === 0 ? (
              <Stack gap="xs" align="center">
                <Button
                  leftSection={<IconDatabaseImport size={16} aria-hidden="true" />}
                  loading={defaults.isPending}
                  onClick={() => defaults.mutate(null)}
                >
                  {t('people.roles.loadDefaults')}
                </Button>
                <FormError error={defaults.error} />
              </Stack>
            ) : undefined
          }
        />
      ) : (
        items.map((role) => (
          <RoleCard key={role.id} role={role} manage={manage} onEdit={() => setEditing(role)} />
        ))
      )}
      {editing && (
        <RoleFormModal
          role={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
