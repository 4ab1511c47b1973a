import { Avatar, Group, Menu, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconDevices, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import { useSignedInSession } from '../session/useSession';
import { useToast } from './Toasts';

export function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  if (parts.length === 1) return [...parts[0]!].slice(0, 2).join('').toUpperCase();
  return `${[...parts[0]!][0]}${[...parts[parts.length - 1]!][0]}`.toUpperCase();
}

/** The signed-in user in the header: profile, sign out, sign out everywhere. */
export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const { info, signOut } = useSignedInSession();
  const { user, organization } = info;

  const leave = async (everywhere: boolean) => {
    try {
      await signOut({ everywhere });
      void navigate('/');
    } catch (error) {
      toast.error(t('userMenu.signOutFailed'), isApiError(error) ? error.message : undefined);
    }
  };

  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton
          px={6}
          py={4}
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
          data-testid="user-menu"
        >
          <VisuallyHidden>{t('userMenu.label', { name: user.displayName })}</VisuallyHidden>
          <Group gap={10} wrap="nowrap" aria-hidden="true">
            <Avatar color="indigo" radius="xl" size={34}>
              {initials(user.displayName)}
            </Avatar>
            <Stack gap={0} visibleFrom="md" maw={180}>
              <Text fz="sm" fw={600} lh={1.2} truncate>
                {user.displayName}
              </Text>
              <Text fz="xs" c="dimmed" lh={1.2} truncate>
                {organization.name}
              </Text>
            </Stack>
            <IconChevronDown size={14} stroke={1.8} aria-hidden="true" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap={0} px="sm" py={8}>
          <Text fz="sm" fw={600} truncate>
            {user.displayName}
          </Text>
          <Text fz="xs" c="dimmed" truncate>
            {user.email}
          </Text>
        </Stack>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconUserCircle size={16} aria-hidden="true" />}
          onClick={() => void navigate('/profile')}
        >
          {t('userMenu.profile')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden="true" />}
          onClick={() => void leave(false)}
        >
          {t('userMenu.signOut')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconDevices size={16} aria-hidden="true" />}
          color="red"
          onClick={() => void leave(true)}
        >
          {t('userMenu.signOutEverywhere')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
