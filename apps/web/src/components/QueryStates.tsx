import { Alert, Button, Center, EmptyState, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';

/** Placeholder rows while a list or card loads; announced as busy. */
export function LoadingRows({ rows = 4, label }: { rows?: number; label?: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" aria-busy="true" aria-label={label ?? t('common.loading')} role="status">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} h={36} radius="sm" />
      ))}
    </Stack>
  );
}

/** A centred spinner with a readable label. */
export function LoadingBlock({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden="true" />
        <Text c="dimmed" fz="sm">
          {label ?? t('common.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

/** A failed load: what happened (the server's problem title) and a way to try again. */
export function ErrorState({
  error,
  title,
  onRetry,
  retrying,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
}) {
  const { t } = useTranslation();
  const message = isApiError(error) || error instanceof Error ? error.message : String(error);
  return (
    <Alert
      variant="light"
      color="red"
      icon={<IconAlertCircle size={18} aria-hidden="true" />}
      title={title ?? t('common.loadFailed')}
      role="alert"
    >
      <Stack gap="xs" align="flex-start">
        <Text fz="sm">{message}</Text>
        {onRetry && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconRefresh size={14} aria-hidden="true" />}
            onClick={onRetry}
            loading={retrying ?? false}
          >
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Nothing to show yet: an icon, a sentence, and optionally the action that fills it. */
export function EmptyBlock({
  icon,
  title,
  description,
  action,
}: {
  icon: ReactNode;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <EmptyState variant="light" color="gray" size="md" py="xl">
      <EmptyState.Indicator>{icon}</EmptyState.Indicator>
      <EmptyState.Title order={3} fz="md">
        {title}
      </EmptyState.Title>
      {description && <EmptyState.Description maw={520}>{description}</EmptyState.Description>}
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}

/** The server's reason a form was refused, plus field errors no input shows. */
export function FormError({ error, extra = [] }: { error: unknown; extra?: string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const title = isApiError(error) || error instanceof Error ? error.message : t('common.failed');
  return (
    <Alert
      variant="light"
      color="red"
      icon={<IconAlertCircle size={18} aria-hidden="true" />}
      title={title}
      role="alert"
    >
      {extra.length > 0 && (
        <Stack gap={2}>
          {extra.map((message) => (
            <Text key={message} fz="sm">
              {message}
            </Text>
          ))}
        </Stack>
      )}
    </Alert>
  );
}
