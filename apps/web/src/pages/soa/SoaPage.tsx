import { Button, Stack, ThemeIcon } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock, ErrorState, FormError, LoadingRows } from '../../components/QueryStates';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/useSession';
import { useCreateSoa, useSoaList } from './api';
import { SoaWorkspace } from './SoaWorkspace';

/** The Statement of Applicability (適用宣言書) of the ISMS scope. */
export function SoaPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = useSoaList();
  const create = useCreateSoa();
  const soa = list.data?.items[0];
  return (
    <Stack gap="xl" maw={1200}>
      <PageHeader
        title={t('areas.soa.title')}
        description={t('areas.soa.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="blue">
            <IconChecklist size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
      />
      {list.isPending ? (
        <LoadingRows rows={6} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : soa ? (
        <SoaWorkspace soaId={soa.id} listed={soa} />
      ) : (
        <Stack gap="sm">
          <EmptyBlock
            icon={<IconChecklist size={28} aria-hidden="true" />}
            title={t('soa.empty.title')}
            description={t('soa.empty.description')}
            action={
              can('isms:write') ? (
                <Button
                  leftSection={<IconPlus size={16} aria-hidden="true" />}
                  loading={create.isPending}
                  onClick={() => create.mutate()}
                >
                  {t('soa.empty.create')}
                </Button>
              ) : undefined
            }
          />
          <FormError error={create.error} extra={isFieldErrors(create.error)} />
        </Stack>
      )}
    </Stack>
  );
}

function isFieldErrors(error: unknown): string[] {
  const errors = (error as { errors?: { message: string }[] } | null)?.errors;
  return errors ? errors.map((e) => e.message) : [];
}
