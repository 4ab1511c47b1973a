import { Button, EmptyState, Paper } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconHome, IconMapSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useDocumentTitle(t('app.documentTitle', { page: t('notFound.title') }));
  return (
    <Paper withBorder radius="lg" p={{ base: 'lg', sm: 48 }} maw={960}>
      <EmptyState variant="light" color="gray" size="lg">
        <EmptyState.Indicator>
          <IconMapSearch size={36} stroke={1.5} aria-hidden="true" />
        </EmptyState.Indicator>
        <EmptyState.Title order={1}>{t('notFound.title')}</EmptyState.Title>
        <EmptyState.Description>
          {t('notFound.description', { path: pathname })}
        </EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to="/" leftSection={<IconHome size={16} aria-hidden="true" />}>
            {t('notFound.backToDashboard')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
