import { Alert, Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { IconInfoCircle, IconLogout } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../components/AuthLayout';
import { sessionQueryKey } from '../../session/SessionProvider';
import { useSignedInSession } from '../../session/useSession';
import type { FactorAdded } from './api';
import { PasskeyEnrolment } from './PasskeyEnrolment';
import { RecoveryCodes } from './RecoveryCodes';
import { TotpEnrolment } from './TotpEnrolment';

/**
 * Shown instead of the app when the organization requires a second factor and
 * the user has none: set one up (authenticator app or passkey), keep the
 * recovery codes, then the app opens.
 */
export function MfaEnrolmentPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { info, signOut } = useSignedInSession();
  const [method, setMethod] = useState<'totp' | 'webauthn'>('totp');
  const [codes, setCodes] = useState<string[] | null>(null);

  // The server completed the session when the factor was confirmed; reading it opens the app.
  const finish = () => void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
  const added = (result: FactorAdded) => {
    if (result.recoveryCodes?.length) setCodes(result.recoveryCodes);
    else finish();
  };

  return (
    <AuthLayout
      width={560}
      title={codes ? t('authentication.recovery.title') : t('authentication.enrol.title')}
      description={
        codes
          ? t('authentication.recovery.description')
          : t('authentication.enrol.description', { organization: info.organization.name })
      }
    >
      {codes ? (
        <RecoveryCodes
          codes={codes}
          account={`${info.user.email} (${info.organization.name})`}
          doneLabel={t('authentication.enrol.continue')}
          onDone={finish}
        />
      ) : (
        <Stack gap="md">
          <Alert
            color="blue"
            variant="light"
            icon={<IconInfoCircle size={18} aria-hidden="true" />}
          >
            {t('authentication.enrol.why')}
          </Alert>
          <SegmentedControl
            fullWidth
            aria-label={t('authentication.enrol.methodLabel')}
            value={method}
            onChange={(value) => setMethod(value as 'totp' | 'webauthn')}
            data={[
              { value: 'totp', label: t('authentication.methods.totp') },
              { value: 'webauthn', label: t('authentication.methods.webauthn') },
            ]}
          />
          {method === 'totp' ? (
            <TotpEnrolment onAdded={added} />
          ) : (
            <PasskeyEnrolment onAdded={added} />
          )}
          <Group justify="center">
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconLogout size={16} aria-hidden="true" />}
              onClick={() => void signOut()}
            >
              {t('authentication.enrol.signOut')}
            </Button>
          </Group>
        </Stack>
      )}
    </AuthLayout>
  );
}
