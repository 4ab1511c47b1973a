import {
  Badge,
  Button,
  Code,
  EmptyState,
  Group,
  Paper,
  Stack,
  Text,
  ThemeIcon,
} from '@mantine/core';
import { IconArrowLeft, IconBarrierBlock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { phaseColor, type Area } from '../navigation';

/** Stands in for an ISMS area that is not built yet: says which phase it belongs to and what it will do. */
export function AreaPlaceholderPage({ area }: { area: Area }) {
  const { t } = useTranslation();
  const color = phaseColor[area.phase];
  const phaseName = t(`phases.${area.phase}.name`);
  return (
    <Stack gap="xl" maw={960}>
      <PageHeader
        title={t(`areas.${area.key}.title`)}
        eyebrow={
          <Group gap="xs" wrap="wrap">
            <span>{`${phaseName} · ${t(`phases.${area.phase}.summary`)}`}</span>
            <Badge variant="outline" color="gray.7" size="sm" radius="sm">
              {t('placeholder.badge')}
            </Badge>
          </Group>
        }
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color={color}>
            <area.icon size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
      />
      <Paper withBorder radius="lg" p={{ base: 'lg', sm: 48 }}>
        <EmptyState variant="light" color={color} size="lg">
          <EmptyState.Indicator>
            <IconBarrierBlock size={36} stroke={1.5} aria-hidden="true" />
          </EmptyState.Indicator>
          <EmptyState.Title order={2}>{t('placeholder.title')}</EmptyState.Title>
          <EmptyState.Description maw={600}>
            {t('placeholder.body', { phase: phaseName })}
          </EmptyState.Description>
          <Text fz="md" maw={600} ta="center" fw={500}>
            {t(`areas.${area.key}.description`)}
          </Text>
          <Stack gap={6} align="center" mt="sm">
            <Text fz="sm" c="dimmed">
              {t('placeholder.requirements')}
            </Text>
            <Group gap={6} justify="center">
              {area.requirements.map((id) => (
                <Code key={id} fz="sm">
                  {id}
                </Code>
              ))}
            </Group>
          </Stack>
          <EmptyState.Actions>
            <Button
              component={Link}
              to="/"
              variant="default"
              leftSection={<IconArrowLeft size={16} aria-hidden="true" />}
            >
              {t('placeholder.backToDashboard')}
            </Button>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    </Stack>
  );
}
