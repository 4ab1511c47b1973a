import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { useSignedInSession } from '../../session/useSession';
import { useMarkRead, useNotifications, type Notification } from './api';
import { notificationMessage } from './message';
import { PreferencesSection } from './PreferencesSection';

/** The notification centre: the signed-in person's notifications, newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { can } = useSignedInSession();
  const [filter, setFilter] = useState<'unread' | 'all'>('unread');
  const list = useNotifications(filter === 'unread');
  const mark = useMarkRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.intro')}
        icon={<IconBell size={28} aria-hidden="true" />}
        actions={
          can('notifications:manage') ? (
            <Anchor component={Link} to="/admin/notifications">
              {t('notifications.settingsLink')}
            </Anchor>
          ) : undefined
        }
      />
      <Group justify="space-between">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as 'unread' | 'all')}
          data={[
            { value: 'unread', label: t('notifications.unreadOnly') },
            { value: 'all', label: t('notifications.all') },
          ]}
        />
        <Button
          variant="light"
          leftSection={<IconChecks size={16} aria-hidden="true" />}
          loading={mark.isPending && mark.variables === 'all'}
          onClick={() => mark.mutate('all')}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock icon={<IconBell aria-hidden="true" />} title={t('notifications.empty')} />
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((n) => (
            <NotificationRow key={n.id} n={n} onRead={() => mark.mutate(n.id)} />
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Button variant="subtle" onClick={() => void list.fetchNextPage()}>
          {t('notifications.loadMore')}
        </Button>
      )}
      <PreferencesSection />
    </Stack>
  );
}

function NotificationRow({ n, onRead }: { n: Notification; onRead: () => void }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const { approvalTypeLabel, language } = useLabels();
  const message = notificationMessage(
    t,
    n,
    approvalTypeLabel(String(n.params.approvalType)),
    language,
  );
  return (
    <Card component="li" withBorder padding="sm" data-testid="notification">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            {!n.readAt && (
              <Badge color="red" variant="light" size="sm">
                {t('notifications.unread')}
              </Badge>
            )}
            <Anchor
              component={Link}
              to={n.href}
              onClick={() => !n.readAt && onRead()}
              fw={n.readAt ? 400 : 600}
            >
              {message}
            </Anchor>
          </Group>
          <Text size="xs" c="dimmed">
            {dateTime(n.createdAt)} · {t(`notifications.emailStatus.${n.emailStatus}`)}
          </Text>
        </Stack>
        {!n.readAt && (
          <Button variant="subtle" size="xs" onClick={onRead}>
            {t('notifications.markRead')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
