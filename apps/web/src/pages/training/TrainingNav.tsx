import { Button, Group } from '@mantine/core';
import { IconCalendarEvent, IconGauge, IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

const LINKS = [
  { to: '/training', key: 'dashboard', icon: IconGauge },
  { to: '/training/sessions', key: 'sessions', icon: IconCalendarEvent },
  { to: '/training/completions', key: 'completions', icon: IconTable },
] as const;

/** The training area's own pages: dashboard with courses, sessions, completion matrix. */
export function TrainingNav() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Group gap="xs" component="nav" aria-label={t('training.nav.label')}>
      {LINKS.map(({ to, key, icon: Icon }) => (
        <Button
          key={key}
          component={Link}
          to={to}
          size="xs"
          variant={pathname === to ? 'light' : 'subtle'}
          leftSection={<Icon size={14} aria-hidden="true" />}
          aria-current={pathname === to ? 'page' : undefined}
        >
          {t(`training.nav.${key}`)}
        </Button>
      ))}
    </Group>
  );
}
