import {
  ActionIcon,
  Badge,
  Group,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconDeviceDesktop, IconDevices, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client';
import { mySessionsKey, useMySessions } from '../../api/identity';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../lib/format';
import { describeUserAgent } from '../../lib/userAgent';

/** Where the user is signed in; any other session can be ended from here. */
export function SessionsCard() {
  const { t } = useTranslation();
  const toast = useToast();
  const format = useFormat();
  const queryClient = useQueryClient();
  const sessions = useMySessions();

  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/me/sessions/${id}`),
    onSuccess: () => {
      toast.success(t('profile.sessions.revoked'));
      void queryClient.invalidateQueries({ queryKey: mySessionsKey });
    },
    onError: (error) =>
      toast.error(
        t('profile.sessions.revokeFailed'),
        isApiError(error) ? error.message : undefined,
      ),
  });

  const items = [...(sessions.data?.items ?? [])].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );

  return (
    <SectionCard
      id="profile-sessions"
      title={t('profile.sessions.title')}
      description={t('profile.sessions.description')}
      flush
    >
      <Stack px="lg" pb="lg" gap="md">
        {sessions.isPending ? (
          <LoadingRows rows={2} />
        ) : sessions.isError ? (
          <ErrorState
            error={sessions.error}
            onRetry={() => void sessions.refetch()}
            retrying={sessions.isFetching}
          />
        ) : items.length === 0 ? (
          <EmptyBlock
            icon={<IconDevices size={28} stroke={1.5} aria-hidden="true" />}
            title={t('profile.sessions.empty')}
          />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('profile.sessions.device')}</Table.Th>
                  <Table.Th>{t('profile.sessions.address')}</Table.Th>
                  <Table.Th>{t('profile.sessions.signedIn')}</Table.Th>
                  <Table.Th>{t('profile.sessions.lastActive')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((session) => {
                  const agent = describeUserAgent(session.userAgent);
                  const device = agent
                    ? agent.os
                      ? t('profile.sessions.browserOn', { browser: agent.browser, os: agent.os })
                      : agent.browser
                    : t('profile.sessions.unknownDevice');
                  return (
                    <Table.Tr key={session.id} data-current={session.current || undefined}>
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <ThemeIcon
                            variant="light"
                            color="gray"
                            size={32}
                            radius="md"
                            aria-hidden="true"
                          >
                            <IconDeviceDesktop size={18} stroke={1.6} />
                          </ThemeIcon>
                          <Stack gap={0}>
                            <Group gap={6}>
                              <Text fz="sm" fw={500}>
                                {device}
                              </Text>
                              {session.current && (
                                <Badge size="sm" color="teal" variant="light">
                                  {t('profile.sessions.current')}
                                </Badge>
                              )}
                            </Group>
                            <Text fz="xs" c="dimmed">
                              {t('profile.sessions.expires', {
                                date: format.dateTime(session.expiresAt),
                              })}
                            </Text>
                          </Stack>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm" ff="monospace">
                          {session.ipAddress ?? '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td fz="sm">{format.dateTime(session.createdAt)}</Table.Td>
                      <Table.Td fz="sm">{format.dateTime(session.lastSeenAt)}</Table.Td>
                      <Table.Td ta="right">
                        {!session.current && (
                          <Tooltip label={t('profile.sessions.revoke')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('profile.sessions.revokeNamed', { device })}
                              loading={revoke.isPending && revoke.variables === session.id}
                              onClick={() => revoke.mutate(session.id)}
                            >
                              <IconTrash size={16} aria-hidden="true" />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </SectionCard>
  );
}
