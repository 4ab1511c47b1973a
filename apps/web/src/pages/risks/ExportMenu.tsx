import { Button, Menu, SegmentedControl, Stack, Text } from '@mantine/core';
import {
  IconChevronDown,
  IconDownload,
  IconFileSpreadsheet,
  IconFileTypePdf,
} from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@mamoru/contracts';
import { queryString } from '../../api/types';
import { currentLocale } from '../../i18n';
import { useDownload } from '../../lib/useDownload';

const FORMATS = ['xlsx', 'pdf'] as const;

/** Where the server builds each report; the register's filters narrow the assessment report. */
export function riskReportUrl(
  report: 'report' | 'plan',
  format: (typeof FORMATS)[number],
  lang: Locale,
  filter: Record<string, string | number | null | undefined> = {},
) {
  const path = report === 'report' ? '/api/v1/risks/export' : '/api/v1/treatment-plan/export';
  return `${path}${queryString({ ...filter, format, lang })}`;
}

/** The risk assessment report and the risk treatment plan, as XLSX or PDF, in ja or en. */
export function RisksExportMenu() {
  const { t } = useTranslation();
  const [lang, setLang] = useState<Locale>(currentLocale);
  const download = useDownload();
  return (
    <>
      <Menu position="bottom-end" withinPortal closeOnItemClick>
        <Menu.Target>
          <Button
            variant="default"
            loading={download.busy}
            leftSection={<IconDownload size={16} aria-hidden="true" />}
            rightSection={<IconChevronDown size={14} aria-hidden="true" />}
          >
            {t('risks.exports.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={260}>
          <Stack gap={4} p="xs">
            <Text fz="xs" c="dimmed" id="risks-export-language">
              {t('risks.exports.language')}
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby="risks-export-language"
              value={lang}
              onChange={(value) => setLang(value as Locale)}
              data={[
                { value: 'ja', label: t('language.ja') },
                { value: 'en', label: t('language.en') },
              ]}
            />
          </Stack>
          {(['report', 'plan'] as const).map((report) => (
            <Fragment key={report}>
              <Menu.Divider />
              <Menu.Label>{t(`risks.exports.${report}`)}</Menu.Label>
              {FORMATS.map((format) => (
                <Menu.Item
                  key={format}
                  component="a"
                  {...download.link(riskReportUrl(report, format, lang))}
                  leftSection={
                    format === 'xlsx' ? (
                      <IconFileSpreadsheet size={16} aria-hidden="true" />
                    ) : (
                      <IconFileTypePdf size={16} aria-hidden="true" />
                    )
                  }
                >
                  {`${t(`risks.exports.${report}`)} · ${t(`risks.exports.${format}`)}`}
                </Menu.Item>
              ))}
            </Fragment>
          ))}
        </Menu.Dropdown>
      </Menu>
      {download.status}
    </>
  );
}
