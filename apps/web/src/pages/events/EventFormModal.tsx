import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ISMS_EVENT_CATEGORIES } from '@mamoru/contracts';
import { FormError } from '../../components/QueryStates';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useSaveIsmsEvent, type IsmsEvent, type IsmsEventCategory } from './api';

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as a datetime-local input shows it: the browser's own time zone, to the minute. */
export function toLocalInput(value: Date) {
  return (
    `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}` +
    `T${pad(value.getHours())}:${pad(value.getMinutes())}`
  );
}

/**
 * Records an event by hand (what happened outside Mamoru and may affect the
 * ISMS), or edits one. The server checks the same rules; its field errors
 * show beside the inputs.
 */
export function EventFormModal({
  event,
  onClose,
}: {
  event: IsmsEvent | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveIsmsEvent();
  const [occurredAt, setOccurredAt] = useState(() =>
    toLocalInput(event ? new Date(event.occurredAt) : new Date()),
  );
  const [category, setCategory] = useState<string | null>(event?.category ?? null);
  const [title, setTitle] = useState(event?.title ?? '');
  const [description, setDescription] = useState(event?.description ?? '');
  const [impact, setImpact] = useState(event?.impact ?? '');
  const [touched, setTouched] = useState(false);
  const labels = {
    occurredAt: t('events.form.occurredAt'),
    category: t('events.form.category'),
    title: t('events.form.title'),
    description: t('events.form.description'),
    impact: t('events.form.impact'),
  };
  const problem = problemFields(save.error, labels, Object.keys(labels));
  const required = (value: string | null) =>
    touched && !value?.trim() ? t('events.form.required') : undefined;
  // Checked on submit (it depends on the clock, not only on what was typed).
  const [whenError, setWhenError] = useState<'required' | 'future' | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    const when = occurredAt ? new Date(occurredAt) : null;
    const problemOfWhen =
      !when || Number.isNaN(when.getTime())
        ? 'required'
        : when.getTime() > Date.now()
          ? 'future'
          : null;
    setWhenError(problemOfWhen);
    if (!when || problemOfWhen || !category || !title.trim()) return;
    save.mutate(
      {
        id: event?.id ?? null,
        body: {
          occurredAt: when.toISOString(),
          category: category as IsmsEventCategory,
          title,
          description,
          impact,
        },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={event ? t('events.form.editTitle') : t('events.form.newTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={save.error} extra={problem.unplaced.map(unplacedText)} />
          <TextInput
            type="datetime-local"
            label={labels.occurredAt}
            value={occurredAt}
            onChange={(e) => setOccurredAt(e.currentTarget.value)}
            required
            error={whenError ? t(`events.form.${whenError}`) : problem.error('occurredAt')}
          />
          <Select
            label={labels.category}
            placeholder={t('events.form.chooseCategory')}
            data={ISMS_EVENT_CATEGORIES.map((c) => ({
              value: c,
              label: t(`events.category.${c}`),
            }))}
            value={category}
            onChange={setCategory}
            required
            error={required(category) ?? problem.error('category')}
          />
          <TextInput
            label={labels.title}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={300}
            error={required(title) ?? problem.error('title')}
          />
          <Textarea
            label={labels.description}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={problem.error('description')}
            autosize
            minRows={3}
          />
          <Textarea
            label={labels.impact}
            description={t('events.form.impactHint')}
            value={impact}
            onChange={(e) => setImpact(e.currentTarget.value)}
            error={problem.error('impact')}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('events.form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {event ? t('events.form.save') : t('events.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
