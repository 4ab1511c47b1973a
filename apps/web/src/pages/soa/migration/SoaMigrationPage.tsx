import { Anchor, Button, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowsExchange, IconChecklist } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyBlock, ErrorState, FormError, LoadingRows } from '../../../components/QueryStates';
import { PageHeader } from '../../../components/PageHeader';
import { useToast } from '../../../components/Toasts';
import { useSession } from '../../../session/useSession';
import { useDraftMigration, useMigrationStatus } from './api';
import { MigrationWorkspace } from './MigrationWorkspace';

/**
 * The migration assistant: drafts the ISO/IEC 27001:2022 statement from the
 * Ver.2.0 statement in force, then the reviewer confirms it entry by entry.
 */
export function SoaMigrationPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const toast = useToast();
  const status = useMigrationStatus();
  const draft = useDraftMigration();
  const source = status.data?.source ?? null;
  const migration = status.data?.migration ?? null;
  return (
    <Stack gap="xl" maw={1200}>
      <PageHeader
        title={t('soaMigration.title')}
        description={t('soaMigration.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="blue">
            <IconArrowsExchange size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
      />
      <Anchor component={Link} to="/statement-of-applicability" fz="sm">
        {t('soaMigration.back')}
      </Anchor>
      {status.isPending ? (
        <LoadingRows rows={6} />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : !source ? (
        <EmptyBlock
          icon={<IconChecklist size={28} aria-hidden="true" />}
          title={t('soaMigration.noSource.title')}
          description={t('soaMigration.noSource.description')}
        />
      ) : migration ? (
        <MigrationWorkspace migration={migration} source={source} />
      ) : (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm" align="flex-start">
            <Text fz="sm">
              {t('soaMigration.start.from', {
                title: source.title,
                number: source.versionNumber,
              })}
            </Text>
            <Text fz="sm" c="dimmed">
              {t('soaMigration.start.explain')}
            </Text>
            {can('isms:write') ? (
              <Button
                leftSection={<IconArrowsExchange size={16} aria-hidden="true" />}
                loading={draft.isPending}
                onClick={() =>
                  draft.mutate(undefined, {
                    onSuccess: (m) =>
                      toast.success(
                        t('soaMigration.start.drafted', {
                          total: m.progress.total,
                          pending: m.progress.pending,
                        }),
                      ),
                  })
                }
              >
                {t('soaMigration.start.button')}
              </Button>
            ) : (
              <Text fz="sm" c="dimmed">
                {t('soaMigration.start.readOnly')}
              </Text>
            )}
            <FormError error={draft.error} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
