import { Group, SegmentedControl } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isLocale, LOCALES } from '../i18n';
import { useSession } from '../session/useSession';

/**
 * 日本語 / English: a labelled radio group. The choice is remembered in this
 * browser (for the log-in page) and, signed in, saved as the user's language.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { changeLocale } = useSession();
  const value = isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    <Group gap={8} wrap="nowrap">
      <IconLanguage size={18} stroke={1.6} aria-hidden="true" color="var(--mantine-color-gray-7)" />
      <SegmentedControl
        size="xs"
        radius="xl"
        aria-label={t('language.label')}
        value={value}
        onChange={(next) => {
          if (isLocale(next)) void changeLocale(next);
        }}
        data={LOCALES.map((locale) => ({
          value: locale,
          label: <span lang={locale}>{t(`language.${locale}`)}</span>,
        }))}
      />
    </Group>
  );
}
