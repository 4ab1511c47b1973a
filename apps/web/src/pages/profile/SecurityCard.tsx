import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconDeviceMobile,
  IconFingerprint,
  IconLifebuoy,
  IconShieldLock,
  IconTrash,
} from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../lib/format';
import { useSignedInSession } from '../../session/useSession';
import { myFactorsKey, useMyFactors, type Factor, type FactorKind } from '../auth/api';
import { RecoveryCodes } from '../auth/RecoveryCodes';
import { SecurityAddFactorModal } from './SecurityAddFactorModal';

function errorText(error: unknown) {
  return error instanceof Error ? error.message : error ? String(error) : null;
}

/**
 * The user's second factors: authenticator apps and passkeys, with when each
 * was last used; recovery codes left. Removing a factor and new recovery codes
 * ask for a fresh confirmation (step-up), which the API client prompts for.
 */
export function SecurityCard() {
  const { t } = useTranslation();
  const toast = useToast();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { info } = useSignedInSession();
  const factors = useMyFactors();
  const [adding, setAdding] = useState<FactorKind | null>(null);
  const [removing, setRemoving] = useState<Factor | null>(null);
  const [renewing, setRenewing] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);

  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/me/factors/${encodeURIComponent(id)}`),
    onSuccess: () => {
      toast.success(t('authentication.security.removed'), removing?.label);
      setRemoving(null);
      void queryClient.invalidateQueries({ queryKey: myFactorsKey });
    },
  });
  const renew = useMutation({
    mutationFn: () => api.post<{ codes: string[] }>('/api/v1/me/recovery-codes'),
    onSuccess: (result) => {
      setRenewing(false);
      setCodes(result.codes);
      void queryClient.invalidateQueries({ queryKey: myFactorsKey });
    },
  });

  const items = factors.data?.items ?? [];
  const left = factors.data?.recoveryCodesLeft ?? 0;

  return (
    <SectionCard
      id="profile-security"
      title={t('authentication.security.title')}
      description={t('authentication.security.description')}
      actions={
        <Group gap="xs">
          <Button
            variant="light"
            leftSection={<IconDeviceMobile size={16} aria-hidden="true" />}
            onClick={() => setAdding('totp')}
          >
            {t('authentication.security.addTotp')}
          </Button>
          <Button
            variant="light"
            leftSection={<IconFingerprint size={16} aria-hidden="true" />}
            onClick={() => setAdding('webauthn')}
          >
            {t('authentication.security.addPasskey')}
          </Button>
        </Group>
      }
      flush
    >
      <Stack px="lg" pb="lg" gap="md">
        {factors.isPending ? (
          <LoadingRows rows={2} />
        ) : factors.isError ? (
          <ErrorState
            error={factors.error}
            onRetry={() => void factors.refetch()}
            retrying={factors.isFetching}
          />
        ) : (
          <>
            {factors.data.mfaRequired && items.length === 0 && (
              <Alert
                color="yellow"
                variant="light"
                icon={<IconAlertTriangle size={18} aria-hidden="true" />}
                title={t('authentication.security.requiredTitle')}
              >
                {t('authentication.security.requiredBody')}
              </Alert>
            )}
            {items.length === 0 ? (
              <EmptyBlock
                icon={<IconShieldLock size={28} stroke={1.5} aria-hidden="true" />}
                title={t('authentication.security.empty')}
                description={t('authentication.security.emptyHint')}
              />
            ) : (
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="sm" aria-label={t('authentication.security.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('authentication.columns.factor')}</Table.Th>
                      <Table.Th>{t('authentication.columns.kind')}</Table.Th>
                      <Table.Th>{t('authentication.columns.added')}</Table.Th>
                      <Table.Th>{t('authentication.columns.lastUsed')}</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((factor) => (
                      <Table.Tr key={factor.id}>
                        <Table.Td fz="sm" fw={500}>
                          {factor.label}
                        </Table.Td>
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
                        <Table.Td ta="right">
                          <Tooltip label={t('authentication.security.remove')}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('authentication.security.removeNamed', {
                                name: factor.label,
                              })}
                              onClick={() => {
                                remove.reset();
                                setRemoving(factor);
                              }}
                            >
                              <IconTrash size={16} aria-hidden="true" />
                            </ActionIcon>
                          </Tooltip>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {items.length > 0 && (
              <Group justify="space-between" gap="sm">
                <Group gap="xs">
                  <IconLifebuoy size={18} aria-hidden="true" />
                  <Text fz="sm" c={left <= 2 ? 'orange.8' : undefined} data-testid="codes-left">
                    {t('authentication.security.codesLeft', { count: left })}
                  </Text>
                </Group>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => {
                    renew.reset();
                    setRenewing(true);
                  }}
                >
                  {t('authentication.security.renewCodes')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
      {adding && <SecurityAddFactorModal kind={adding} onClose={() => setAdding(null)} />}
      <ConfirmModal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('authentication.security.removeTitle')}
        message={t('authentication.security.removeMessage', { name: removing?.label ?? '' })}
        confirmLabel={t('authentication.security.remove')}
        danger
        pending={remove.isPending}
        error={errorText(remove.error)}
        onConfirm={() => removing && remove.mutate(removing.id)}
      />
      <ConfirmModal
        opened={renewing}
        onClose={() => setRenewing(false)}
        title={t('authentication.security.renewTitle')}
        message={t('authentication.security.renewMessage')}
        confirmLabel={t('authentication.security.renewCodes')}
        pending={renew.isPending}
        error={errorText(renew.error)}
        onConfirm={() => renew.mutate()}
      />
      <Modal
        opened={codes !== null}
        onClose={() => setCodes(null)}
        title={t('authentication.recovery.title')}
        size="lg"
        radius="lg"
        centered
        closeOnClickOutside={false}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {codes && (
          <RecoveryCodes
            codes={codes}
            account={`${info.user.email} (${info.organization.name})`}
            doneLabel={t('common.close')}
            onDone={() => setCodes(null)}
          />
        )}
      </Modal>
    </SectionCard>
  );
}
