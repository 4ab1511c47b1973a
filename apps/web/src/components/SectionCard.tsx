import { Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card (a landmark region) for one part of a page. */
export function SectionCard({
  id,
  title,
  description,
  actions,
  children,
  flush = false,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  /** No inner padding below the header (for tables that run edge to edge). */
  flush?: boolean;
}) {
  return (
    <Card withBorder radius="lg" padding={0} shadow="xs" component="section" aria-labelledby={id}>
      <Group
        justify="space-between"
        align="flex-start"
        gap="md"
        px="lg"
        pt="lg"
        pb={flush ? 'md' : 0}
      >
        {/* The title keeps room for a few words: actions that do not fit beside it wrap below. */}
        <Stack gap={4} style={{ flex: 1, minWidth: 'min(12rem, 100%)' }}>
          <Title order={2} fz="lg" id={id}>
            {title}
          </Title>
          {description && (
            <Text fz="sm" c="dimmed" maw={680}>
              {description}
            </Text>
          )}
        </Stack>
        {actions}
      </Group>
      {flush ? (
        children
      ) : (
        <Stack p="lg" gap="md">
          {children}
        </Stack>
      )}
    </Card>
  );
}
