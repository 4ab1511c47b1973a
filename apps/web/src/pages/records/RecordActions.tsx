import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconLock, IconLockOpen, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useDisposal, useLegalHold, useRequestDisposal, type EvidenceRecord } from './api';

/** Asks for a reason, then runs the action; the server's refusal shows in the dialog. */
function ReasonModal({
  title,
  label,
  submit,
  mutation,
  onClose,
}: {
  title: string;
  label: string;
  submit: string;
  mutation: {
    error: unknown;
    isPending: boolean;
    mutate: (reason: string, done: () => void) => void;
  };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const problem = problemFields(mutation.error, { reason: label });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(reason, onClose);
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormError error={mutation.error} extra={problem.unplaced.map(unplacedText)} />
          <Textarea
            label={label}
            value={reason}
            error={problem.error('reason')}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={mutation.isPending}>
              {submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Legal hold and disposal of one record, and what remains once it is disposed of. */
export function RecordActions({ record, editable }: { record: EvidenceRecord; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hold = useLegalHold();
  const disposal = useRequestDisposal();
  const disposed = useDisposal(record);
  const [dialog, setDialog] = useState<'hold' | 'dispose' | null>(null);
  const close = () => {
    setDialog(null);
    hold.reset();
    disposal.reset();
  };
  const kept = record.status !== 'disposed';

  return (
    <>
      <SectionCard id="record-hold" title={t('records.hold.title')}>
        <Stack gap="sm" pb="lg">
          <Text>
            {record.legalHold.active
              ? t('records.hold.on', { reason: record.legalHold.reason ?? '' })
              : t('records.hold.off')}
          </Text>
          {editable && kept && (
            <Group>
              {record.legalHold.active ? (
                <Button
                  variant="default"
                  leftSection={<IconLockOpen size={16} aria-hidden="true" />}
                  loading={hold.isPending}
                  onClick={() => hold.mutate({ record, input: { active: false } })}
                >
                  {t('records.hold.lift')}
                </Button>
              ) : (
                <Button
                  variant="light"
                  color="red"
                  leftSection={<IconLock size={16} aria-hidden="true" />}
                  onClick={() => setDialog('hold')}
                >
                  {t('records.hold.place')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </SectionCard>
      <SectionCard id="record-disposal" title={t('records.disposal.title')}>
        <Stack gap="sm" pb="lg">
          {record.status === 'active' && (
            <Text>{t('records.disposal.notYet', { date: format.date(record.retentionEnd) })}</Text>
          )}
          {record.status === 'disposal_pending' && (
            <Alert color="yellow" variant="light">
              {t('records.disposal.pending')}
            </Alert>
          )}
          {record.status === 'active' && editable && (
            <Group>
              <Button
                variant="light"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden="true" />}
                onClick={() => setDialog('dispose')}
              >
                {t('records.disposal.request')}
              </Button>
            </Group>
          )}
          {disposed.data && (
            <dl>
              {(
                [
                  ['disposedAt', format.dateTime(disposed.data.disposedAt)],
                  ['method', disposed.data.method],
                  ['reasonShown', disposed.data.reason],
                  ['requestedBy', disposed.data.requestedBy?.name ?? '—'],
                  ['approvedBy', disposed.data.approvedBy?.name ?? '—'],
                  ['filesDeleted', String(disposed.data.filesDeleted)],
                ] as const
              ).map(([key, value]) => (
                <Group key={key} gap="xs">
                  <Text component="dt" fw={600} fz="sm">
                    {t(`records.disposal.${key}`)}
                  </Text>
                  <Text component="dd" fz="sm" m={0}>
                    {value}
                  </Text>
                </Group>
              ))}
            </dl>
          )}
        </Stack>
      </SectionCard>
      {dialog === 'hold' && (
        <ReasonModal
          title={t('records.hold.place')}
          label={t('records.hold.reason')}
          submit={t('records.hold.save')}
          mutation={{
            error: hold.error,
            isPending: hold.isPending,
            mutate: (reason, done) =>
              hold.mutate({ record, input: { active: true, reason } }, { onSuccess: done }),
          }}
          onClose={close}
        />
      )}
      {dialog === 'dispose' && (
        <ReasonModal
          title={t('records.disposal.request')}
          label={t('records.disposal.reason')}
          submit={t('records.disposal.send')}
          mutation={{
            error: disposal.error,
            isPending: disposal.isPending,
            mutate: (reason, done) =>
              disposal.mutate({ record, input: { reason } }, { onSuccess: done }),
          }}
          onClose={close}
        />
      )}
    </>
  );
}
