import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconHourglass, IconRotate2, IconShieldLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Approval, User } from '../../api/types';
import { EmptyBlock, ErrorState, FormError, LoadingRows } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../lib/format';
import { approvalOf, userFactorsKey, useUserFactors } from '../auth/api';

/**
 * One user's second factors, for an administrator, and a reset for someone
 * who lost theirs. A privileged user's reset waits for a second person's
 * approval (the server answers 202 with the request).
 */
export function UserFactorsModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const format = useFormat();
  const queryClient = useQueryClient();
  const factors = useUserFactors(user.id);
  const [confirming, setConfirming] = useState(false);
  const [approval, setApproval] = useState<Approval | null>(null);

  const reset = useMutation({
    mutationFn: () =>
      api.post<unknown>(`/api/v1/users/${encodeURIComponent(user.id)}/factors/reset`),
    onSuccess: (body) => {
      setConfirming(false);
      const requested = approvalOf(body);
      if (requested) {
        setApproval(requested);
        return;
      }
      toast.success(t('authentication.userFactors.resetDone'), user.displayName);
      void queryClient.invalidateQueries({ queryKey: userFactorsKey(user.id) });
    },
  });

  const items = factors.data?.items ?? [];

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('authentication.userFactors.title', { name: user.displayName })}
      size="lg"
      radius="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        {factors.isPending ? (
          <LoadingRows rows={2} />
        ) : factors.isError ? (
          <ErrorState
            error={factors.error}
            onRetry={() => void factors.refetch()}
            retrying={factors.isFetching}
          />
        ) : items.length === 0 ? (
          <EmptyBlock
            icon={<IconShieldLock size={28} stroke={1.5} aria-hidden="true" />}
            title={t('authentication.userFactors.empty')}
          />
        ) : (
          <>
            <Table verticalSpacing="xs" aria-label={t('authentication.userFactors.listLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('authentication.columns.factor')}</Table.Th>
                  <Table.Th>{t('authentication.columns.kind')}</Table.Th>
                  <Table.Th>{t('authentication.columns.added')}</Table.Th>
                  <Table.Th>{t('authentication.columns.lastUsed')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((factor) => (
                  <Table.Tr key={factor.id}>
                    <Table.Td fz="sm">{factor.label}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={factor.kind === 'totp' ? 'indigo' : 'teal'}>
                        {t(`authentication.kinds.${factor.kind}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td fz="sm">{format.date(factor.createdAt)}</Table.Td>
                    <Table.Td fz="sm">
                      {factor.lastUsedAt
                        ? format.dateTime(factor.lastUsedAt)
                        : t('authentication.neverUsed')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {typeof factors.data.recoveryCodesLeft === 'number' && (
              <Text fz="sm" c="dimmed">
                {t('authentication.security.codesLeft', { count: factors.data.recoveryCodesLeft })}
              </Text>
            )}
          </>
        )}
        {approval && (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconHourglass size={18} aria-hidden="true" />}
            title={t('authentication.userFactors.requestedTitle')}
            data-testid="reset-requested"
          >
            <Stack gap={4}>
              <Text fz="sm">{t('authentication.userFactors.requestedBody')}</Text>
              <Anchor component={Link} to="/approvals" fz="sm">
                {t('authentication.userFactors.openApprovals')}
              </Anchor>
            </Stack>
          </Alert>
        )}
        {confirming ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} aria-hidden="true" />}
            title={t('authentication.userFactors.confirmTitle')}
          >
            <Stack gap="sm">
              <Text fz="sm">
                {t('authentication.userFactors.confirmBody', { name: user.displayName })}
              </Text>
              <FormError error={reset.error} />
              <Group justify="flex-end" gap="sm">
                <Button variant="default" size="xs" onClick={() => setConfirming(false)}>
                  {t('common.cancel')}
                </Button>
                <Button
                  color="red"
                  size="xs"
                  loading={reset.isPending}
                  onClick={() => reset.mutate()}
                >
                  {t('authentication.userFactors.reset')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : (
          <Group justify="space-between">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            {!approval && (
              <Button
                color="red"
                variant="light"
                leftSection={<IconRotate2 size={16} aria-hidden="true" />}
                onClick={() => {
                  reset.reset();
                  setConfirming(true);
                }}
              >
                {t('authentication.userFactors.reset')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
