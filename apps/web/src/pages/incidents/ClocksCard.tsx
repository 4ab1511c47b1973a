import {
  Badge,
  Button,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  notificationChannelSchema,
  type IncidentClockStatus,
  type NotificationChannel,
} from '@mamoru/contracts';
import { FormActions } from '../../components/FormActions';
import { ProblemDetails } from '../../components/ProblemDetails';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { useIncidentObligations, useRecordNotification, type Incident } from './api-detail';
import { fromLocalInput, toLocalInput } from './detail-shared';

const STATUS_COLORS: Record<IncidentClockStatus, string> = {
  met: 'green',
  late: 'orange',
  pending: 'blue',
  due_soon: 'yellow',
  overdue: 'red',
  open: 'gray',
};

/** Time left to a deadline (or past it), in days and hours. */
export function useTimeLeft() {
  const { t } = useTranslation();
  return (dueAt: string, now = Date.now()) => {
    const minutes = Math.round((new Date(dueAt).getTime() - now) / 60_000);
    const abs = Math.abs(minutes);
    const days = Math.floor(abs / 1440);
    const hours = Math.floor((abs % 1440) / 60);
    const span =
      days > 0
        ? t('incidents.detail.clocks.daysHours', { days, hours })
        : t('incidents.detail.clocks.hours', { hours: hours, minutes: abs % 60 });
    return minutes >= 0
      ? t('incidents.detail.clocks.left', { span })
      : t('incidents.detail.clocks.past', { span });
  };
}

function NotificationModal({
  incident,
  obligationId,
  onClose,
}: {
  incident: Incident;
  obligationId: string | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'ja' ? 'ja' : 'en';
  const obligations = useIncidentObligations();
  const record = useRecordNotification();
  const [form, setForm] = useState({
    obligationId,
    recipient: incident.clocks.find((c) => c.obligationId === obligationId)?.recipient ?? '',
    sentAt: toLocalInput(new Date().toISOString()),
    channel: 'web_form' as NotificationChannel,
    summary: '',
  });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const options = (obligations.data ?? [])
    .filter((o) => o.active || o.id === obligationId)
    .map((o) => ({ value: o.id, label: o.name[lang] || o.name.ja }));
  const chooseObligation = (id: string | null) => {
    const chosen = obligations.data?.find((o) => o.id === id);
    set({ obligationId: id, recipient: chosen?.recipient || form.recipient });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sentAt = fromLocalInput(form.sentAt);
    if (!sentAt) return;
    record.mutate(
      {
        incident,
        body: {
          obligationId: form.obligationId,
          recipient: form.recipient.trim(),
          sentAt,
          channel: form.channel,
          ...(form.summary.trim() ? { summary: form.summary.trim() } : {}),
        },
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('incidents.detail.clocks.record')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Select
            label={t('incidents.detail.clocks.obligation')}
            data={options}
            value={form.obligationId}
            onChange={chooseObligation}
            clearable
            placeholder={t('incidents.detail.clocks.noObligation')}
          />
          <TextInput
            label={t('incidents.detail.clocks.recipient')}
            value={form.recipient}
            onChange={(e) => set({ recipient: e.currentTarget.value })}
            required
          />
          <TextInput
            type="datetime-local"
            label={t('incidents.detail.clocks.sentAt')}
            value={form.sentAt}
            onChange={(e) => set({ sentAt: e.currentTarget.value })}
            required
          />
          <Select
            label={t('incidents.detail.clocks.channel')}
            data={notificationChannelSchema.options.map((c) => ({
              value: c,
              label: t(`incidents.detail.notificationChannel.${c}`),
            }))}
            value={form.channel}
            onChange={(v) => v && set({ channel: v as NotificationChannel })}
            allowDeselect={false}
          />
          <Textarea
            label={t('incidents.detail.clocks.summary')}
            value={form.summary}
            onChange={(e) => set({ summary: e.currentTarget.value })}
            autosize
            minRows={2}
          />
          <ProblemDetails error={record.error} />
          <FormActions
            onCancel={onClose}
            submitLabel={t('incidents.detail.clocks.record')}
            loading={record.isPending}
            disabled={!form.recipient.trim() || !form.sentAt}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** Each notification obligation's clock from discovery, and what was sent. */
export function ClocksCard({ incident, editable }: { incident: Incident; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'ja' ? 'ja' : 'en';
  const format = useFormat();
  const timeLeft = useTimeLeft();
  const [recording, setRecording] = useState<{ obligationId: string | null } | null>(null);
  return (
    <SectionCard
      id="incident-clocks"
      title={t('incidents.detail.clocks.title')}
      actions={
        editable && (
          <Button size="xs" variant="default" onClick={() => setRecording({ obligationId: null })}>
            {t('incidents.detail.clocks.record')}
          </Button>
        )
      }
    >
      <Stack gap="sm">
        {incident.clocks.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('incidents.detail.clocks.none')}
          </Text>
        ) : (
          <Table aria-label={t('incidents.detail.clocks.title')}>
            <Table.Tbody>
              {incident.clocks.map((clock) => (
                <Table.Tr key={clock.obligationId}>
                  <Table.Td>
                    <Text fz="sm">{clock.name[lang] || clock.name.ja}</Text>
                    <Text fz="xs" c="dimmed">
                      {clock.recipient}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATUS_COLORS[clock.status]}>
                      {t(`incidents.detail.clockStatus.${clock.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">
                      {clock.dueAt
                        ? t('incidents.detail.clocks.due', { date: format.dateTime(clock.dueAt) })
                        : t('incidents.detail.clocks.promptly')}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {clock.sentAt
                        ? t('incidents.detail.clocks.sent', { date: format.dateTime(clock.sentAt) })
                        : clock.dueAt && timeLeft(clock.dueAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {editable && !clock.sentAt && (
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setRecording({ obligationId: clock.obligationId })}
                      >
                        {t('incidents.detail.clocks.recordThis')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {incident.notifications.length > 0 && (
          <Stack gap={4}>
            <Text fz="xs" fw={500}>
              {t('incidents.detail.clocks.sentList')}
            </Text>
            {incident.notifications.map((n) => (
              <Text key={n.id} fz="xs">
                {format.dateTime(n.sentAt)} · {n.recipient} ·{' '}
                {t(`incidents.detail.notificationChannel.${n.channel}`)}
                {n.summary ? ` · ${n.summary}` : ''}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
      {recording && (
        <NotificationModal
          incident={incident}
          obligationId={recording.obligationId}
          onClose={() => setRecording(null)}
        />
      )}
    </SectionCard>
  );
}
