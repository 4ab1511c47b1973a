import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconClockHour4, IconLogin2 } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { AuthLayout } from '../components/AuthLayout';
import { useSession } from '../session/useSession';
import { SsoErrorNotice, SsoLoginEntry } from './auth/SsoLoginEntry';
import { serverFieldErrors, unplacedErrors, validate, type FieldErrors } from '../lib/validation';

/** Email and password; a refusal shows the server's own words (wrong password, throttling). */
export function LoginPage() {
  const { t } = useTranslation();
  const { signIn, expired } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  // Field errors with no input here (the two inputs show their own), said without raw paths.
  const [leftover, setLeftover] = useState<string[]>([]);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const values = { email: email.trim(), password };
    const found = validate((await import('./entry-schemas')).loginRequestSchema, values);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return;
    setPending(true);
    try {
      await signIn(values.email, values.password);
    } catch (error) {
      setFailure(isApiError(error) || error instanceof Error ? error.message : String(error));
      setErrors(serverFieldErrors(error));
      setLeftover(unplacedErrors(error, ['email', 'password']));
      setPassword('');
      setPending(false);
    }
  };

  return (
    <AuthLayout title={t('auth.login.title')} description={t('auth.login.description')}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('auth.login.title')}>
        <Stack gap="md">
          <SsoErrorNotice />
          {expired && !failure && (
            <Alert
              variant="light"
              color="yellow"
              icon={<IconClockHour4 size={18} aria-hidden="true" />}
              title={t('auth.login.expired')}
            />
          )}
          {failure && (
            <Alert
              variant="light"
              color="red"
              icon={<IconAlertCircle size={18} aria-hidden="true" />}
              title={failure}
              role="alert"
              data-testid="login-error"
            >
              {leftover.length > 0 && (
                <Stack gap={2}>
                  {leftover.map((message) => (
                    <Text key={message} fz="sm">
                      {message}
                    </Text>
                  ))}
                </Stack>
              )}
            </Alert>
          )}
          <TextInput
            label={t('auth.fields.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
              setErrors(({ email: _, ...rest }) => rest);
            }}
            error={errors.email}
            required
            autoFocus
          />
          <PasswordInput
            label={t('auth.fields.password')}
            autoComplete="current-password"
            value={password}
            onChange={(event) => {
              setPassword(event.currentTarget.value);
              setErrors(({ password: _, ...rest }) => rest);
            }}
            error={errors.password}
            aria-invalid={Boolean(errors.password)}
            required
          />
          <Button
            type="submit"
            size="md"
            fullWidth
            loading={pending}
            leftSection={<IconLogin2 size={18} aria-hidden="true" />}
            mt="xs"
          >
            {t('auth.login.submit')}
          </Button>
        </Stack>
      </form>
      <Stack gap="md" mt="md">
        <SsoLoginEntry email={email.trim()} />
      </Stack>
    </AuthLayout>
  );
}
