import { Button, Center, EmptyState, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconCloudOff, IconRefresh } from '@tabler/icons-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { AppLayout } from '../components/AppLayout';
import { LoginPage } from '../pages/LoginPage';
import { SetupPage } from '../pages/SetupPage';
import { useSession } from './useSession';

// The steps after the password are not every visit's: loaded when a session reaches one,
// so the log-in page stays within its download budget (e2e/tests/delivery.test.ts).
// Likewise the forced password change, whose form checks with the contract's zod schema.
const PasswordChangeRequiredPage = lazy(() =>
  import('../pages/PasswordChangeRequiredPage').then((m) => ({
    default: m.PasswordChangeRequiredPage,
  })),
);
const SignInSteps = lazy(() =>
  import('../pages/auth/screens').then((m) => ({ default: m.SignInSteps })),
);

function SessionLoading() {
  const { t } = useTranslation();
  return (
    <Center h="100vh" role="status" aria-live="polite">
      <Stack align="center" gap="sm">
        <Loader size="lg" aria-hidden="true" />
        <Text c="dimmed">{t('session.loading')}</Text>
      </Stack>
    </Center>
  );
}

function SessionError() {
  const { t } = useTranslation();
  const { error, retry } = useSession();
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder radius="lg" p={{ base: 'lg', sm: 48 }} maw={640} role="alert">
        <EmptyState variant="light" color="red" size="lg">
          <EmptyState.Indicator>
            <IconCloudOff size={36} stroke={1.5} aria-hidden="true" />
          </EmptyState.Indicator>
          <EmptyState.Title order={1}>{t('session.loadError')}</EmptyState.Title>
          <EmptyState.Description>
            {isApiError(error) ? error.message : t('api.networkError')}
          </EmptyState.Description>
          <EmptyState.Actions>
            <Button leftSection={<IconRefresh size={16} aria-hidden="true" />} onClick={retry}>
              {t('common.retry')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    </Center>
  );
}

/**
 * The root of the app: first-run set-up, the log-in page, or the signed-in
 * shell with the page (children, else the route's outlet). The address stays
 * as it is, so a deep link opens after signing in.
 */
export function SessionGate({ children }: { children?: ReactNode }) {
  const { status, info } = useSession();
  switch (status) {
    case 'loading':
      return <SessionLoading />;
    case 'error':
      return <SessionError />;
    case 'setup':
      return <SetupPage />;
    case 'signedOut':
      return <LoginPage />;
    case 'signedIn': {
      // Signed in with the first factor only: the second step, or setting one up.
      const stage = info?.auth.stage;
      if (stage === 'mfa' || stage === 'mfa_enrol')
        return (
          <Suspense fallback={<SessionLoading />}>
            <SignInSteps stage={stage} />
          </Suspense>
        );
      // An administrator-set password is replaced before the app opens.
      if (info?.user.passwordChangeRequired)
        return (
          <Suspense fallback={<SessionLoading />}>
            <PasswordChangeRequiredPage />
          </Suspense>
        );
      return <AppLayout>{children}</AppLayout>;
    }
  }
}
