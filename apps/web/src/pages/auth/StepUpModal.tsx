import {
  Alert,
  Button,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertCircle, IconFingerprint, IconShieldCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { LoadingRows } from '../../components/QueryStates';
import { sessionQueryKey } from '../../session/SessionProvider';
import { useSession } from '../../session/useSession';
import { authOf, useMyFactors } from './api';
import { passkeyErrorText, stepUpWithPasskey } from './webauthn';

type Method = 'totp' | 'webauthn' | 'recovery' | 'password';

/** What the person can confirm with: their factors, else their password. */
function methodsOf(kinds: ReadonlySet<string>): Method[] {
  if (kinds.size === 0) return ['password'];
  const methods: Method[] = [];
  if (kinds.has('totp')) methods.push('totp');
  if (kinds.has('webauthn')) methods.push('webauthn');
  methods.push('recovery');
  return methods;
}

const bodyOf: Record<Exclude<Method, 'webauthn'>, (value: string) => Record<string, string>> = {
  totp: (value) => ({ totpCode: value.replace(/\s/g, '') }),
  recovery: (value) => ({ recoveryCode: value.trim() }),
  password: (value) => ({ password: value }),
};

/**
 * Asks the signed-in person to confirm who they are before a sensitive action
 * (roles, tokens, policies, factors); the action is then sent again.
 */
export function StepUpModal({ onDone }: { onDone: (done: boolean) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { info } = useSession();
  const factors = useMyFactors();
  const kinds = new Set((factors.data?.items ?? []).map((factor) => factor.kind));
  // Without the list (an error), the password is the one thing left to offer.
  const methods = factors.isPending ? [] : methodsOf(kinds);
  const [chosen, setChosen] = useState<Method | null>(null);
  const method = chosen && methods.includes(chosen) ? chosen : (methods[0] ?? null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const minutes = authOf(info)?.stepUpMinutes;

  const confirm = useMutation({
    mutationFn: async (how: Method) => {
      if (how === 'webauthn') return stepUpWithPasskey();
      await api.post('/api/v1/auth/step-up', bodyOf[how](value), { noStepUp: true });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
      onDone(true);
    },
    onError: () => setValue(''),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!method || method === 'webauthn') return;
    if (!value.trim()) {
      setError(t('authentication.stepUp.required'));
      return;
    }
    setError(undefined);
    confirm.mutate(method);
  };

  return (
    <Modal
      opened
      onClose={() => onDone(false)}
      title={t('authentication.stepUp.title')}
      centered
      radius="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        <Text fz="sm">
          {minutes
            ? t('authentication.stepUp.description', { count: minutes })
            : t('authentication.stepUp.descriptionPlain')}
        </Text>
        {factors.isPending || !method ? (
          <LoadingRows rows={2} />
        ) : (
          <>
            {methods.length > 1 && (
              <SegmentedControl
                fullWidth
                aria-label={t('authentication.mfa.methodLabel')}
                value={method}
                onChange={(next) => {
                  setChosen(next as Method);
                  setValue('');
                  setError(undefined);
                  confirm.reset();
                }}
                data={methods.map((one) => ({
                  value: one,
                  label: t(`authentication.methods.${one}`),
                }))}
              />
            )}
            {kinds.size === 0 && authOf(info)?.method !== 'password' && (
              // Signed in through the identity provider: a Mamoru password may not exist.
              <Alert variant="light" color="blue" title={t('authentication.stepUp.ssoTitle')}>
                <Text fz="sm">{t('authentication.stepUp.ssoHint')}</Text>
              </Alert>
            )}
            {confirm.error && (
              <Alert
                variant="light"
                color="red"
                role="alert"
                icon={<IconAlertCircle size={18} aria-hidden="true" />}
                title={passkeyErrorText(t, confirm.error)}
              />
            )}
            {method === 'webauthn' ? (
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => onDone(false)}>
                  {t('common.cancel')}
                </Button>
                <Button
                  loading={confirm.isPending}
                  onClick={() => confirm.mutate('webauthn')}
                  leftSection={<IconFingerprint size={18} aria-hidden="true" />}
                  data-autofocus
                >
                  {t('authentication.mfa.usePasskey')}
                </Button>
              </Group>
            ) : (
              <form onSubmit={submit} noValidate key={method}>
                <Stack gap="md">
                  {method === 'password' ? (
                    <PasswordInput
                      label={t('authentication.stepUp.password')}
                      autoComplete="current-password"
                      value={value}
                      onChange={(event) => setValue(event.currentTarget.value)}
                      error={error}
                      required
                      data-autofocus
                    />
                  ) : (
                    <TextInput
                      label={t(
                        method === 'totp'
                          ? 'authentication.totp.code'
                          : 'authentication.mfa.recoveryCode',
                      )}
                      value={value}
                      onChange={(event) => setValue(event.currentTarget.value)}
                      error={error}
                      autoComplete={method === 'totp' ? 'one-time-code' : 'off'}
                      inputMode={method === 'totp' ? 'numeric' : 'text'}
                      required
                      data-autofocus
                    />
                  )}
                  <Group justify="flex-end" gap="sm">
                    <Button variant="default" onClick={() => onDone(false)}>
                      {t('common.cancel')}
                    </Button>
                    <Button
                      type="submit"
                      loading={confirm.isPending}
                      leftSection={<IconShieldCheck size={18} aria-hidden="true" />}
                    >
                      {t('authentication.stepUp.confirm')}
                    </Button>
                  </Group>
                </Stack>
              </form>
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}
