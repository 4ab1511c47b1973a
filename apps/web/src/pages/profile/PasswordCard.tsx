import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { mySessionsKey } from '../../api/identity';
import { PasswordChangeForm } from '../../components/PasswordChangeForm';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toasts';

/** The password change on the profile page; every other session ends. */
export function PasswordCard() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  return (
    <SectionCard
      id="profile-password"
      title={t('profile.password.title')}
      description={t('profile.password.description')}
    >
      <PasswordChangeForm
        id="profile-password"
        onChanged={() => {
          toast.success(t('profile.password.changed'), t('profile.password.changedDetail'));
          void queryClient.invalidateQueries({ queryKey: mySessionsKey });
        }}
      />
    </SectionCard>
  );
}
