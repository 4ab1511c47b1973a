import { useTranslation } from 'react-i18next';
import { FormatLanguageMenu } from '../../components/FormatLanguageMenu';
import { reviewExportUrl } from './api';

/** The minutes with the input pack as an annex, as PDF or XLSX, in Japanese or English. */
export function ReviewExportMenu({ reviewId }: { reviewId: string }) {
  const { t } = useTranslation();
  return (
    <FormatLanguageMenu
      label={t('reviews.export.button')}
      url={(format, lang) => reviewExportUrl(reviewId, format, lang)}
      items={[
        { format: 'pdf', lang: 'ja', label: t('reviews.export.pdfJa') },
        { format: 'pdf', lang: 'en', label: t('reviews.export.pdfEn') },
        { format: 'xlsx', lang: 'ja', label: t('reviews.export.xlsxJa') },
        { format: 'xlsx', lang: 'en', label: t('reviews.export.xlsxEn') },
      ]}
    />
  );
}
