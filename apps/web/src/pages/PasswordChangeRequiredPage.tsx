import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconInfoCircle, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../components/AuthLayout';
import { PasswordChangeForm } from '../components/PasswordChangeForm';
import { useToast } from '../components/Toasts';
import { useSignedInSession } from '../session/useSession';

/**
 * Shown instead of the app while the user's password is one an administrator
 * set: the server refuses everything else until it is replaced.
 */
export function PasswordChangeRequiredPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const { info, updateUser, signOut } = useSignedInSession();
  return (
    <AuthLayout
      title={t('auth.passwordChange.title')}
      description={t('auth.passwordChange.description', { name: info.user.displayName })}
    >
      <Stack gap="md">
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} aria-hidden="true" />}>
          {t('auth.passwordChange.why')}
        </Alert>
        <PasswordChangeForm
          id="first-password"
          onChanged={() => {
            toast.success(t('profile.password.changed'));
            updateUser({ ...info.user, passwordChangeRequired: false });
          }}
        />
        <Group justify="center">
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconLogout size={16} aria-hidden="true" />}
            onClick={() => void signOut()}
          >
            {t('auth.passwordChange.signOut')}
          </Button>
        </Group>
      </Stack>
    </AuthLayout>
  );
}
