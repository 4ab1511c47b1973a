import { Alert, Button, Code, CopyButton, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconKey, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../components/ConfirmModal';
import { FormError } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import {
  useIssueScimToken,
  type IdentityProvider,
  type ScimTokenCreated,
} from './IdentityProviderApi';

/** A value to paste into the IdP's console, with a copy button named after it. */
function CopyValue({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap" justify="space-between">
      <Code
        data-testid={testId}
        translate="no"
        fz="sm"
        style={{ wordBreak: 'break-all', userSelect: 'all' }}
      >
        {value}
      </Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button
            size="xs"
            variant={copied ? 'filled' : 'default'}
            color={copied ? 'teal' : undefined}
            onClick={copy}
            aria-label={t('sso.admin.urls.copy', { name: label })}
            leftSection={
              copied ? (
                <IconCheck size={14} aria-hidden="true" />
              ) : (
                <IconCopy size={14} aria-hidden="true" />
              )
            }
            style={{ flex: 'none' }}
          >
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** What the IdP's administrator enters on their side, for this provider's kind. */
export function IdentityProviderUrls({ provider }: { provider: IdentityProvider }) {
  const { t } = useTranslation();
  type Key = 'redirectUri' | 'acsUrl' | 'metadataUrl' | 'spEntityId' | 'scimBaseUrl';
  const rows: { key: Key; value: string }[] =
    provider.kind === 'oidc'
      ? [{ key: 'redirectUri', value: provider.redirectUri }]
      : [
          { key: 'acsUrl', value: provider.acsUrl },
          { key: 'metadataUrl', value: provider.metadataUrl },
          { key: 'spEntityId', value: provider.settings.spEntityId },
        ];
  const all = [...rows, { key: 'scimBaseUrl' as const, value: provider.scimBaseUrl }];
  return (
    <SectionCard
      id="sso-urls"
      title={t('sso.admin.urls.title')}
      description={t('sso.admin.urls.intro')}
    >
      <Table layout="fixed" mt="sm" verticalSpacing="sm">
        <Table.Tbody>
          {all.map(({ key, value }) => {
            const label = t(`sso.admin.urls.${key}`);
            return (
              <Table.Tr key={key}>
                <Table.Th scope="row" w="30%" pl="lg" fw={500}>
                  {label}
                </Table.Th>
                <Table.Td pr="lg">
                  <CopyValue label={label} value={value} testId={`sso-url-${key}`} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </SectionCard>
  );
}

/** The SCIM token: issued (or replaced) on request and shown this once; only its prefix stays. */
export function IdentityProviderScim({ provider }: { provider: IdentityProvider }) {
  const { t } = useTranslation();
  const issue = useIssueScimToken(provider.id);
  const [confirm, setConfirm] = useState(false);
  const [issued, setIssued] = useState<ScimTokenCreated | null>(null);
  const run = () =>
    issue.mutate(undefined, {
      onSuccess: (token) => {
        setConfirm(false);
        setIssued(token);
      },
    });
  return (
    <SectionCard
      id="sso-scim"
      title={t('sso.admin.scim.title')}
      description={t('sso.admin.scim.intro')}
    >
      <Stack gap="sm" p="lg" maw={860}>
        <Text fz="sm" data-testid="scim-status">
          {provider.scimTokenSet
            ? t('sso.admin.scim.tokenSet', { prefix: provider.scimTokenPrefix ?? '' })
            : t('sso.admin.scim.noToken')}
        </Text>
        {issued && (
          <Stack gap="xs">
            <Alert
              color="yellow"
              variant="light"
              icon={<IconAlertTriangle size={18} aria-hidden="true" />}
              title={t('sso.admin.scim.onceTitle')}
            >
              {t('sso.admin.scim.once')}
            </Alert>
            <CopyValue label={t('sso.admin.scim.token')} value={issued.token} testId="scim-token" />
          </Stack>
        )}
        {!confirm && <FormError error={issue.error} />}
        <Group>
          <Button
            variant={provider.scimTokenSet ? 'default' : 'filled'}
            leftSection={
              provider.scimTokenSet ? (
                <IconRefresh size={16} aria-hidden="true" />
              ) : (
                <IconKey size={16} aria-hidden="true" />
              )
            }
            loading={issue.isPending && !confirm}
            onClick={() => (provider.scimTokenSet ? setConfirm(true) : run())}
          >
            {provider.scimTokenSet ? t('sso.admin.scim.replace') : t('sso.admin.scim.issue')}
          </Button>
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirm}
        onClose={() => setConfirm(false)}
        onConfirm={run}
        title={t('sso.admin.scim.replaceTitle')}
        message={t('sso.admin.scim.replaceMessage')}
        confirmLabel={t('sso.admin.scim.replace')}
        danger
        pending={issue.isPending}
        error={issue.error instanceof Error ? issue.error.message : null}
      />
    </SectionCard>
  );
}
