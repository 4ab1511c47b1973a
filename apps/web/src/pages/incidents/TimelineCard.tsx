import {
  Button,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemDetails } from '../../components/ProblemDetails';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { useAddTimelineEntry, type Incident } from './api-detail';
import { fromLocalInput } from './detail-shared';

function AddEntry({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const add = useAddTimelineEntry();
  const [kind, setKind] = useState<'action' | 'note'>('action');
  const [text, setText] = useState('');
  const [at, setAt] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const when = fromLocalInput(at);
    add.mutate(
      { incident, body: { kind, text: text.trim(), ...(when ? { at: when } : {}) } },
      {
        onSuccess: () => {
          setText('');
          setAt('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label={t('incidents.detail.timeline.add')}>
      <Stack gap="xs">
        <SegmentedControl
          value={kind}
          onChange={(v) => setKind(v as 'action' | 'note')}
          data={[
            { value: 'action', label: t('incidents.detail.timelineKind.action') },
            { value: 'note', label: t('incidents.detail.timelineKind.note') },
          ]}
          aria-label={t('incidents.detail.timeline.kind')}
        />
        <Textarea
          label={t('incidents.detail.timeline.text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
        <TextInput
          type="datetime-local"
          label={t('incidents.detail.timeline.at')}
          description={t('incidents.detail.timeline.atHint')}
          value={at}
          onChange={(e) => setAt(e.currentTarget.value)}
        />
        <ProblemDetails error={add.error} />
        <Group justify="flex-end">
          <Button type="submit" size="xs" loading={add.isPending} disabled={!text.trim()}>
            {t('incidents.detail.timeline.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Who did what and when, oldest first; handlers add actions and notes. */
export function TimelineCard({ incident, editable }: { incident: Incident; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const entries = [...incident.timeline].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <SectionCard id="incident-timeline" title={t('incidents.detail.timeline.title')}>
      <Stack gap="md">
        {entries.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('incidents.detail.timeline.none')}
          </Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2} active={entries.length - 1}>
            {entries.map((entry) => (
              <Timeline.Item
                key={entry.id}
                title={
                  entry.kind === 'status' && entry.toStatus
                    ? t('incidents.detail.timeline.statusTo', {
                        status: t(`incidents.detail.status.${entry.toStatus}`),
                      })
                    : t(`incidents.detail.timelineKind.${entry.kind}`)
                }
              >
                {entry.text && (
                  <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {entry.text}
                  </Text>
                )}
                <Text fz="xs" c="dimmed">
                  {format.dateTime(entry.at)}
                  {entry.actor ? ` · ${entry.actor.displayName}` : ''}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        {editable && <AddEntry incident={incident} />}
      </Stack>
    </SectionCard>
  );
}
