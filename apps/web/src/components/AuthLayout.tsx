import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconFingerprint, IconLanguage, IconRefreshDot, IconShieldLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import classes from './AuthLayout.module.css';

/** The frame of the pages before the shell: log-in and first-run set-up. */
export function AuthLayout({
  title,
  description,
  children,
  width = 440,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  width?: number;
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: title }));
  const features = [
    {
      icon: IconRefreshDot,
      title: t('auth.features.pdca.title'),
      body: t('auth.features.pdca.body'),
    },
    {
      icon: IconFingerprint,
      title: t('auth.features.audit.title'),
      body: t('auth.features.audit.body'),
    },
    {
      icon: IconLanguage,
      title: t('auth.features.bilingual.title'),
      body: t('auth.features.bilingual.body'),
    },
  ];
  return (
    <div className={classes.root}>
      <aside className={classes.aside} aria-label={t('auth.about')}>
        <IconShieldLock size={420} stroke={1} className={classes.asideMark} aria-hidden="true" />
        <Stack gap={6}>
          <Text fw={800} fz={22} c="white">
            {t('app.name')}
          </Text>
          <Text fz="sm" c="indigo.1">
            {t('app.tagline')}
          </Text>
        </Stack>
        <Stack gap="xl" maw={440}>
          <Title order={2} c="white" fz={30} lh={1.3}>
            {t('auth.headline')}
          </Title>
          <Stack gap="lg">
            {features.map((feature) => (
              <div key={feature.title} className={classes.feature}>
                <div className={classes.featureIcon}>
                  <feature.icon size={18} stroke={1.7} aria-hidden="true" />
                </div>
                <Stack gap={2}>
                  <Text fw={600} c="white">
                    {feature.title}
                  </Text>
                  <Text fz="sm" c="indigo.0" lh={1.55}>
                    {feature.body}
                  </Text>
                </Stack>
              </div>
            ))}
          </Stack>
        </Stack>
        <Text fz="xs" c="indigo.1">
          {t('auth.footer')}
        </Text>
      </aside>
      <div className={classes.main}>
        <header className={classes.topbar}>
          <Box hiddenFrom="md">
            <Brand />
          </Box>
          <Box ml="auto">
            <LanguageSwitch />
          </Box>
        </header>
        <main className={classes.content} id="main-content">
          <Paper
            className={classes.card}
            maw={width}
            withBorder
            radius="lg"
            shadow="sm"
            p={{ base: 'lg', sm: 36 }}
          >
            <Stack gap="lg">
              <Stack gap={6}>
                <Title order={1} fz={26} lh={1.3}>
                  {title}
                </Title>
                {description && (
                  <Text c="dimmed" fz="sm">
                    {description}
                  </Text>
                )}
              </Stack>
              {children}
            </Stack>
          </Paper>
        </main>
      </div>
    </div>
  );
}
