import { Group, Stack, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The product mark in the header; links to the dashboard (its name is its visible text). */
export function Brand() {
  const { t } = useTranslation();
  return (
    <UnstyledButton component={Link} to="/">
      <Group gap={10} wrap="nowrap">
        <ThemeIcon
          size={34}
          radius="md"
          variant="gradient"
          gradient={{ from: 'indigo.8', to: 'indigo.6', deg: 135 }}
        >
          <IconShieldLock size={20} stroke={1.8} aria-hidden="true" />
        </ThemeIcon>
        {/* On a phone the shield alone (named for screen readers): the header's actions need the width. */}
        <VisuallyHidden hiddenFrom="xs">{t('app.name')}</VisuallyHidden>
        <Stack gap={0} visibleFrom="xs">
          <Text fw={800} fz="lg" lh={1.1} c="gray.9">
            {t('app.name')}
          </Text>
          <Text fz={11} c="dimmed" lh={1.2}>
            {t('app.tagline')}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}
