import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentTransition } from '@mamoru/contracts';
import { FormActions } from '../../components/FormActions';
import { useTransitionIncident, type Incident } from './api-detail';
import { fromLocalInput, IncidentSaveProblem, toLocalInput } from './detail-shared';

type Target = IncidentTransition['to'];

/** A step forward: when it happened, a note, and for closing the lessons learned. */
function TransitionModal({
  incident,
  to,
  onClose,
}: {
  incident: Incident;
  to: Target;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const move = useTransitionIncident();
  const [opened] = useState(() => toLocalInput(new Date().toISOString()));
  const [at, setAt] = useState(opened);
  const [note, setNote] = useState('');
  const [lessons, setLessons] = useState(incident.lessonsLearned);
  const closing = to === 'closed';
  const title = t(`incidents.detail.workflowTo.${to}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The field shows minutes only: left as it was it means now, to the second, so a
    // step taken within the minute of the previous one is not dated before it.
    const when = at === opened ? new Date().toISOString() : fromLocalInput(at);
    move.mutate(
      {
        incident,
        body: {
          to,
          ...(when ? { at: when } : {}),
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(closing ? { lessonsLearned: lessons.trim() } : {}),
        },
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            type="datetime-local"
            label={t('incidents.detail.transition.at')}
            value={at}
            onChange={(e) => setAt(e.currentTarget.value)}
          />
          <Textarea
            label={t('incidents.detail.fields.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          {closing && (
            <>
              <Textarea
                label={t('incidents.detail.fields.lessonsLearned')}
                description={t('incidents.detail.transition.lessonsHint')}
                value={lessons}
                onChange={(e) => setLessons(e.currentTarget.value)}
                autosize
                minRows={3}
                required
              />
              <Text fz="xs" c="dimmed">
                {t('incidents.detail.transition.closeHint')}
              </Text>
            </>
          )}
          <IncidentSaveProblem error={move.error} />
          <FormActions
            onCancel={onClose}
            submitLabel={title}
            loading={move.isPending}
            disabled={closing && !lessons.trim()}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** One button per status the workflow allows next (triage has its own form). */
export function WorkflowActions({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const [to, setTo] = useState<Target | null>(null);
  const targets = incident.nextStatuses.filter(
    (s): s is Target => s !== 'reported' && s !== 'triaged',
  );
  if (targets.length === 0) return null;
  return (
    <>
      <Group gap="xs">
        {targets.map((status) => (
          <Button
            key={status}
            size="sm"
            variant={status === 'closed' ? 'filled' : 'light'}
            onClick={() => setTo(status)}
          >
            {t(`incidents.detail.workflowTo.${status}`)}
          </Button>
        ))}
      </Group>
      {to && <TransitionModal incident={incident} to={to} onClose={() => setTo(null)} />}
    </>
  );
}
