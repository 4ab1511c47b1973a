import { Button, Checkbox, Group, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { identityProviderCreateSchema, roleSchema, type RoleName } from '@mamoru/contracts';
import { SaveProblem } from '../../components/SaveProblem';
import { SectionCard } from '../../components/SectionCard';
import { useLabels } from '../../lib/labels';
import { problemFields, type ProblemFields } from '../../lib/problemFields';
import { validate, type FieldErrors } from '../../lib/validation';
import { createBody, type ProviderDraft } from './IdentityProviderDraft';
import { IdentityProviderMapping } from './IdentityProviderMapping';
import { OidcSettingsFields, SamlSettingsFields } from './IdentityProviderSettings';

/** The form's own check and the server's refusal, as one lookup by field path. */
function combine(local: FieldErrors, server: ProblemFields): ProblemFields {
  return {
    ...server,
    error: (path) =>
      local[path] ??
      Object.entries(local).find(([field]) => field.startsWith(`${path}.`))?.[1] ??
      server.error(path),
    byField: { ...server.byField, ...local },
  };
}

/**
 * A provider's settings in three parts: who it is for (name, email domains),
 * the connection (OIDC or SAML fields), and what its users get (just-in-time
 * accounts, default roles, the group mapping, password log-in, trusted MFA).
 */
export function IdentityProviderForm({
  initial,
  secretSet,
  saving,
  error,
  onSubmit,
}: {
  initial: ProviderDraft;
  secretSet: boolean;
  saving: boolean;
  error: unknown;
  onSubmit: (draft: ProviderDraft) => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [draft, setDraft] = useState(initial);
  const [local, setLocal] = useState<FieldErrors>({});
  const change = (next: Partial<ProviderDraft>) => setDraft((d) => ({ ...d, ...next }));

  const labelled = {
    name: t('sso.admin.fields.name'),
    emailDomains: t('sso.admin.fields.emailDomains'),
    defaultRoles: t('sso.admin.fields.defaultRoles'),
    groupRoles: t('sso.admin.mapping.title'),
    clientSecret: t('sso.admin.oidc.clientSecret'),
    settings: t('sso.admin.connection'),
  };
  const server = problemFields(error, labelled, [
    'name',
    'emailDomains',
    'emailDomains.*',
    'defaultRoles',
    'defaultRoles.*',
    'clientSecret',
    'groupRoles.*.group',
    'groupRoles.*.roles',
    'settings.*',
    'settings.idpCertificates.*',
  ]);
  const fields = combine(local, server);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const found = validate(identityProviderCreateSchema, createBody(draft));
    setLocal(found);
    if (Object.keys(found).length === 0) onSubmit(draft);
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('sso.admin.formLabel')}>
      <Stack gap="lg">
        <SectionCard id="sso-general" title={t('sso.admin.general')}>
          <Stack gap="sm" p="lg" maw={720}>
            <TextInput
              label={t('sso.admin.fields.name')}
              description={t('sso.admin.fields.nameHint')}
              value={draft.name}
              onChange={(e) => change({ name: e.currentTarget.value })}
              error={fields.error('name')}
              required
            />
            <TagsInput
              label={t('sso.admin.fields.emailDomains')}
              description={t('sso.admin.fields.emailDomainsHint')}
              placeholder="example.co.jp"
              value={draft.emailDomains}
              onChange={(value) => change({ emailDomains: value })}
              error={fields.error('emailDomains')}
              splitChars={[',', ' ']}
            />
            <Switch
              label={t('sso.admin.fields.enabled')}
              description={t('sso.admin.fields.enabledHint')}
              checked={draft.enabled}
              onChange={(e) => change({ enabled: e.currentTarget.checked })}
            />
          </Stack>
        </SectionCard>

        <SectionCard
          id="sso-connection"
          title={t('sso.admin.connection')}
          description={t(`sso.admin.connectionIntro.${draft.kind}`)}
        >
          <Stack gap="sm" p="lg" maw={720}>
            {draft.kind === 'oidc' ? (
              <OidcSettingsFields
                draft={draft}
                onChange={change}
                fields={fields}
                secretSet={secretSet}
              />
            ) : (
              <SamlSettingsFields draft={draft} onChange={change} fields={fields} />
            )}
          </Stack>
        </SectionCard>

        <SectionCard id="sso-users" title={t('sso.admin.users')}>
          <Stack gap="md" p="lg" maw={860}>
            <Switch
              label={t('sso.admin.fields.jitProvisioning')}
              description={t('sso.admin.fields.jitProvisioningHint')}
              checked={draft.jitProvisioning}
              onChange={(e) => change({ jitProvisioning: e.currentTarget.checked })}
            />
            <Checkbox.Group
              label={t('sso.admin.fields.defaultRoles')}
              description={t('sso.admin.fields.defaultRolesHint')}
              value={draft.defaultRoles}
              onChange={(value) => change({ defaultRoles: value as RoleName[] })}
              error={fields.error('defaultRoles')}
            >
              <Group gap="md" mt={6}>
                {roleSchema.options.map((role) => (
                  <Checkbox key={role} value={role} label={labels.roleLabel(role)} />
                ))}
              </Group>
            </Checkbox.Group>
            <IdentityProviderMapping
              rows={draft.groupRoles}
              onChange={(rows) => change({ groupRoles: rows })}
              fields={fields}
            />
            <Switch
              label={t('sso.admin.fields.passwordLoginDisabled')}
              description={t('sso.admin.fields.passwordLoginDisabledHint')}
              checked={draft.passwordLoginDisabled}
              onChange={(e) => change({ passwordLoginDisabled: e.currentTarget.checked })}
            />
            <Switch
              label={t('sso.admin.fields.trustIdpMfa')}
              description={t(`sso.admin.fields.trustIdpMfaHint.${draft.kind}`)}
              checked={draft.trustIdpMfa}
              onChange={(e) => change({ trustIdpMfa: e.currentTarget.checked })}
            />
          </Stack>
        </SectionCard>

        {Object.keys(local).length > 0 && (
          <Text c="red" fz="sm" role="alert">
            {t('sso.admin.checkFields')}
          </Text>
        )}
        <SaveProblem
          error={error}
          staleTitle={t('sso.admin.stale')}
          staleBody={t('sso.admin.staleBody')}
          fields={server}
        />
        <Group>
          <Button
            type="submit"
            loading={saving}
            leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
          >
            {t('sso.admin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
