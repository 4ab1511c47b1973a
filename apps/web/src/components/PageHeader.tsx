import { Box, Flex, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageHeaderProps {
  title: string;
  /** A short line above the title (e.g. the PDCA phase). */
  eyebrow?: ReactNode;
  description?: ReactNode;
  icon?: ReactNode;
  actions?: ReactNode;
}

/** The h1 of a page; also sets the browser tab title. Actions sit at the right on wide screens. */
export function PageHeader({ title, eyebrow, description, icon, actions }: PageHeaderProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: title }));
  return (
    <Flex
      direction={{ base: 'column', md: 'row' }}
      justify="space-between"
      align={{ base: 'stretch', md: 'flex-start' }}
      gap="lg"
    >
      <Group gap="md" align="center" wrap="nowrap" style={{ flex: 1, minWidth: 0 }}>
        {icon && <Box visibleFrom="sm">{icon}</Box>}
        <Stack gap={4} miw={0}>
          {eyebrow && (
            <Text component="div" fz="sm" fw={600} c="dimmed">
              {eyebrow}
            </Text>
          )}
          <Title order={1} fz={{ base: 26, sm: 30 }} lh={1.25}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" maw={720}>
              {description}
            </Text>
          )}
        </Stack>
      </Group>
      {actions && <Box style={{ flex: 'none' }}>{actions}</Box>}
    </Flex>
  );
}
