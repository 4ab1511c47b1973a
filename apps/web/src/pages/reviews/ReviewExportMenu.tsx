import { Button, Menu } from '@mantine/core';
import {
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileTypePdf,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDownload } from '../../lib/useDownload';
import { reviewExportUrl } from './api';

/** The minutes with the input pack as an annex, as PDF or XLSX, in Japanese or English. */
export function ReviewExportMenu({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  const download = useDownload();
  const items = [
    { format: 'pdf', lang: 'ja', label: t('reviews.export.pdfJa'), icon: IconFileTypePdf },
    { format: 'pdf', lang: 'en', label: t('reviews.export.pdfEn'), icon: IconFileTypePdf },
    { format: 'xlsx', lang: 'ja', label: t('reviews.export.xlsxJa'), icon: IconFileSpreadsheet },
    { format: 'xlsx', lang: 'en', label: t('reviews.export.xlsxEn'), icon: IconFileSpreadsheet },
  ] as const;
  return (
    <>
      <Menu position="bottom-end" width={220} shadow="md" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            loading={download.busy}
            leftSection={<IconDownload size={16} aria-hidden="true" />}
            rightSection={<IconChevronDown size={12} aria-hidden="true" />}
          >
            {t('reviews.export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {items.map(({ format, lang, label, icon: Icon }) => (
            <Menu.Item
              key={`${format}-${lang}`}
              component="a"
              {...download.link(reviewExportUrl(reviewId, format, lang))}
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
