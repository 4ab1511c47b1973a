import { Box, Group, NavLink, Stack, Text } from '@mantine/core';
import { IconLayoutDashboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { areasOfPhase, PHASES, phaseColor } from '../navigation';

function isActive(pathname: string, path: string) {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

/** The navbar: the dashboard, then every ISMS area grouped by its PDCA phase. */
export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack gap="md">
      <NavLink
        component={RouterNavLink}
        to="/"
        end
        label={t('dashboard.title')}
        leftSection={<IconLayoutDashboard size={18} stroke={1.6} aria-hidden="true" />}
        active={isActive(pathname, '/')}
        onClick={onNavigate}
        fw={500}
      />
      {PHASES.map((phase) => (
        <Box key={phase} role="group" aria-labelledby={`nav-phase-${phase}`}>
          <Group gap={8} px="sm" mb={4} wrap="nowrap">
            <Box
              w={4}
              h={14}
              bg={`${phaseColor[phase]}.6`}
              style={{ borderRadius: 2, flex: 'none' }}
              aria-hidden="true"
            />
            <Text id={`nav-phase-${phase}`} fz="xs" fw={700} c="gray.7" lts={0.3}>
              {t(`phases.${phase}.name`)}
            </Text>
          </Group>
          {areasOfPhase(phase).map((area) => (
            <NavLink
              key={area.key}
              component={RouterNavLink}
              to={area.path}
              label={t(`areas.${area.key}.title`)}
              leftSection={<area.icon size={18} stroke={1.6} aria-hidden="true" />}
              active={isActive(pathname, area.path)}
              onClick={onNavigate}
              py={7}
            />
          ))}
        </Box>
      ))}
    </Stack>
  );
}
