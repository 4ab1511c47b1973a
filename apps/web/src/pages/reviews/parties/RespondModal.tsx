import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/QueryStates';
import { problemFields, unplacedText } from '../../../lib/problemFields';
import { useRespondFeedback, type PartyFeedback } from './api';

const today = () => new Date().toISOString().slice(0, 10);

/** The organization's response to a piece of feedback (a later one replaces it). */
export function RespondModal({
  feedback,
  onClose,
}: {
  feedback: PartyFeedback;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const respond = useRespondFeedback();
  const [response, setResponse] = useState(feedback.response);
  const [respondedOn, setRespondedOn] = useState(feedback.respondedOn ?? today());
  const [touched, setTouched] = useState(false);
  const problem = problemFields(respond.error, {
    response: t('reviewsParties.respond.response'),
    respondedOn: t('reviewsParties.respond.respondedOn'),
  });
  const required = (value: string) =>
    touched && !value.trim() ? t('reviewsParties.form.required') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!response.trim() || !respondedOn) return;
    respond.mutate({ feedback, body: { response, respondedOn } }, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('reviewsParties.respond.title', { party: feedback.party.name })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={respond.error} extra={problem.unplaced.map(unplacedText)} />
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {feedback.content}
          </Text>
          <Textarea
            label={t('reviewsParties.respond.response')}
            value={response}
            onChange={(e) => setResponse(e.currentTarget.value)}
            required
            error={required(response) ?? problem.error('response')}
            autosize
            minRows={3}
          />
          <TextInput
            type="date"
            label={t('reviewsParties.respond.respondedOn')}
            value={respondedOn}
            onChange={(e) => setRespondedOn(e.currentTarget.value)}
            required
            error={required(respondedOn) ?? problem.error('respondedOn')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('reviewsParties.form.cancel')}
            </Button>
            <Button type="submit" loading={respond.isPending}>
              {t('reviewsParties.respond.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
