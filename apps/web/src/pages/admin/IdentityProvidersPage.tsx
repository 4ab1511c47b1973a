import { Anchor, Badge, Button, Card, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { IconBuildingSkyscraper, IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IDENTITY_PROVIDER_KINDS } from '@mamoru/contracts';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useIdentityProviders, type IdentityProvider } from './IdentityProviderApi';

const LIST = '/admin/identity-providers';

function AddMenu() {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          rightSection={<IconChevronDown size={14} aria-hidden="true" />}
        >
          {t('sso.admin.add')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {IDENTITY_PROVIDER_KINDS.map((kind) => (
          <Menu.Item key={kind} component={Link} to={`${LIST}/new?kind=${kind}`}>
            {t(`sso.admin.addKind.${kind}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function ProviderRow({ provider }: { provider: IdentityProvider }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        <Anchor component={Link} to={`${LIST}/${provider.id}`}>
          {provider.name}
        </Anchor>
      </Table.Th>
      <Table.Td>{t(`sso.kinds.${provider.kind}`)}</Table.Td>
      <Table.Td>
        {provider.emailDomains.length ? (
          <Text fz="sm" translate="no">
            {provider.emailDomains.join(', ')}
          </Text>
        ) : (
          <Text fz="sm" c="dimmed">
            {t('sso.admin.noDomains')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge variant="light" color={provider.enabled ? 'teal' : 'gray'}>
            {provider.enabled ? t('sso.admin.enabled') : t('sso.admin.disabled')}
          </Badge>
          {provider.jitProvisioning && <Badge variant="outline">{t('sso.admin.jitBadge')}</Badge>}
          {provider.scimTokenSet && <Badge variant="outline">{t('sso.admin.scimBadge')}</Badge>}
          {provider.passwordLoginDisabled && (
            <Badge variant="outline" color="grape">
              {t('sso.admin.ssoOnlyBadge')}
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td ta="right">{provider.linkedUsers}</Table.Td>
    </Table.Tr>
  );
}

/** The organization's identity providers: single sign-on (OIDC, SAML) and SCIM provisioning. */
export function IdentityProvidersPage() {
  const { t } = useTranslation();
  const providers = useIdentityProviders();
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('sso.admin.title')}
        description={t('sso.admin.intro')}
        icon={<IconBuildingSkyscraper size={28} aria-hidden="true" />}
        actions={<AddMenu />}
      />
      <Card withBorder radius="lg" padding={0} shadow="xs">
        {providers.isPending ? (
          <LoadingRows />
        ) : providers.isError ? (
          <ErrorState error={providers.error} onRetry={() => void providers.refetch()} />
        ) : providers.data.items.length === 0 ? (
          <EmptyBlock
            icon={<IconBuildingSkyscraper size={32} aria-hidden="true" />}
            title={t('sso.admin.empty')}
            description={t('sso.admin.emptyHint')}
          />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sso.admin.columns.name')}</Table.Th>
                  <Table.Th>{t('sso.admin.columns.kind')}</Table.Th>
                  <Table.Th>{t('sso.admin.columns.domains')}</Table.Th>
                  <Table.Th>{t('sso.admin.columns.status')}</Table.Th>
                  <Table.Th ta="right">{t('sso.admin.columns.linkedUsers')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {providers.data.items.map((provider) => (
                  <ProviderRow key={provider.id} provider={provider} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
