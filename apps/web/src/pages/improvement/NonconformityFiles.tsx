import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { useSession } from '../../session/useSession';
import { ImprovementFiles } from './ActionFiles';
import type { NonconformityDetail } from './api';

/** Files showing the nonconformity itself; the ISMS manager attaches them until it is closed. */
export function NonconformityFiles({ nc }: { nc: NonconformityDetail }) {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <SectionCard id="nc-files" title={t('improvement.files.ofNonconformity')}>
      <ImprovementFiles
        ownerType="nonconformity"
        ownerId={nc.id}
        editable={nc.status !== 'closed' && can('improvement:manage')}
      />
    </SectionCard>
  );
}
