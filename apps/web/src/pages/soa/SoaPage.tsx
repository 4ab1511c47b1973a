import { Button, Select, Stack, ThemeIcon } from '@mantine/core';
import { IconArrowsExchange, IconChecklist, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyBlock, ErrorState, FormError, LoadingRows } from '../../components/QueryStates';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/useSession';
import { useCreateSoa, useSoaList, type Soa } from './api';
import { SoaWorkspace } from './SoaWorkspace';

/** The Statement of Applicability (適用宣言書) of the ISMS scope. */
export function SoaPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const list = useSoaList();
  const create = useCreateSoa();
  const [params, setParams] = useSearchParams();
  const items = list.data?.items ?? [];
  const soa = items.find((s) => s.id === params.get('soa')) ?? inForce(items);
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
        actions={
          <Button
            component={Link}
            to="/statement-of-applicability/migration"
            variant="default"
            leftSection={<IconArrowsExchange size={16} aria-hidden="true" />}
          >
            {t('soa.migration.entry')}
          </Button>
        }
      />
      {list.isPending ? (
        <LoadingRows rows={6} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : soa ? (
        <Stack gap="md">
          {items.length > 1 && (
            <Select
              label={t('soa.migration.statement')}
              data={items.map((s) => ({ value: s.id, label: statementLabel(s, t) }))}
              value={soa.id}
              onChange={(id) =>
                id &&
                setParams((p) => {
                  const next = new URLSearchParams(p);
                  next.set('soa', id);
                  next.delete('control');
                  return next;
                })
              }
              allowDeselect={false}
              maw={520}
            />
          )}
          <SoaWorkspace key={soa.id} soaId={soa.id} listed={soa} />
        </Stack>
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

/**
 * The statement shown first: the one in force (the latest approval), else the
 * newest. A migration draft is newer but does not replace the statement in
 * force until it is approved itself.
 */
function inForce(items: Soa[]): Soa | undefined {
  const approved = items
    .filter((s) => s.approved)
    .sort((a, b) => (b.approved!.approvedAt ?? '').localeCompare(a.approved!.approvedAt ?? ''));
  return approved[0] ?? items[0];
}

function statementLabel(s: Soa, t: TFunction) {
  const library = t(`soa.migration.library.${s.libraryId}`, { defaultValue: s.libraryId });
  return `${s.title} (${library}, ${t(`soa.statuses.${(s.approved ?? s.current).status}`)})`;
}

function isFieldErrors(error: unknown): string[] {
  const errors = (error as { errors?: { message: string }[] } | null)?.errors;
  return errors ? errors.map((e) => e.message) : [];
}
