import { Alert, Code, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SSO_ERROR_CODES } from '@mamoru/contracts';

/** The SAML refusals the assertion consumer sends back (domain/src/sso/saml-response.ts). */
const SAML_ERROR_CODES = [
  'saml_failed',
  'saml_signature',
  'saml_unsigned',
  'saml_expired',
  'saml_audience',
  'saml_replayed',
  'saml_unsolicited',
  'saml_issuer',
  'saml_recipient',
  'saml_idp_refused',
  'saml_subject_missing',
] as const;
type KnownCode = (typeof SSO_ERROR_CODES)[number] | (typeof SAML_ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set<string>([...SSO_ERROR_CODES, ...SAML_ERROR_CODES]);

/**
 * The reason a single sign-on came back refused, in the reader's language.
 * The code stays visible (marked as a code) so an administrator can find the
 * matching security event; an unknown code gets the general wording.
 */
export function SsoErrorAlert({ code }: { code: string }) {
  const { t } = useTranslation();
  const known = KNOWN.has(code);
  return (
    <Alert
      variant="light"
      color="red"
      icon={<IconAlertCircle size={18} aria-hidden="true" />}
      title={t('sso.errors.title')}
      role="alert"
      data-testid="sso-error"
    >
      <Text fz="sm">
        {known ? t(`sso.errors.codes.${code as KnownCode}`) : t('sso.errors.unknown')}
      </Text>
      <Text fz="xs" c="dimmed" mt={4}>
        {t('sso.errors.reference')} <Code translate="no">{code.slice(0, 64)}</Code>
      </Text>
    </Alert>
  );
}
