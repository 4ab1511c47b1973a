import { Button, EmptyState, Paper } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconHome, IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../session/useSession';

/** What a signed-in user sees on a page their roles do not open. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('forbidden.title') }));
  return (
    <Paper withBorder radius="lg" p={{ base: 'lg', sm: 48 }} maw={960}>
      <EmptyState variant="light" color="gray" size="lg">
        <EmptyState.Indicator>
          <IconLock size={36} stroke={1.5} aria-hidden="true" />
        </EmptyState.Indicator>
        <EmptyState.Title order={1}>{t('forbidden.title')}</EmptyState.Title>
        <EmptyState.Description>{t('forbidden.description')}</EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to="/" leftSection={<IconHome size={16} aria-hidden="true" />}>
            {t('notFound.backToDashboard')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}

/** Renders the page only for users holding `permission`; the server enforces it anyway. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: string;
  children: ReactNode;
}) {
  const { can } = useSession();
  return can(permission) ? children : <ForbiddenPage />;
}
