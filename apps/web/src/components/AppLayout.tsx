import { AppShell, Box, Burger, Group, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';
import { SuggestButton } from '../pages/improvement-register/SuggestButton';
import { ReportButton } from '../pages/incidents/ReportButton';
import classes from './AppLayout.module.css';

/** The signed-in application shell: header (brand, language, user menu), navbar, and the page. */
export function AppLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 300, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <AppShell.Header>
        <a href="#main-content" className={classes.skipLink}>
          {t('shell.skipToContent')}
        </a>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('shell.closeNavigation') : t('shell.openNavigation')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <Brand />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <ReportButton />
            <SuggestButton />
            <NotificationBell />
            {/* A phone has no room for it beside the account menu; the profile sets the language. */}
            <Box visibleFrom="sm">
              <LanguageSwitch />
            </Box>
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        id="main-navigation"
        aria-label={t('shell.mainNavigation')}
        className={classes.navbar}
      >
        <AppShell.Section grow component={ScrollArea} p="sm">
          <MainNav onNavigate={close} />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
        {children ?? <Outlet />}
      </AppShell.Main>
    </AppShell>
  );
}
