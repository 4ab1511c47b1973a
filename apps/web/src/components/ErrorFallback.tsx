import { Button, Code, EmptyState, Group, Paper, Spoiler, Stack } from '@mantine/core';
import { IconAlertTriangle, IconHome, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * What the user sees when rendering fails: a friendly message, a reload button
 * and a way home. Works outside the router too (plain links only).
 */
export function ErrorFallback({ error }: { error?: unknown }) {
  const { t } = useTranslation();
  const details =
    import.meta.env.DEV && error instanceof Error ? (error.stack ?? error.message) : null;
  return (
    <Paper withBorder radius="lg" p={{ base: 'lg', sm: 48 }} maw={960} role="alert">
      <EmptyState variant="light" color="red" size="lg">
        <EmptyState.Indicator>
          <IconAlertTriangle size={36} stroke={1.5} aria-hidden="true" />
        </EmptyState.Indicator>
        <EmptyState.Title order={1}>{t('error.title')}</EmptyState.Title>
        <EmptyState.Description>{t('error.description')}</EmptyState.Description>
        <EmptyState.Actions>
          <Group gap="sm" justify="center">
            <Button
              leftSection={<IconRefresh size={16} aria-hidden="true" />}
              onClick={() => window.location.reload()}
            >
              {t('error.reload')}
            </Button>
            <Button
              component="a"
              href="/"
              variant="default"
              leftSection={<IconHome size={16} aria-hidden="true" />}
            >
              {t('error.backToDashboard')}
            </Button>
          </Group>
        </EmptyState.Actions>
        {details && (
          <Stack gap={4} w="100%" mt="md">
            <Spoiler maxHeight={0} showLabel={t('error.details')} hideLabel={t('error.details')}>
              <Code block>{details}</Code>
            </Spoiler>
          </Stack>
        )}
      </EmptyState>
    </Paper>
  );
}
