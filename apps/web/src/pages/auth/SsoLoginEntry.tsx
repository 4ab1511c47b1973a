import { Button, Divider, Loader } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AreaStrings } from '../../i18n/lazy-areas';

// The log-in page is in the first visit's download budget (e2e/tests/delivery.test.ts):
// only this button is there (no icon of its own); the form and the error wording load when needed.
const SsoPanel = lazy(() => import('./SsoPanel').then((m) => ({ default: m.SsoPanel })));
const SsoErrorAlert = lazy(() =>
  import('./SsoErrorAlert').then((m) => ({ default: m.SsoErrorAlert })),
);

/** Why the last single sign-on failed, when the server sent the browser back with `?sso_error=`. */
export function SsoErrorNotice() {
  const [params] = useSearchParams();
  const code = params.get('sso_error');
  if (!code) return null;
  return (
    <Suspense fallback={null}>
      <AreaStrings area="sso">
        <SsoErrorAlert code={code} />
      </AreaStrings>
    </Suspense>
  );
}

/** "Single sign-on": opens the email step that finds the organization's identity provider. */
export function SsoLoginEntry({ email }: { email: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Divider label={t('auth.login.or')} labelPosition="center" />
      {open ? (
        <Suspense fallback={<Loader size="sm" mx="auto" aria-label={t('common.loading')} />}>
          <AreaStrings area="sso">
            <SsoPanel initialEmail={email} />
          </AreaStrings>
        </Suspense>
      ) : (
        <Button variant="default" fullWidth onClick={() => setOpen(true)}>
          {t('auth.login.sso')}
        </Button>
      )}
    </>
  );
}
