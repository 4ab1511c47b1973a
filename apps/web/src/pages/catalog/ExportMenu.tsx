import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileCode, IconJson } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { exportUrl, type CatalogLibrary } from '../../api/catalog';
import { isLocale } from '../../i18n';
import { useDownload } from '../../lib/useDownload';
import { useLanguageName } from './LocalizedText';

/**
 * Downloads of the library: OSCAL 1.1 JSON in one of its languages, or
 * Mamoru's own JSON with every language. Exports hold the published document
 * only: own controls and licensed text stay inside Mamoru.
 */
export function ExportMenu({ library }: { library: CatalogLibrary }) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const download = useDownload();
  const locales = library.languages.filter(isLocale);
  return (
    <>
      <Menu position="bottom-end" width={300} shadow="md" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            loading={download.busy}
            leftSection={<IconDownload size={16} aria-hidden="true" />}
            rightSection={<IconChevronDown size={14} aria-hidden="true" />}
          >
            {t('catalog.export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('catalog.export.oscal')}</Menu.Label>
          {locales.map((locale) => (
            <Menu.Item
              key={locale}
              component="a"
              {...download.link(exportUrl(library.id, 'oscal', locale))}
              leftSection={<IconFileCode size={16} aria-hidden="true" />}
            >
              {t('catalog.export.oscalIn', { language: languageName(locale) })}
            </Menu.Item>
          ))}
          {locales.length === 0 && (
            <Menu.Item
              component="a"
              {...download.link(exportUrl(library.id, 'oscal'))}
              leftSection={<IconFileCode size={16} aria-hidden="true" />}
            >
              {t('catalog.export.oscalDefault')}
            </Menu.Item>
          )}
          <Menu.Divider />
          <Menu.Label>{t('catalog.export.native')}</Menu.Label>
          <Menu.Item
            component="a"
            {...download.link(exportUrl(library.id, 'native'))}
            leftSection={<IconJson size={16} aria-hidden="true" />}
          >
            {t('catalog.export.nativeAll')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label style={{ whiteSpace: 'normal' }}>{t('catalog.export.note')}</Menu.Label>
        </Menu.Dropdown>
      </Menu>
      {download.status}
    </>
  );
}
