import { Button, Menu, type MantineSize } from '@mantine/core';
import {
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileTypePdf,
} from '@tabler/icons-react';
import { useDownload } from '../lib/useDownload';

export type ExportFormat = 'pdf' | 'xlsx';
export type ExportLang = 'ja' | 'en';

export interface FormatLanguageItem {
  format: ExportFormat;
  lang: ExportLang;
  label: string;
}

/**
 * A download menu of one document in its formats and languages (PDF/XLSX ×
 * ja/en), each item a link the shared download hook follows with progress and
 * errors shown beside the menu.
 */
export function FormatLanguageMenu({
  label,
  items,
  url,
  size,
  width = 220,
}: {
  label: string;
  items: readonly FormatLanguageItem[];
  url: (format: ExportFormat, lang: ExportLang) => string;
  size?: MantineSize;
  width?: number;
}) {
  const download = useDownload();
  const small = size === 'xs';
  return (
    <>
      <Menu position="bottom-end" width={width} shadow="md" withinPortal>
        <Menu.Target>
          <Button
            {...(size ? { size } : {})}
            variant="default"
            loading={download.busy}
            leftSection={<IconDownload size={small ? 14 : 16} aria-hidden="true" />}
            rightSection={<IconChevronDown size={12} aria-hidden="true" />}
          >
            {label}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {items.map(({ format, lang, label: itemLabel }) => {
            const Icon = format === 'pdf' ? IconFileTypePdf : IconFileSpreadsheet;
            return (
              <Menu.Item
                key={`${format}-${lang}`}
                component="a"
                {...download.link(url(format, lang))}
                leftSection={<Icon size={16} aria-hidden="true" />}
              >
                {itemLabel}
              </Menu.Item>
            );
          })}
        </Menu.Dropdown>
      </Menu>
      {download.status}
    </>
  );
}
