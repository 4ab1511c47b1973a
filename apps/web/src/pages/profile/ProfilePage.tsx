import { Avatar, SimpleGrid, Stack } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { LoadingBlock } from '../../components/QueryStates';
import { AreaStrings } from '../../i18n/lazy-areas';
import { initials } from '../../components/UserMenu';
import { useSignedInSession } from '../../session/useSession';
import { PasswordCard } from './PasswordCard';
import { ProfileDetailsCard } from './ProfileDetailsCard';
import { SecurityCard } from './SecurityCard';
import { SessionsCard } from './SessionsCard';
import { TokensCard } from './TokensCard';

/** The signed-in user's own settings: profile, password, second factors, sessions, API tokens. */
export function ProfilePage() {
  const { t } = useTranslation();
  const { info } = useSignedInSession();
  return (
    <Stack gap="xl" maw={1200}>
      <PageHeader
        title={t('profile.title')}
        description={t('profile.description', { organization: info.organization.name })}
        icon={
          <Avatar color="indigo" radius="xl" size={52} aria-hidden="true">
            {initials(info.user.displayName)}
          </Avatar>
        }
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <ProfileDetailsCard key={`${info.user.id}:${info.user.version}`} />
        <PasswordCard />
      </SimpleGrid>
      {/* Its strings load with it; the rest of the page does not wait for them. */}
      <Suspense fallback={<LoadingBlock />}>
        <AreaStrings area="authentication">
          <SecurityCard />
        </AreaStrings>
      </Suspense>
      <SessionsCard />
      <TokensCard />
    </Stack>
  );
}
