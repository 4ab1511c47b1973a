import { Anchor, Badge, Button, Group, Stack } from '@mantine/core';
import { IconArrowLeft, IconBuildingSkyscraper, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { IdentityProviderKind } from '@mamoru/contracts';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import {
  useCreateIdentityProvider,
  useDeleteIdentityProvider,
  useIdentityProvider,
  useUpdateIdentityProvider,
  type IdentityProvider,
} from './IdentityProviderApi';
import { createBody, draftOf, emptyDraft, updateBody } from './IdentityProviderDraft';
import { IdentityProviderForm } from './IdentityProviderForm';
import { IdentityProviderScim, IdentityProviderUrls } from './IdentityProviderUrls';

const LIST = '/admin/identity-providers';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={LIST} fz="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden="true" />
        {t('sso.admin.back')}
      </Group>
    </Anchor>
  );
}

/** `/admin/identity-providers/new?kind=oidc|saml`, or one provider by id. */
export function IdentityProviderPage() {
  const { id = 'new' } = useParams();
  return id === 'new' ? <NewProvider /> : <ExistingProvider id={id} />;
}

function NewProvider() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const toast = useToast();
  const kind: IdentityProviderKind = params.get('kind') === 'saml' ? 'saml' : 'oidc';
  const create = useCreateIdentityProvider();
  return (
    <Stack gap="lg">
      <BackLink />
      <PageHeader
        title={t(`sso.admin.newTitle.${kind}`)}
        description={t('sso.admin.newIntro')}
        icon={<IconBuildingSkyscraper size={28} aria-hidden="true" />}
      />
      <IdentityProviderForm
        key={kind}
        initial={emptyDraft(kind)}
        secretSet={false}
        saving={create.isPending}
        error={create.error}
        onSubmit={(draft) =>
          create.mutate(createBody(draft), {
            onSuccess: (created) => {
              toast.success(t('sso.admin.created'), created.name);
              void navigate(`${LIST}/${created.id}`, { replace: true });
            },
          })
        }
      />
    </Stack>
  );
}

function ExistingProvider({ id }: { id: string }) {
  const provider = useIdentityProvider(id);
  return (
    <Stack gap="lg">
      <BackLink />
      {provider.isPending ? (
        <LoadingRows />
      ) : provider.isError ? (
        <ErrorState error={provider.error} onRetry={() => void provider.refetch()} />
      ) : (
        <ProviderView key={provider.data.version} provider={provider.data} />
      )}
    </Stack>
  );
}

function ProviderView({ provider }: { provider: IdentityProvider }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const update = useUpdateIdentityProvider(provider.id);
  const remove = useDeleteIdentityProvider(provider.id);
  const [confirm, setConfirm] = useState(false);
  return (
    <>
      <PageHeader
        title={provider.name}
        eyebrow={
          <Group gap="xs">
            <Badge variant="light">{t(`sso.kinds.${provider.kind}`)}</Badge>
            <Badge variant="light" color={provider.enabled ? 'teal' : 'gray'}>
              {provider.enabled ? t('sso.admin.enabled') : t('sso.admin.disabled')}
            </Badge>
          </Group>
        }
        description={t('sso.admin.linkedUsers', { count: provider.linkedUsers })}
        icon={<IconBuildingSkyscraper size={28} aria-hidden="true" />}
        actions={
          <Button
            variant="default"
            color="red"
            leftSection={<IconTrash size={16} aria-hidden="true" />}
            onClick={() => setConfirm(true)}
          >
            {t('sso.admin.delete')}
          </Button>
        }
      />
      <IdentityProviderUrls provider={provider} />
      <IdentityProviderForm
        initial={draftOf(provider)}
        secretSet={provider.kind === 'oidc' && provider.clientSecretSet}
        saving={update.isPending}
        error={update.error}
        onSubmit={(draft) =>
          update.mutate(
            { version: provider.version, body: updateBody(draft) },
            { onSuccess: (saved) => toast.success(t('sso.admin.saved'), saved.name) },
          )
        }
      />
      <IdentityProviderScim provider={provider} />
      <ConfirmModal
        opened={confirm}
        onClose={() => setConfirm(false)}
        onConfirm={() =>
          remove.mutate(provider.version, {
            onSuccess: ({ outcome }) => {
              toast.success(t(`sso.admin.deleted.${outcome}`), provider.name);
              void navigate(LIST);
            },
          })
        }
        title={t('sso.admin.deleteTitle', { name: provider.name })}
        message={t(
          provider.linkedUsers > 0 ? 'sso.admin.deleteLinked' : 'sso.admin.deleteMessage',
          { count: provider.linkedUsers },
        )}
        confirmLabel={t('sso.admin.delete')}
        danger
        pending={remove.isPending}
        error={remove.error instanceof Error ? remove.error.message : null}
      />
    </>
  );
}
