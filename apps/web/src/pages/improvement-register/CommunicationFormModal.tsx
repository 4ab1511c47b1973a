import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  communicationAgreementSchema,
  communicationChannelSchema,
  type CommunicationAgreement,
  type CommunicationChannel,
} from '@mamoru/contracts';
import { FormError } from '../../components/QueryStates';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useRecordCommunication } from './api';
import { useAreaT } from './useAreaT';

/** Records one communication: to whom, how, when, what, and whether they agreed. */
export function CommunicationFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordCommunication();
  const [audience, setAudience] = useState('');
  const [channel, setChannel] = useState<CommunicationChannel>('meeting');
  const [communicatedOn, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [summary, setSummary] = useState('');
  const [agreement, setAgreement] = useState<CommunicationAgreement>('pending');
  const [agreementNote, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const k = useAreaT('improvementRegister.communications');
  const problem = problemFields(
    record.error,
    {
      audience: k('audience'),
      channel: k('channel'),
      communicatedOn: k('date'),
      summary: k('summary'),
      agreement: k('agreement'),
      agreementNote: k('agreementNote'),
      nonconformityId: k('subject'),
      improvementId: k('subject'),
    },
    ['audience', 'channel', 'communicatedOn', 'summary', 'agreement', 'agreementNote'],
  );
  const required = (value: string) =>
    touched && !value.trim() ? t('improvementRegister.form.required') : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!audience.trim() || !summary.trim() || !communicatedOn) return;
    record.mutate(
      { audience, channel, communicatedOn, summary, agreement, agreementNote },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={k('new')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={record.error} extra={problem.unplaced.map(unplacedText)} />
          <TextInput
            label={k('audience')}
            value={audience}
            onChange={(e) => setAudience(e.currentTarget.value)}
            required
            error={required(audience) ?? problem.error('audience')}
          />
          <Group grow>
            <Select
              label={k('channel')}
              data={communicationChannelSchema.options.map((v) => ({
                value: v,
                label: k(`channels.${v}`),
              }))}
              value={channel}
              onChange={(v) => v && setChannel(v as CommunicationChannel)}
              allowDeselect={false}
              error={problem.error('channel')}
            />
            <TextInput
              type="date"
              label={k('date')}
              value={communicatedOn}
              onChange={(e) => setDate(e.currentTarget.value)}
              required
              error={required(communicatedOn) ?? problem.error('communicatedOn')}
            />
          </Group>
          <Textarea
            label={k('summary')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            required
            autosize
            minRows={3}
            error={required(summary) ?? problem.error('summary')}
          />
          <Select
            label={k('agreement')}
            data={communicationAgreementSchema.options.map((v) => ({
              value: v,
              label: k(`agreements.${v}`),
            }))}
            value={agreement}
            onChange={(v) => v && setAgreement(v as CommunicationAgreement)}
            allowDeselect={false}
            error={problem.error('agreement')}
          />
          <TextInput
            label={k('agreementNote')}
            value={agreementNote}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={problem.error('agreementNote')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('improvementRegister.form.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {k('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
