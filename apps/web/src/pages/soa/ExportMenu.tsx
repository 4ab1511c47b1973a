import { useTranslation } from 'react-i18next';
import { FormatLanguageMenu } from '../../components/FormatLanguageMenu';
import { exportUrl } from './api';

/** XLSX (Japanese auditor layout or English) and PDF with a cover page, ja or en. */
export function ExportMenu({ soaId, versionId }: { soaId: string; versionId?: string }) {
  const { t } = useTranslation();
  return (
    <FormatLanguageMenu
      width={280}
      label={t('soa.export.button')}
      url={(format, lang) => exportUrl(soaId, format, lang, versionId)}
      items={[
        { format: 'xlsx', lang: 'ja', label: t('soa.export.xlsxJa') },
        { format: 'xlsx', lang: 'en', label: t('soa.export.xlsxEn') },
        { format: 'pdf', lang: 'ja', label: t('soa.export.pdfJa') },
        { format: 'pdf', lang: 'en', label: t('soa.export.pdfEn') },
      ]}
    />
  );
}
