import { Button, Menu } from '@mantine/core';
import {
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileTypePdf,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDownload } from '../../lib/useDownload';
import { exportUrl } from './api';

/** XLSX (Japanese auditor layout or English) and PDF with a cover page, ja or en. */
export function ExportMenu({ soaId, versionId }: { soaId: string; versionId?: string }) {
  const { t } = useTranslation();
  const download = useDownload();
  const items = [
    { format: 'xlsx', lang: 'ja', label: t('soa.export.xlsxJa'), icon: IconFileSpreadsheet },
    { format: 'xlsx', lang: 'en', label: t('soa.export.xlsxEn'), icon: IconFileSpreadsheet },
    { format: 'pdf', lang: 'ja', label: t('soa.export.pdfJa'), icon: IconFileTypePdf },
    { format: 'pdf', lang: 'en', label: t('soa.export.pdfEn'), icon: IconFileTypePdf },
  ] as const;
  return (
    <>
      <Menu position="bottom-end" width={280} shadow="md" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            loading={download.busy}
            leftSection={<IconDownload size={16} aria-hidden="true" />}
            rightSection={<IconChevronDown size={14} aria-hidden="true" />}
          >
            {t('soa.export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {items.map(({ format, lang, label, icon: Icon }) => (
            <Menu.Item
              key={`${format}-${lang}`}
              component="a"
              {...download.link(exportUrl(soaId, format, lang, versionId))}
              leftSection={<Icon size={16} aria-hidden="true" />}
            >
              {label}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
      {download.status}
    </>
  );
}
