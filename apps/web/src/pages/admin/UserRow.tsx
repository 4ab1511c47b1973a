import { ActionIcon, Avatar, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconPencil, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { initials } from '../../components/UserMenu';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { EndSessionsButton } from './EndSessionsButton';
import { UserUnitName } from './UserUnit';

type UserState = 'active' | 'inactive' | 'expired';

function stateOf(user: User, now = Date.now()): UserState {
  if (!user.active) return 'inactive';
  if (user.accessExpiresAt && new Date(user.accessExpiresAt).getTime() <= now) return 'expired';
  return 'active';
}

const stateColor: Record<UserState, string> = {
  active: 'teal',
  inactive: 'gray',
  expired: 'orange',
};

/** Short cells keep to one line; the name and role cells wrap instead. */
const nowrap = { whiteSpace: 'nowrap' } as const;

/** One user in the users list: who, roles, unit, language, state, access expiry, added. */
export function UserRow({
  user,
  isSelf,
  manage,
  onEdit,
  onFactors,
}: {
  user: User;
  isSelf: boolean;
  /** Shows the edit button. */
  manage: boolean;
  onEdit: () => void;
  /** Opens the user's sign-in factors (shown with `manage`). */
  onFactors?: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const state = stateOf(user);
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Avatar size={36} radius="xl" color={user.active ? 'indigo' : 'gray'} aria-hidden="true">
            {initials(user.displayName)}
          </Avatar>
          <Stack gap={0} miw={0}>
            <Group gap={6} wrap="nowrap">
              <Text fz="sm" fw={600} truncate>
                {user.displayName}
              </Text>
              {isSelf && (
                <Badge size="xs" variant="light" color="gray">
                  {t('users.you')}
                </Badge>
              )}
            </Group>
            <Text fz="xs" c="dimmed" truncate>
              {user.email}
            </Text>
          </Stack>
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {user.roles.map((name) => (
            <Badge
              key={name}
              variant="light"
              color={name === 'admin' ? 'indigo' : name === 'external_auditor' ? 'grape' : 'gray'}
              radius="sm"
              tt="none"
              fw={600}
              miw="max-content"
            >
              {labels.roleLabel(name)}
            </Badge>
          ))}
          {user.pendingRoleGrant && (
            <Badge variant="light" color="yellow" radius="sm" tt="none" fw={600} miw="max-content">
              {t('users.pendingGrant', {
                roles: user.pendingRoleGrant.roles.map(labels.roleLabel).join(', '),
              })}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td fz="sm">
        <UserUnitName unitId={user.orgUnitId} />
      </Table.Td>
      <Table.Td fz="sm" style={nowrap}>
        {labels.localeLabel(user.locale)}
      </Table.Td>
      <Table.Td style={nowrap}>
        <Badge variant="dot" color={stateColor[state]} tt="none" fw={500} miw="max-content">
          {t(`users.states.${state}`)}
        </Badge>
      </Table.Td>
      <Table.Td fz="sm" style={nowrap}>
        {user.accessExpiresAt ? (
          format.date(user.accessExpiresAt)
        ) : (
          <Text span fz="sm" c="dimmed">
            {t('users.noExpiry')}
          </Text>
        )}
      </Table.Td>
      <Table.Td fz="sm" style={nowrap}>
        {format.date(user.createdAt)}
      </Table.Td>
      {manage && (
        <Table.Td ta="right" style={nowrap}>
          {!isSelf && <EndSessionsButton user={user} />}
          {onFactors && (
            <Tooltip label={t('users.factors')}>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('users.factorsNamed', { name: user.displayName })}
                onClick={onFactors}
              >
                <IconShieldLock size={16} aria-hidden="true" />
              </ActionIcon>
            </Tooltip>
          )}
          <Tooltip label={t('common.edit')}>
            <ActionIcon
              variant="subtle"
              aria-label={t('users.editNamed', { name: user.displayName })}
              onClick={onEdit}
            >
              <IconPencil size={16} aria-hidden="true" />
            </ActionIcon>
          </Tooltip>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
