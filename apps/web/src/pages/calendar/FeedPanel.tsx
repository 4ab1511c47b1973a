import { Alert, Button, Code, CopyButton, Group, List, Stack, Text } from '@mantine/core';
import { IconCopy, IconRefresh, IconRss, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { useSignedInSession } from '../../session/useSession';
import { useFeed, useRevokeFeed, useRotateFeed } from './api';

/**
 * The user's iCalendar subscription: the secret address shown once when made
 * (with a copy button), a new address on demand, stopping it, and how to add
 * it to Outlook, Google Calendar or Apple Calendar.
 */
export function FeedPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const { info } = useSignedInSession();
  const readOnly =
    info.user.roles.length > 0 && info.user.roles.every((r) => r === 'external_auditor');
  const feed = useFeed(!readOnly);
  const rotate = useRotateFeed();
  const revoke = useRevokeFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [replaced, setReplaced] = useState(false);
  const active = feed.data?.active ?? false;

  const issue = () => {
    const wasActive = active;
    rotate.mutate(undefined, {
      onSuccess: (made) => {
        setUrl(made.path ? `${window.location.origin}${made.path}` : null);
        setReplaced(wasActive);
      },
    });
  };

  return (
    <SectionCard
      id="calendar-feed"
      title={t('calendar.feed.title')}
      description={t('calendar.feed.description')}
    >
      <Stack gap="sm" px="lg" pb="lg">
        {readOnly ? (
          <Text fz="sm">{t('calendar.feed.readOnly')}</Text>
        ) : feed.isPending ? (
          <LoadingRows rows={1} />
        ) : feed.isError ? (
          <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
        ) : (
          <>
            <Text fz="sm">{active ? t('calendar.feed.active') : t('calendar.feed.inactive')}</Text>
            {active && (
              <Text fz="xs" c="dimmed">
                {feed.data.lastFetchedAt
                  ? t('calendar.feed.lastFetched', {
                      when: format.dateTime(feed.data.lastFetchedAt),
                    })
                  : t('calendar.feed.never')}
              </Text>
            )}
            {url && (
              <Alert color="yellow" variant="light" title={t('calendar.feed.urlLabel')}>
                <Stack gap="xs">
                  <Code block aria-label={t('calendar.feed.urlLabel')}>
                    {url}
                  </Code>
                  <Group gap="xs">
                    <CopyButton value={url}>
                      {({ copied, copy }) => (
                        <Button
                          size="xs"
                          leftSection={<IconCopy size={14} aria-hidden="true" />}
                          onClick={copy}
                        >
                          {copied ? t('common.copied') : t('common.copy')}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                  <Text fz="xs">{t('calendar.feed.shownOnce')}</Text>
                  {replaced && <Text fz="xs">{t('calendar.feed.rotated')}</Text>}
                </Stack>
              </Alert>
            )}
            {revoke.isSuccess && !active && <Text fz="sm">{t('calendar.feed.revoked')}</Text>}
            <Group gap="sm">
              <Button
                size="sm"
                variant={active ? 'default' : 'filled'}
                leftSection={
                  active ? (
                    <IconRefresh size={16} aria-hidden="true" />
                  ) : (
                    <IconRss size={16} aria-hidden="true" />
                  )
                }
                loading={rotate.isPending}
                onClick={issue}
              >
                {active ? t('calendar.feed.rotate') : t('calendar.feed.create')}
              </Button>
              {active && (
                <Button
                  size="sm"
                  variant="subtle"
                  color="red"
                  leftSection={<IconX size={16} aria-hidden="true" />}
                  onClick={() => setConfirming(true)}
                >
                  {t('calendar.feed.revoke')}
                </Button>
              )}
            </Group>
            {rotate.isError && <ErrorState error={rotate.error} />}
            <List size="xs" spacing={2}>
              <List.Item>{t('calendar.feed.outlook')}</List.Item>
              <List.Item>{t('calendar.feed.google')}</List.Item>
              <List.Item>{t('calendar.feed.apple')}</List.Item>
            </List>
          </>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          revoke.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              setUrl(null);
            },
          })
        }
        title={t('calendar.feed.revoke')}
        message={t('calendar.feed.revokeConfirm')}
        confirmLabel={t('calendar.feed.revoke')}
        danger
        pending={revoke.isPending}
      />
    </SectionCard>
  );
}
