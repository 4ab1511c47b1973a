import { ActionIcon, Tooltip } from '@mantine/core';
import { IconLogout2 } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client';
import type { User } from '../../api/types';
import { ConfirmModal } from '../../components/ConfirmModal';
import { useToast } from '../../components/Toasts';

/** Signs a user out everywhere (DELETE /users/:id/sessions), e.g. after a lost laptop. */
export function EndSessionsButton({ user }: { user: User }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [opened, setOpened] = useState(false);
  const end = useMutation({
    mutationFn: () => api.delete(`/api/v1/users/${user.id}/sessions`),
    onSuccess: () => {
      setOpened(false);
      toast.success(t('users.endSessions.done', { name: user.displayName }));
    },
  });
  return (
    <>
      <Tooltip label={t('users.endSessions.action')}>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('users.endSessions.actionNamed', { name: user.displayName })}
          onClick={() => {
            end.reset();
            setOpened(true);
          }}
        >
          <IconLogout2 size={16} aria-hidden="true" />
        </ActionIcon>
      </Tooltip>
      <ConfirmModal
        opened={opened}
        onClose={() => setOpened(false)}
        onConfirm={() => end.mutate()}
        title={t('users.endSessions.title')}
        message={t('users.endSessions.message', { name: user.displayName })}
        confirmLabel={t('users.endSessions.confirm')}
        danger
        pending={end.isPending}
        error={end.error ? (isApiError(end.error) ? end.error.message : String(end.error)) : null}
      />
    </>
  );
}
