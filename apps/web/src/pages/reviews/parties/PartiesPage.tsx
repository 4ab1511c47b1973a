import { Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconMessagePlus, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, LoadingRows } from '../../../components/QueryStates';
import { PageHeader } from '../../../components/PageHeader';
import { FormatLanguageMenu } from '../../../components/FormatLanguageMenu';
import { useSession } from '../../../session/useSession';
import { exportUrl, useParties, type InterestedParty, type PartyFeedback } from './api';
import { FeedbackFormModal } from './FeedbackFormModal';
import { FeedbackList } from './FeedbackList';
import { PartiesTable } from './PartiesTable';
import { PartyFormModal } from './PartyFormModal';
import { RespondModal } from './RespondModal';

type Dialog =
  | { kind: 'party'; party: InterestedParty | null }
  | { kind: 'feedback'; feedback: PartyFeedback | null }
  | { kind: 'respond'; feedback: PartyFeedback };

/**
 * Interested parties and what they tell the organization (6.2.b): the source
 * of the management review's input b. The ISMS manager keeps the parties and
 * answers; everyone who takes part records the feedback they hear.
 */
export function PartiesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const parties = useParties();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const manager = can('reviews:manage');
  const recorder = can('reviews:feedback');
  const close = () => setDialog(null);
  const hasActive = (parties.data ?? []).some((p) => p.active);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/management-review" fz="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden="true" />
          {t('reviewsParties.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={t('reviewsParties.title')}
        description={t('reviewsParties.description')}
        icon={<IconUsersGroup size={32} aria-hidden="true" />}
        actions={
          <Group gap="sm">
            <FormatLanguageMenu
              label={t('reviewsParties.export.button')}
              url={(_format, lang) => exportUrl(lang)}
              items={[
                { format: 'xlsx', lang: 'ja', label: t('reviewsParties.export.ja') },
                { format: 'xlsx', lang: 'en', label: t('reviewsParties.export.en') },
              ]}
            />
            {recorder && (
              <Button
                variant="light"
                leftSection={<IconMessagePlus size={16} aria-hidden="true" />}
                disabled={!hasActive}
                onClick={() => setDialog({ kind: 'feedback', feedback: null })}
              >
                {t('reviewsParties.feedback.newTitle')}
              </Button>
            )}
            {manager && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() => setDialog({ kind: 'party', party: null })}
              >
                {t('reviewsParties.party.newTitle')}
              </Button>
            )}
          </Group>
        }
      />
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('reviewsParties.parties.title')}
        </Title>
        {parties.isPending ? (
          <LoadingRows />
        ) : parties.isError ? (
          <ErrorState error={parties.error} onRetry={() => void parties.refetch()} />
        ) : (
          <PartiesTable
            parties={parties.data}
            onEdit={manager ? (party) => setDialog({ kind: 'party', party }) : undefined}
          />
        )}
      </Stack>
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('reviewsParties.feedback.title')}
        </Title>
        <FeedbackList
          parties={parties.data ?? []}
          onEdit={(feedback) => setDialog({ kind: 'feedback', feedback })}
          onRespond={(feedback) => setDialog({ kind: 'respond', feedback })}
        />
      </Stack>
      {dialog?.kind === 'party' && (
        <PartyFormModal key={dialog.party?.id ?? 'new'} party={dialog.party} onClose={close} />
      )}
      {dialog?.kind === 'feedback' && (
        <FeedbackFormModal
          key={dialog.feedback?.id ?? 'new'}
          feedback={dialog.feedback}
          parties={parties.data ?? []}
          onClose={close}
        />
      )}
      {dialog?.kind === 'respond' && (
        <RespondModal key={dialog.feedback.id} feedback={dialog.feedback} onClose={close} />
      )}
    </Stack>
  );
}
