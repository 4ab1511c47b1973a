import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconMessage2, IconMessageReply, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock, ErrorState, LoadingRows } from '../../../components/QueryStates';
import { useSession } from '../../../session/useSession';
import {
  useFeedbackList,
  type FeedbackFilter,
  type InterestedParty,
  type PartyFeedback,
} from './api';

const SENTIMENT_COLOR = { positive: 'teal', neutral: 'gray', negative: 'red' } as const;

/**
 * Feedback newest first, filtered by party, state and received dates. A
 * manager answers; the person who recorded an unanswered entry may correct it.
 */
export function FeedbackList({
  parties,
  onEdit,
  onRespond,
}: {
  parties: InterestedParty[];
  onEdit: (feedback: PartyFeedback) => void;
  onRespond: (feedback: PartyFeedback) => void;
}) {
  const { t } = useTranslation();
  const { can, info } = useSession();
  const manager = can('reviews:manage');
  const [filter, setFilter] = useState<FeedbackFilter>({ open: null });
  const list = useFeedbackList(filter);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const state = filter.open == null ? 'all' : filter.open ? 'open' : 'answered';
  const filtered = Boolean(filter.partyId || filter.from || filter.to || filter.open != null);
  const canEdit = (f: PartyFeedback) =>
    manager || (f.recordedBy?.id === info?.user.id && f.respondedOn === null);

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('reviewsParties.feedback.party')}
          placeholder={t('reviewsParties.filters.allParties')}
          data={parties.map((p) => ({ value: p.id, label: p.name }))}
          value={filter.partyId ?? null}
          onChange={(partyId) => setFilter((f) => ({ ...f, partyId }))}
          clearable
          searchable
          w={240}
        />
        <SegmentedControl
          aria-label={t('reviewsParties.filters.state')}
          value={state}
          onChange={(v) => setFilter((f) => ({ ...f, open: v === 'all' ? null : v === 'open' }))}
          data={[
            { value: 'all', label: t('reviewsParties.filters.all') },
            { value: 'open', label: t('reviewsParties.filters.open') },
            { value: 'answered', label: t('reviewsParties.filters.answered') },
          ]}
        />
        <TextInput
          type="date"
          label={t('reviewsParties.filters.from')}
          value={filter.from ?? ''}
          onChange={(e) => {
            const from = e.currentTarget.value;
            setFilter((f) => ({ ...f, from }));
          }}
        />
        <TextInput
          type="date"
          label={t('reviewsParties.filters.to')}
          value={filter.to ?? ''}
          onChange={(e) => {
            const to = e.currentTarget.value;
            setFilter((f) => ({ ...f, to }));
          }}
        />
      </Group>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconMessage2 size={28} aria-hidden="true" />}
          title={t(
            filtered ? 'reviewsParties.feedback.noneMatching' : 'reviewsParties.feedback.empty',
          )}
          description={filtered ? undefined : t('reviewsParties.feedback.emptyHint')}
        />
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((f) => (
            <Card key={f.id} withBorder padding="md" component="li">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={4}>
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {f.party.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {f.receivedOn} · {t(`reviewsParties.channels.${f.channel}`)}
                    </Text>
                    <Badge variant="light" color={SENTIMENT_COLOR[f.sentiment]}>
                      {t(`reviewsParties.sentiments.${f.sentiment}`)}
                    </Badge>
                    {f.respondedOn === null && (
                      <Badge variant="light" color="orange">
                        {t('reviewsParties.feedback.awaiting')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {f.content}
                  </Text>
                  {f.respondedOn !== null && (
                    <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {t('reviewsParties.feedback.responded', { date: f.respondedOn })} {f.response}
                    </Text>
                  )}
                  {f.recordedBy && (
                    <Text size="xs" c="dimmed">
                      {t('reviewsParties.feedback.recordedBy', { name: f.recordedBy.name })}
                    </Text>
                  )}
                </Stack>
                <Group gap="xs" wrap="nowrap">
                  {canEdit(f) && (
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconPencil size={14} aria-hidden="true" />}
                      onClick={() => onEdit(f)}
                    >
                      {t('reviewsParties.feedback.edit')}
                    </Button>
                  )}
                  {manager && (
                    <Button
                      size="xs"
                      variant="light"
                      leftSection={<IconMessageReply size={14} aria-hidden="true" />}
                      onClick={() => onRespond(f)}
                    >
                      {t(
                        f.respondedOn === null
                          ? 'reviewsParties.respond.action'
                          : 'reviewsParties.respond.change',
                      )}
                    </Button>
                  )}
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={list.isFetchingNextPage}
            onClick={() => void list.fetchNextPage()}
          >
            {t('reviewsParties.feedback.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
