import { Alert, Button, Checkbox, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconDeviceFloppy, IconGavel } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '../../components/QueryStates';
import { SaveProblem } from '../../components/SaveProblem';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { problemFields } from '../../lib/problemFields';
import { useSession } from '../../session/useSession';
import {
  useHoldReview,
  useInputPack,
  useSaveMinutes,
  type ManagementReview,
  type ReviewInputSection,
} from './api';

const today = () => new Date().toISOString().slice(0, 10);

/** Who attended, one checkbox per invited person. */
function Attendance({
  review,
  value,
  onChange,
  readOnly,
}: {
  review: ManagementReview;
  value: Record<string, boolean>;
  onChange: (value: Record<string, boolean>) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('reviews.minutes.attendance')}
      </Text>
      {review.attendees.map((a) => (
        <Checkbox
          key={a.id}
          label={t('reviews.minutes.attendee', {
            name: a.user?.name ?? a.name,
            role: t(`reviews.attendeeRole.${a.role}`),
          })}
          checked={value[a.id] ?? false}
          disabled={readOnly}
          onChange={(e) => onChange({ ...value, [a.id]: e.currentTarget.checked })}
        />
      ))}
    </Stack>
  );
}

/**
 * The minutes: the review is held on a date with its attendance; while held the
 * summary and the discussion of each input are written (If-Match on each save).
 */
export function MinutesPanel({ review }: { review: ManagementReview }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const pack = useInputPack(review.id, review.status !== 'cancelled');
  if (review.status === 'planned' || review.status === 'cancelled')
    return <Text c="dimmed">{t('reviews.minutes.notYet')}</Text>;
  if (pack.isPending) return <LoadingBlock />;
  const manage = can('reviews:manage');
  const sections = pack.data?.sections ?? [];
  if (review.status === 'inputs_prepared')
    return manage ? (
      <HoldForm review={review} />
    ) : (
      <Text c="dimmed">{t('reviews.minutes.notYet')}</Text>
    );
  return (
    <MinutesForm
      key={review.version}
      review={review}
      sections={sections}
      editable={manage && review.status === 'held'}
    />
  );
}

function HoldForm({ review }: { review: ManagementReview }) {
  const { t } = useTranslation();
  const hold = useHoldReview();
  const [heldOn, setHeldOn] = useState(today());
  const [attended, setAttended] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(review.attendees.map((a) => [a.id, true])),
  );
  const problem = problemFields(hold.error, {
    heldOn: t('reviews.minutes.heldOn'),
    attendance: t('reviews.minutes.attendance'),
    'attendance.**': t('reviews.minutes.attendance'),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!heldOn) return;
    hold.mutate({
      review,
      input: {
        heldOn,
        attendance: review.attendees.map((a) => ({
          attendeeId: a.id,
          attended: attended[a.id] ?? false,
        })),
      },
    });
  };
  return (
    <SectionCard id="review-hold" title={t('reviews.minutes.holdTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('reviews.minutes.holdHelp')}
          </Text>
          <SaveProblem
            error={hold.error}
            staleTitle={t('reviews.stale.title')}
            staleBody={t('reviews.stale.body')}
            fields={problem}
          />
          <TextInput
            type="date"
            label={t('reviews.minutes.heldOn')}
            value={heldOn}
            onChange={(e) => setHeldOn(e.currentTarget.value)}
            required
            error={problem.error('heldOn')}
            w={220}
          />
          <Attendance review={review} value={attended} onChange={setAttended} readOnly={false} />
          {problem.error('attendance') && (
            <Text size="sm" c="red">
              {problem.error('attendance')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={hold.isPending}
              leftSection={<IconGavel size={16} aria-hidden="true" />}
            >
              {t('reviews.minutes.hold')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}

function MinutesForm({
  review,
  sections,
  editable,
}: {
  review: ManagementReview;
  sections: ReviewInputSection[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSaveMinutes();
  const [heldOn, setHeldOn] = useState(review.heldOn ?? '');
  const [summary, setSummary] = useState(review.minutesSummary);
  const [attended, setAttended] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(review.attendees.map((a) => [a.id, a.attended ?? false])),
  );
  // Only the inputs typed into are held here; the others show the pack's text as it is
  // read (it may arrive after the review), so a save never sends back a stale text.
  const [edited, setEdited] = useState<Record<string, string>>({});
  const textOf = (s: ReviewInputSection) => edited[s.section] ?? s.discussion;
  const problem = problemFields(save.error, {
    heldOn: t('reviews.minutes.heldOn'),
    minutesSummary: t('reviews.minutes.summary'),
    'attendance.**': t('reviews.minutes.attendance'),
    'discussion.**': t('reviews.minutes.discussion'),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      review,
      input: {
        heldOn: heldOn || undefined,
        minutesSummary: summary,
        attendance: review.attendees.map((a) => ({
          attendeeId: a.id,
          attended: attended[a.id] ?? false,
        })),
        discussion: sections
          .filter((s) => textOf(s) !== s.discussion)
          .map((s) => ({ section: s.section, text: textOf(s) })),
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        {review.status === 'held' && !editable && (
          <Alert variant="light">{t('reviews.minutes.draft')}</Alert>
        )}
        <SaveProblem
          error={save.error}
          staleTitle={t('reviews.stale.title')}
          staleBody={t('reviews.stale.body')}
          fields={problem}
        />
        <SectionCard id="review-minutes" title={t('reviews.minutes.title')}>
          <Stack gap="md">
            {editable ? (
              <TextInput
                type="date"
                label={t('reviews.minutes.heldOn')}
                value={heldOn}
                onChange={(e) => setHeldOn(e.currentTarget.value)}
                error={problem.error('heldOn')}
                w={220}
              />
            ) : (
              <Text size="sm">
                {t('reviews.minutes.heldOn')}: {review.heldOn ? format.date(review.heldOn) : '—'}
              </Text>
            )}
            <Attendance
              review={review}
              value={attended}
              onChange={setAttended}
              readOnly={!editable}
            />
            <Textarea
              label={t('reviews.minutes.summary')}
              value={summary}
              onChange={(e) => setSummary(e.currentTarget.value)}
              readOnly={!editable}
              error={problem.error('minutesSummary')}
              autosize
              minRows={3}
            />
          </Stack>
        </SectionCard>
        <SectionCard id="review-discussion" title={t('reviews.minutes.discussionTitle')}>
          <Stack gap="md">
            {sections.map((s) => (
              <Textarea
                key={s.section}
                label={t(`reviews.sections.${s.section}`)}
                value={textOf(s)}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  setEdited((d) => ({ ...d, [s.section]: text }));
                }}
                readOnly={!editable}
                placeholder={editable ? t('reviews.minutes.discussionPlaceholder') : undefined}
                autosize
                minRows={2}
              />
            ))}
          </Stack>
        </SectionCard>
        {editable && (
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={save.isPending}
              leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
            >
              {t('reviews.minutes.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
