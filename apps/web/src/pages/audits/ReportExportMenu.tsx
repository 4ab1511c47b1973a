import { Button, Menu } from '@mantine/core';
import {
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileTypePdf,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDownload } from '../../lib/useDownload';
import { reportExportUrl } from './reportApi';

/** The approved report as PDF or XLSX, in Japanese or English. */
export function ReportExportMenu({ auditId }: { auditId: string }) {
  const { t } = useTranslation();
  const download = useDownload();
  const items = [
    { format: 'pdf', lang: 'ja', label: t('auditReport.export.pdfJa'), icon: IconFileTypePdf },
    { format: 'pdf', lang: 'en', label: t('auditReport.export.pdfEn'), icon: IconFileTypePdf },
    {
      format: 'xlsx',
      lang: 'ja',
      label: t('auditReport.export.xlsxJa'),
      icon: IconFileSpreadsheet,
    },
    {
      format: 'xlsx',
      lang: 'en',
      label: t('auditReport.export.xlsxEn'),
      icon: IconFileSpreadsheet,
    },
  ] as const;
  return (
    <>
      <Menu position="bottom-end" width={220} shadow="md" withinPortal>
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            loading={download.busy}
            leftSection={<IconDownload size={14} aria-hidden="true" />}
            rightSection={<IconChevronDown size={12} aria-hidden="true" />}
          >
            {t('auditReport.export.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {items.map(({ format, lang, label, icon: Icon }) => (
            <Menu.Item
              key={`${format}-${lang}`}
              component="a"
              {...download.link(reportExportUrl(auditId, format, lang))}
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
