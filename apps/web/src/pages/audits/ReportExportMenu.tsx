import { useTranslation } from 'react-i18next';
import { FormatLanguageMenu } from '../../components/FormatLanguageMenu';
import { reportExportUrl } from './reportApi';

/** The approved report as PDF or XLSX, in Japanese or English. */
export function ReportExportMenu({ auditId }: { auditId: string }) {
  const { t } = useTranslation();
  return (
    <FormatLanguageMenu
      size="xs"
      label={t('auditReport.export.button')}
      url={(format, lang) => reportExportUrl(auditId, format, lang)}
      items={[
        { format: 'pdf', lang: 'ja', label: t('auditReport.export.pdfJa') },
        { format: 'pdf', lang: 'en', label: t('auditReport.export.pdfEn') },
        { format: 'xlsx', lang: 'ja', label: t('auditReport.export.xlsxJa') },
        { format: 'xlsx', lang: 'en', label: t('auditReport.export.xlsxEn') },
      ]}
    />
  );
}
