import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowRight, IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import type { SsoDiscoverResponse } from '@mamoru/contracts';
import { api } from '../../api/client';
import { FormError } from '../../components/QueryStates';

type Provider = SsoDiscoverResponse['providers'][number];

/** Leaving the app for the identity provider; an object so tests can watch it. */
export const ssoNavigation = {
  go(url: string) {
    window.location.assign(url);
  },
};

/** Where to come back to: the page the person asked for, never the log-in address itself. */
function returnPath(pathname: string, search: string) {
  if (pathname === '/login' || pathname.startsWith('/login/')) return '/';
  return `${pathname}${search}`;
}

/** The server's start route: it sends the browser on to the IdP (OIDC or SAML). */
export function ssoStartUrl(providerId: string, returnTo: string) {
  return `/api/v1/auth/sso/${encodeURIComponent(providerId)}/start?returnTo=${encodeURIComponent(returnTo)}`;
}

/**
 * The email step of single sign-on: the domain names the organization's
 * identity provider (`POST /auth/sso/discover`); one provider is opened at
 * once, several are offered by name. An address without one is told so
 * (the server answers the same for unknown domains).
 */
export function SsoPanel({ initialEmail }: { initialEmail: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [email, setEmail] = useState(initialEmail);
  const [invalid, setInvalid] = useState(false);
  const [providers, setProviders] = useState<Provider[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const returnTo = returnPath(location.pathname, location.search);

  const go = (provider: Provider) => {
    setPending(true);
    ssoNavigation.go(ssoStartUrl(provider.id, returnTo));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const value = email.trim();
    const valid = /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
    setInvalid(!valid);
    setError(null);
    setProviders(null);
    if (!valid) return;
    setPending(true);
    try {
      const found = await api.post<SsoDiscoverResponse>('/api/v1/auth/sso/discover', {
        email: value,
      });
      setProviders(found.providers);
      if (found.providers.length === 1) return go(found.providers[0]!);
    } catch (failure) {
      setError(failure);
    }
    setPending(false);
  };

  return (
    <form
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={t('sso.login.title')}
      data-testid="sso-panel"
    >
      <Stack gap="sm">
        <Text fz="sm" c="dimmed">
          {t('sso.login.intro')}
        </Text>
        <FormError error={error} />
        <TextInput
          label={t('sso.login.email')}
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            setInvalid(false);
          }}
          error={invalid ? t('validation.email') : undefined}
          required
          data-autofocus
        />
        {providers?.length === 0 && (
          <Alert
            variant="light"
            color="gray"
            icon={<IconInfoCircle size={18} aria-hidden="true" />}
            role="status"
          >
            {t('sso.login.none')}
          </Alert>
        )}
        {providers && providers.length > 1 ? (
          <Stack gap="xs" role="group" aria-label={t('sso.login.choose')}>
            <Text fz="sm" fw={500}>
              {t('sso.login.choose')}
            </Text>
            {providers.map((provider) => (
              <Button
                key={provider.id}
                variant="light"
                fullWidth
                onClick={() => go(provider)}
                rightSection={<IconArrowRight size={16} aria-hidden="true" />}
              >
                {t('sso.login.with', { name: provider.name })}
              </Button>
            ))}
          </Stack>
        ) : (
          <Button
            type="submit"
            variant="light"
            fullWidth
            loading={pending}
            rightSection={<IconArrowRight size={16} aria-hidden="true" />}
          >
            {t('sso.login.continue')}
          </Button>
        )}
      </Stack>
    </form>
  );
}
