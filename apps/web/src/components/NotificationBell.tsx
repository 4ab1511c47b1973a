import { Button, VisuallyHidden } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';

/** The query key the notifications page invalidates when it marks something read. */
export const unreadCountKey = ['notifications', 'unread-count'] as const;

/**
 * The bell in the header: an icon and the unread count only, so the shell
 * stays light; the list, its strings and the settings load with the page.
 * The count is one cheap query, asked every minute and when the window
 * regains focus.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const { data } = useQuery({
    queryKey: unreadCountKey,
    queryFn: ({ signal }) =>
      api.get<{ unread: number }>('/api/v1/notifications/unread-count', { signal }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
  const count = data?.unread ?? 0;
  return (
    <Button
      component={Link}
      to="/notifications"
      variant="subtle"
      size="xs"
      px={6}
      color={count > 0 ? 'red' : 'gray'}
      leftSection={<IconBell size={18} aria-hidden="true" />}
      data-testid="notification-bell"
    >
      {/* The name says what the number means; the number alone is for the eye. */}
      <VisuallyHidden>
        {count > 0 ? t('notificationsShell.bellUnread', { count }) : t('notificationsShell.bell')}
      </VisuallyHidden>
      {count > 0 && <span aria-hidden="true">{count > 99 ? '99+' : count}</span>}
    </Button>
  );
}
