import { useTranslation } from 'react-i18next';
import { FormatLanguageMenu } from '../../components/FormatLanguageMenu';
import { trainingReportUrl } from '../../api/training';

/** The training records report (per person, with a summary per unit) as XLSX or PDF, ja/en. */
export function ReportMenu({
  filter = {},
}: {
  filter?: { courseId?: string | null; unitId?: string | null };
}) {
  const { t } = useTranslation();
  return (
    <FormatLanguageMenu
      label={t('training.report.button')}
      url={(format, lang) => trainingReportUrl(format, lang, filter)}
      items={[
        { format: 'xlsx', lang: 'ja', label: t('training.report.xlsxJa') },
        { format: 'xlsx', lang: 'en', label: t('training.report.xlsxEn') },
        { format: 'pdf', lang: 'ja', label: t('training.report.pdfJa') },
        { format: 'pdf', lang: 'en', label: t('training.report.pdfEn') },
      ]}
    />
  );
}
