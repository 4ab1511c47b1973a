import { Alert, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconFingerprint, IconLogout, IconShieldCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { SessionInfo } from '../../api/types';
import { AuthLayout } from '../../components/AuthLayout';
import { useSignedInSession } from '../../session/useSession';
import { passkeyErrorText, verifyPasskeySignIn } from './webauthn';

type Method = 'totp' | 'webauthn' | 'recovery';

/**
 * The second step of signing in: a code from the authenticator app, a
 * passkey, or a recovery code. The session stays at this step (the server
 * refuses everything else) until one of them succeeds.
 */
export function MfaStepPage() {
  const { t } = useTranslation();
  const { info, acceptSession, signOut } = useSignedInSession();
  const [method, setMethod] = useState<Method>('totp');
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();

  const verify = useMutation({
    mutationFn: (chosen: Method) =>
      chosen === 'webauthn'
        ? verifyPasskeySignIn()
        : api.post<SessionInfo>(`/api/v1/auth/mfa/${chosen}`, { code: code.replace(/\s/g, '') }),
    // The app opens where the person was going (the /login route of single sign-on sends home).
    onSuccess: (next) => acceptSession(next),
    onError: () => setCode(''),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = code.replace(/\s/g, '');
    const valid = method === 'totp' ? /^\d{6}$/.test(value) : value.length >= 6;
    setCodeError(
      valid
        ? undefined
        : t(
            method === 'totp'
              ? 'authentication.totp.codeInvalid'
              : 'authentication.mfa.recoveryInvalid',
          ),
    );
    if (valid) verify.mutate(method);
  };

  const failure = verify.error ? passkeyErrorText(t, verify.error) : null;

  return (
    <AuthLayout
      title={t('authentication.mfa.title')}
      description={t('authentication.mfa.description', { email: info.user.email })}
    >
      <Stack gap="md">
        <SegmentedControl
          fullWidth
          aria-label={t('authentication.mfa.methodLabel')}
          value={method}
          onChange={(value) => {
            setMethod(value as Method);
            setCode('');
            setCodeError(undefined);
            verify.reset();
          }}
          data={[
            { value: 'totp', label: t('authentication.methods.totp') },
            { value: 'webauthn', label: t('authentication.methods.webauthn') },
            { value: 'recovery', label: t('authentication.methods.recovery') },
          ]}
        />
        {failure && (
          <Alert
            variant="light"
            color="red"
            icon={<IconAlertCircle size={18} aria-hidden="true" />}
            title={failure}
            role="alert"
            data-testid="mfa-error"
          />
        )}
        {method === 'webauthn' ? (
          <Stack gap="md">
            <Text fz="sm">{t('authentication.mfa.passkeyHint')}</Text>
            <Button
              size="md"
              fullWidth
              loading={verify.isPending}
              onClick={() => verify.mutate('webauthn')}
              leftSection={<IconFingerprint size={18} aria-hidden="true" />}
            >
              {t('authentication.mfa.usePasskey')}
            </Button>
          </Stack>
        ) : (
          <form
            onSubmit={submit}
            noValidate
            aria-label={t(`authentication.methods.${method}`)}
            key={method}
          >
            <Stack gap="md">
              <TextInput
                label={t(
                  method === 'totp'
                    ? 'authentication.totp.code'
                    : 'authentication.mfa.recoveryCode',
                )}
                description={t(
                  method === 'totp'
                    ? 'authentication.mfa.totpHint'
                    : 'authentication.mfa.recoveryHint',
                )}
                value={code}
                onChange={(event) => {
                  setCode(event.currentTarget.value);
                  setCodeError(undefined);
                }}
                error={codeError}
                {...(method === 'totp'
                  ? { inputMode: 'numeric' as const, autoComplete: 'one-time-code', maxLength: 7 }
                  : { autoComplete: 'off', spellCheck: false })}
                required
                autoFocus
              />
              <Button
                type="submit"
                size="md"
                fullWidth
                loading={verify.isPending}
                leftSection={<IconShieldCheck size={18} aria-hidden="true" />}
              >
                {t('authentication.mfa.verify')}
              </Button>
            </Stack>
          </form>
        )}
        <Group justify="center">
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconLogout size={16} aria-hidden="true" />}
            onClick={() => void signOut()}
          >
            {t('authentication.mfa.otherAccount')}
          </Button>
        </Group>
      </Stack>
    </AuthLayout>
  );
}
