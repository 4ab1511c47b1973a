import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields } from '../../lib/problemFields';
import { AttendeesField, attendeeRows, type AttendeeRow } from './AttendeesField';
import { usePlanReview, useUpdateReview, type ManagementReview } from './api';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Plans a review (title, date, place, agenda, who attends) or edits one not yet
 * held. An empty agenda on a new review gets the server's default one.
 */
export function ReviewFormModal({
  review,
  onClose,
}: {
  review?: ManagementReview;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const plan = usePlanReview();
  const update = useUpdateReview();
  const mutation = review ? update : plan;
  const [title, setTitle] = useState(review?.title ?? '');
  const [plannedOn, setPlannedOn] = useState(review?.plannedOn ?? '');
  const [location, setLocation] = useState(review?.location ?? '');
  const [agenda, setAgenda] = useState((review?.agenda ?? []).join('\n'));
  const [attendees, setAttendees] = useState<AttendeeRow[]>(() => attendeeRows(review));
  const [touched, setTouched] = useState(false);
  const problem = problemFields(
    mutation.error,
    {
      title: t('reviews.form.title'),
      plannedOn: t('reviews.form.plannedOn'),
      location: t('reviews.form.location'),
      agenda: t('reviews.form.agenda'),
      'agenda.**': t('reviews.form.agenda'),
      attendees: t('reviews.form.attendees'),
      'attendees.*.userId': t('reviews.form.attendeeName'),
      'attendees.*.name': t('reviews.form.guestName'),
    },
    [
      'title',
      'plannedOn',
      'location',
      'agenda',
      'agenda.**',
      'attendees',
      'attendees.*.userId',
      'attendees.*.name',
    ],
  );
  const required = (value: string) =>
    touched && !value.trim() ? t('reviews.form.required') : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!title.trim() || !plannedOn) return;
    const body = {
      title,
      plannedOn,
      location,
      attendees: attendees.map((a) => ({ userId: a.userId, name: a.name, role: a.role })),
      ...(lines(agenda).length > 0 || review ? { agenda: lines(agenda) } : {}),
    };
    if (review) update.mutate({ review, input: body }, { onSuccess: onClose });
    else plan.mutate(body, { onSuccess: (r) => void navigate(`/management-review/${r.id}`) });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={review ? t('reviews.form.editTitle') : t('reviews.form.planTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={mutation.error}
            staleTitle={t('reviews.stale.title')}
            staleBody={t('reviews.stale.body')}
            fields={problem}
          />
          <TextInput
            label={t('reviews.form.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            error={required(title) ?? problem.error('title')}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t('reviews.form.plannedOn')}
              value={plannedOn}
              onChange={(e) => setPlannedOn(e.currentTarget.value)}
              required
              error={required(plannedOn) ?? problem.error('plannedOn')}
            />
            <TextInput
              label={t('reviews.form.location')}
              value={location}
              onChange={(e) => setLocation(e.currentTarget.value)}
              error={problem.error('location')}
            />
          </Group>
          <Textarea
            label={t('reviews.form.agenda')}
            description={review ? undefined : t('reviews.form.agendaHint')}
            value={agenda}
            onChange={(e) => setAgenda(e.currentTarget.value)}
            error={problem.error('agenda')}
            autosize
            minRows={3}
          />
          <AttendeesField
            rows={attendees}
            onChange={setAttendees}
            error={problem.byField.attendees}
            rowError={problem.error}
            review={review}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {review ? t('reviews.form.save') : t('reviews.form.plan')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
