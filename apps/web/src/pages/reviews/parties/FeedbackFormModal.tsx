import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/QueryStates';
import { problemFields, unplacedText } from '../../../lib/problemFields';
import {
  CHANNELS,
  SENTIMENTS,
  useRecordFeedback,
  useUpdateFeedback,
  type InterestedParty,
  type PartyFeedback,
} from './api';

const today = () => new Date().toISOString().slice(0, 10);

/** Records what an interested party said, or corrects an entry. */
export function FeedbackFormModal({
  feedback,
  parties,
  onClose,
}: {
  /** null: new feedback. */
  feedback: PartyFeedback | null;
  parties: InterestedParty[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useRecordFeedback();
  const update = useUpdateFeedback();
  const saving = feedback ? update : create;
  // New feedback goes to an active party; an entry keeps the party it has.
  const choices = parties.filter((p) => p.active || p.id === feedback?.party.id);
  const [partyId, setPartyId] = useState<string | null>(
    feedback?.party.id ?? choices[0]?.id ?? null,
  );
  const [receivedOn, setReceivedOn] = useState(feedback?.receivedOn ?? today());
  const [channel, setChannel] = useState<PartyFeedback['channel']>(feedback?.channel ?? 'meeting');
  const [sentiment, setSentiment] = useState<PartyFeedback['sentiment']>(
    feedback?.sentiment ?? 'neutral',
  );
  const [content, setContent] = useState(feedback?.content ?? '');
  const [touched, setTouched] = useState(false);
  const problem = problemFields(saving.error, {
    partyId: t('reviewsParties.feedback.party'),
    receivedOn: t('reviewsParties.feedback.receivedOn'),
    channel: t('reviewsParties.feedback.channel'),
    sentiment: t('reviewsParties.feedback.sentiment'),
    content: t('reviewsParties.feedback.content'),
  });
  const required = (value: string | null) =>
    touched && !value?.trim() ? t('reviewsParties.form.required') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!partyId || !receivedOn || !content.trim()) return;
    const body = { partyId, receivedOn, channel, sentiment, content };
    if (feedback) update.mutate({ feedback, body }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(feedback ? 'reviewsParties.feedback.editTitle' : 'reviewsParties.feedback.newTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={saving.error} extra={problem.unplaced.map(unplacedText)} />
          <Select
            label={t('reviewsParties.feedback.party')}
            data={choices.map((p) => ({ value: p.id, label: p.name }))}
            value={partyId}
            onChange={setPartyId}
            searchable
            required
            error={required(partyId) ?? problem.error('partyId')}
          />
          <TextInput
            type="date"
            label={t('reviewsParties.feedback.receivedOn')}
            value={receivedOn}
            onChange={(e) => setReceivedOn(e.currentTarget.value)}
            required
            error={required(receivedOn) ?? problem.error('receivedOn')}
          />
          <Group grow align="flex-start">
            <Select
              label={t('reviewsParties.feedback.channel')}
              data={CHANNELS.map((c) => ({ value: c, label: t(`reviewsParties.channels.${c}`) }))}
              value={channel}
              onChange={(v) => v && setChannel(v as PartyFeedback['channel'])}
              allowDeselect={false}
              error={problem.error('channel')}
            />
            <Select
              label={t('reviewsParties.feedback.sentiment')}
              data={SENTIMENTS.map((s) => ({
                value: s,
                label: t(`reviewsParties.sentiments.${s}`),
              }))}
              value={sentiment}
              onChange={(v) => v && setSentiment(v as PartyFeedback['sentiment'])}
              allowDeselect={false}
              error={problem.error('sentiment')}
            />
          </Group>
          <Textarea
            label={t('reviewsParties.feedback.content')}
            value={content}
            onChange={(e) => setContent(e.currentTarget.value)}
            required
            error={required(content) ?? problem.error('content')}
            autosize
            minRows={3}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('reviewsParties.form.cancel')}
            </Button>
            <Button type="submit" loading={saving.isPending}>
              {t('reviewsParties.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
