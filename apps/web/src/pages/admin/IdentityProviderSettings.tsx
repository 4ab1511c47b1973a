import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NumberInput,
  PasswordInput,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ProblemFields } from '../../lib/problemFields';
import type { ProviderDraft } from './IdentityProviderDraft';

type Change = (change: Partial<ProviderDraft>) => void;

/** The OpenID Connect client: the IdP's issuer, our client at it, and which claims to read. */
export function OidcSettingsFields({
  draft,
  onChange,
  fields,
  secretSet,
}: {
  draft: ProviderDraft;
  onChange: Change;
  fields: ProblemFields;
  /** A client secret is stored (it is never shown). */
  secretSet: boolean;
}) {
  const { t } = useTranslation();
  const o = draft.oidc;
  const set = (change: Partial<ProviderDraft['oidc']>) => onChange({ oidc: { ...o, ...change } });
  return (
    <Stack gap="sm">
      <TextInput
        label={t('sso.admin.oidc.issuer')}
        description={t('sso.admin.oidc.issuerHint')}
        placeholder="https://login.example.com"
        value={o.issuer}
        onChange={(e) => set({ issuer: e.currentTarget.value })}
        error={fields.error('settings.issuer')}
        required
      />
      <TextInput
        label={t('sso.admin.oidc.clientId')}
        value={o.clientId}
        onChange={(e) => set({ clientId: e.currentTarget.value })}
        error={fields.error('settings.clientId')}
        required
      />
      <PasswordInput
        label={t('sso.admin.oidc.clientSecret')}
        description={t(
          secretSet ? 'sso.admin.oidc.clientSecretSet' : 'sso.admin.oidc.clientSecretHint',
        )}
        autoComplete="new-password"
        value={draft.clientSecret}
        onChange={(e) => onChange({ clientSecret: e.currentTarget.value })}
        error={fields.error('clientSecret')}
        disabled={draft.removeClientSecret}
      />
      {secretSet && (
        <Checkbox
          label={t('sso.admin.oidc.removeSecret')}
          checked={draft.removeClientSecret}
          onChange={(e) =>
            onChange({ removeClientSecret: e.currentTarget.checked, clientSecret: '' })
          }
        />
      )}
      <TextInput
        label={t('sso.admin.oidc.scopes')}
        description={t('sso.admin.oidc.scopesHint')}
        value={o.scopes}
        onChange={(e) => set({ scopes: e.currentTarget.value })}
        error={fields.error('settings.scopes')}
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('sso.admin.oidc.emailClaim')}
          value={o.emailClaim}
          onChange={(e) => set({ emailClaim: e.currentTarget.value })}
          error={fields.error('settings.emailClaim')}
        />
        <TextInput
          label={t('sso.admin.oidc.groupsClaim')}
          value={o.groupsClaim}
          onChange={(e) => set({ groupsClaim: e.currentTarget.value })}
          error={fields.error('settings.groupsClaim')}
        />
        <TextInput
          label={t('sso.admin.oidc.nameClaim')}
          value={o.nameClaim}
          onChange={(e) => set({ nameClaim: e.currentTarget.value })}
          error={fields.error('settings.nameClaim')}
        />
      </Group>
      <TagsInput
        label={t('sso.admin.oidc.mfaAcrValues')}
        description={t('sso.admin.oidc.mfaAcrValuesHint')}
        value={o.mfaAcrValues}
        onChange={(value) => set({ mfaAcrValues: value })}
        error={fields.error('settings.mfaAcrValues')}
      />
    </Stack>
  );
}

/** The SAML 2.0 IdP: where to send people, who signs, and which attributes to read. */
export function SamlSettingsFields({
  draft,
  onChange,
  fields,
}: {
  draft: ProviderDraft;
  onChange: Change;
  fields: ProblemFields;
}) {
  const { t } = useTranslation();
  const s = draft.saml;
  const set = (change: Partial<ProviderDraft['saml']>) => onChange({ saml: { ...s, ...change } });
  const certificates = s.idpCertificates.length ? s.idpCertificates : [''];
  return (
    <Stack gap="sm">
      <TextInput
        label={t('sso.admin.saml.entryPoint')}
        description={t('sso.admin.saml.entryPointHint')}
        placeholder="https://idp.example.com/saml/sso"
        value={s.entryPoint}
        onChange={(e) => set({ entryPoint: e.currentTarget.value })}
        error={fields.error('settings.entryPoint')}
        required
      />
      <TextInput
        label={t('sso.admin.saml.idpIssuer')}
        description={t('sso.admin.saml.idpIssuerHint')}
        value={s.idpIssuer}
        onChange={(e) => set({ idpIssuer: e.currentTarget.value })}
        error={fields.error('settings.idpIssuer')}
        required
      />
      {certificates.map((certificate, index) => (
        <Group key={index} align="flex-start" gap="sm" wrap="nowrap">
          <Textarea
            label={t('sso.admin.saml.certificate', { n: index + 1 })}
            description={index === 0 ? t('sso.admin.saml.certificateHint') : undefined}
            placeholder="-----BEGIN CERTIFICATE-----"
            autosize
            minRows={3}
            maxRows={8}
            ff="monospace"
            value={certificate}
            onChange={(e) => {
              const next = [...certificates];
              next[index] = e.currentTarget.value;
              set({ idpCertificates: next });
            }}
            error={
              fields.error(`settings.idpCertificates.${index}`) ??
              (index === 0 ? fields.byField['settings.idpCertificates'] : undefined)
            }
            required={index === 0}
            style={{ flex: 1 }}
          />
          {certificates.length > 1 && (
            <ActionIcon
              variant="subtle"
              color="red"
              mt={28}
              aria-label={t('sso.admin.saml.removeCertificate', { n: index + 1 })}
              onClick={() => set({ idpCertificates: certificates.filter((_, i) => i !== index) })}
            >
              <IconTrash size={16} aria-hidden="true" />
            </ActionIcon>
          )}
        </Group>
      ))}
      {certificates.length < 5 && (
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => set({ idpCertificates: [...certificates, ''] })}
          >
            {t('sso.admin.saml.addCertificate')}
          </Button>
        </Group>
      )}
      <TextInput
        label={t('sso.admin.saml.spEntityId')}
        description={t('sso.admin.saml.spEntityIdHint')}
        value={s.spEntityId}
        onChange={(e) => set({ spEntityId: e.currentTarget.value })}
        error={fields.error('settings.spEntityId')}
      />
      <Group grow align="flex-start">
        <TextInput
          label={t('sso.admin.saml.emailAttribute')}
          value={s.emailAttribute}
          onChange={(e) => set({ emailAttribute: e.currentTarget.value })}
          error={fields.error('settings.emailAttribute')}
        />
        <TextInput
          label={t('sso.admin.saml.groupsAttribute')}
          value={s.groupsAttribute}
          onChange={(e) => set({ groupsAttribute: e.currentTarget.value })}
          error={fields.error('settings.groupsAttribute')}
        />
        <TextInput
          label={t('sso.admin.saml.nameAttribute')}
          value={s.nameAttribute}
          onChange={(e) => set({ nameAttribute: e.currentTarget.value })}
          error={fields.error('settings.nameAttribute')}
        />
      </Group>
      <NumberInput
        label={t('sso.admin.saml.clockSkewSeconds')}
        description={t('sso.admin.saml.clockSkewSecondsHint')}
        min={0}
        max={600}
        allowDecimal={false}
        value={s.clockSkewSeconds}
        onChange={(value) => set({ clockSkewSeconds: value })}
        error={fields.error('settings.clockSkewSeconds')}
        maw={240}
      />
      <Switch
        label={t('sso.admin.saml.wantAuthnResponseSigned')}
        description={t('sso.admin.saml.wantAuthnResponseSignedHint')}
        checked={s.wantAuthnResponseSigned}
        onChange={(e) => set({ wantAuthnResponseSigned: e.currentTarget.checked })}
      />
    </Stack>
  );
}
