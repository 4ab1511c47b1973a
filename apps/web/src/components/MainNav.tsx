import { Badge, Box, Group, NavLink, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconLayoutDashboard } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useWaitingApprovals } from '../api/approvals';
import {
  ADMIN_PAGES,
  areasOfPhase,
  PHASES,
  phaseColor,
  WORKSPACE_PAGES,
  type NavPage,
} from '../navigation';
import { useSession } from '../session/useSession';

function isActive(pathname: string, path: string) {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

function NavGroup({
  id,
  label,
  marker,
  children,
}: {
  id: string;
  label: string;
  marker: string;
  children: ReactNode;
}) {
  return (
    <Box role="group" aria-labelledby={id}>
      <Group gap={8} px="sm" mb={4} wrap="nowrap">
        <Box
          w={4}
          h={14}
          bg={marker}
          style={{ borderRadius: 2, flex: 'none' }}
          aria-hidden="true"
        />
        <Text id={id} fz="xs" fw={700} c="gray.7" lts={0.3}>
          {label}
        </Text>
      </Group>
      {children}
    </Box>
  );
}

/** The count of approvals waiting for the user, next to the inbox link. */
function WaitingBadge() {
  const { t } = useTranslation();
  const { can } = useSession();
  const waiting = useWaitingApprovals(can('approvals:read'));
  const count = waiting.data?.items.length ?? 0;
  if (!count) return null;
  const label = waiting.data?.nextCursor ? `${count}+` : String(count);
  return (
    <>
      <Badge size="sm" circle={label.length < 3} color="red.9" variant="filled" aria-hidden="true">
        {label}
      </Badge>
      <VisuallyHidden>{t('nav.waitingCount', { count })}</VisuallyHidden>
    </>
  );
}

/**
 * The navbar: the dashboard and the approvals inbox, every ISMS area grouped
 * by its PDCA phase, and administration. Entries the user's permissions do not
 * open are left out (the server refuses them anyway).
 */
export function MainNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { can } = useSession();
  const visible = (page: NavPage) => can(page.permission, page.reach);
  const workspace = WORKSPACE_PAGES.filter(visible);
  const admin = ADMIN_PAGES.filter(visible);

  const pageLink = (page: NavPage) => (
    <NavLink
      key={page.key}
      component={RouterNavLink}
      to={page.path}
      label={t(`nav.${page.key}`)}
      leftSection={<page.icon size={18} stroke={1.6} aria-hidden="true" />}
      rightSection={page.key === 'approvals' ? <WaitingBadge /> : undefined}
      active={isActive(pathname, page.path)}
      onClick={onNavigate}
      py={7}
    />
  );

  return (
    <Stack gap="md">
      <Box>
        <NavLink
          component={RouterNavLink}
          to="/"
          end
          label={t('dashboard.title')}
          leftSection={<IconLayoutDashboard size={18} stroke={1.6} aria-hidden="true" />}
          active={isActive(pathname, '/')}
          onClick={onNavigate}
          py={7}
        />
        {workspace.map(pageLink)}
      </Box>
      {PHASES.map((phase) => {
        const areas = areasOfPhase(phase).filter(
          (area) => !area.permission || can(area.permission),
        );
        if (areas.length === 0) return null;
        return (
          <NavGroup
            key={phase}
            id={`nav-phase-${phase}`}
            label={t(`phases.${phase}.name`)}
            marker={`${phaseColor[phase]}.6`}
          >
            {areas.map((area) => (
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
          </NavGroup>
        );
      })}
      {admin.length > 0 && (
        <NavGroup id="nav-administration" label={t('nav.administration')} marker="gray.6">
          {admin.map(pageLink)}
        </NavGroup>
      )}
    </Stack>
  );
}
