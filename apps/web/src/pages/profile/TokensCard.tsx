import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconKey, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client';
import { tokensKey, useTokens } from '../../api/identity';
import type { ApiToken } from '../../api/types';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import { CreateTokenModal } from './CreateTokenModal';

type TokenState = 'active' | 'revoked' | 'expired';

function stateOf(token: ApiToken, now = Date.now()): TokenState {
  if (token.revokedAt) return 'revoked';
  if (new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

const stateColor: Record<TokenState, string> = {
  active: 'teal',
  revoked: 'gray',
  expired: 'orange',
};

/** Personal API tokens for automation: a subset of the user's permissions, a lifetime, revocable. */
export function TokensCard() {
  const { t } = useTranslation();
  const toast = useToast();
  const format = useFormat();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const tokens = useTokens();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const revoke = useMutation({
    mutationFn: (id: string) => api.delete<ApiToken>(`/api/v1/tokens/${id}`),
    onSuccess: () => {
      setRevoking(null);
      toast.success(t('profile.tokens.revoked'));
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });

  const items = [...(tokens.data?.items ?? [])].sort((a, b) => {
    const rank = (token: ApiToken) => (stateOf(token) === 'active' ? 0 : 1);
    return rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt);
  });

  return (
    <SectionCard
      id="profile-tokens"
      title={t('profile.tokens.title')}
      description={t('profile.tokens.description')}
      actions={
        <Button
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          onClick={() => setCreating(true)}
          variant="light"
        >
          {t('profile.tokens.create')}
        </Button>
      }
      flush
    >
      <Stack px="lg" pb="lg" gap="md">
        {tokens.isPending ? (
          <LoadingRows rows={2} />
        ) : tokens.isError ? (
          <ErrorState
            error={tokens.error}
            onRetry={() => void tokens.refetch()}
            retrying={tokens.isFetching}
          />
        ) : items.length === 0 ? (
          <EmptyBlock
            icon={<IconKey size={28} stroke={1.5} aria-hidden="true" />}
            title={t('profile.tokens.empty')}
            description={t('profile.tokens.emptyHint')}
          />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('profile.tokens.name')}</Table.Th>
                  <Table.Th>{t('profile.tokens.permissions')}</Table.Th>
                  <Table.Th>{t('profile.tokens.expires')}</Table.Th>
                  <Table.Th>{t('profile.tokens.lastUsed')}</Table.Th>
                  <Table.Th>{t('profile.tokens.status')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((token) => {
                  const state = stateOf(token);
                  return (
                    <Table.Tr key={token.id} opacity={state === 'active' ? 1 : 0.7}>
                      <Table.Td>
                        <Stack gap={2}>
                          <Text fz="sm" fw={500}>
                            {token.name}
                          </Text>
                          <Text fz="xs" c="dimmed" ff="monospace">
                            {token.prefix}…
                          </Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td maw={320}>
                        <Group gap={4}>
                          {token.permissions.map((permission) => (
                            <Tooltip key={permission} label={permission}>
                              <Badge variant="default" size="sm" radius="sm" tt="none" fw={500}>
                                {labels.permissionLabel(permission)}
                              </Badge>
                            </Tooltip>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td fz="sm">{format.date(token.expiresAt)}</Table.Td>
                      <Table.Td fz="sm">
                        {token.lastUsedAt
                          ? format.dateTime(token.lastUsedAt)
                          : t('profile.tokens.neverUsed')}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={stateColor[state]} size="sm">
                          {t(`profile.tokens.states.${state}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="right">
                        {state === 'active' && (
                          <Tooltip label={t('profile.tokens.revoke')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('profile.tokens.revokeNamed', { name: token.name })}
                              onClick={() => {
                                revoke.reset();
                                setRevoking(token);
                              }}
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
      <CreateTokenModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmModal
        opened={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('profile.tokens.revokeTitle')}
        message={t('profile.tokens.revokeMessage', { name: revoking?.name ?? '' })}
        confirmLabel={t('profile.tokens.revoke')}
        danger
        pending={revoke.isPending}
        error={
          revoke.error && isApiError(revoke.error)
            ? revoke.error.message
            : revoke.error
              ? String(revoke.error)
              : null
        }
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
      />
    </SectionCard>
  );
}
