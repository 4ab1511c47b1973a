import {
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toasts';
import { useFormat } from '../../lib/format';
import {
  useAddMeasurement,
  useRemoveMeasurement,
  type Objective,
  type ObjectiveMeasurement,
} from './api';

const today = () => new Date().toISOString().slice(0, 10);

/** A value measured today (or on a day entered), with a note. */
function MeasurementForm({ objective }: { objective: Objective }) {
  const { t } = useTranslation();
  const toast = useToast();
  const add = useAddMeasurement(objective.id);
  const [measuredOn, setMeasuredOn] = useState(today);
  const [value, setValue] = useState<string | number>('');
  const [note, setNote] = useState('');
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    add.mutate(
      { measuredOn, value: Number(value), note },
      {
        onSuccess: () => {
          setValue('');
          setNote('');
          toast.success(t('objectives.recorded'));
        },
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label={t('objectives.record')}>
      <Stack gap="xs">
        <FormError error={add.error} />
        <Group align="flex-end" wrap="wrap">
          <TextInput
            type="date"
            label={t('objectives.measuredOn')}
            required
            value={measuredOn}
            onChange={(e) => setMeasuredOn(e.currentTarget.value)}
          />
          <NumberInput
            label={t('objectives.value')}
            required
            value={value}
            onChange={setValue}
            rightSection={<Text fz="xs">{objective.measureUnit}</Text>}
          />
          <TextInput
            label={t('objectives.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Button type="submit" loading={add.isPending} disabled={value === ''}>
            {t('objectives.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Removal keeps the value and the reason in the audit trail. */
function RemoveModal({
  objective,
  measurement,
  onClose,
}: {
  objective: Objective;
  measurement: ObjectiveMeasurement;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const format = useFormat();
  const remove = useRemoveMeasurement(objective.id);
  const [reason, setReason] = useState('');
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('objectives.removeTitle', { date: format.date(measurement.measuredOn) })}
    >
      <Stack gap="sm">
        <FormError error={remove.error} />
        <Textarea
          label={t('objectives.removeReason')}
          description={t('objectives.removeReasonHint')}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('objectives.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!reason.trim()}
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(
                { measurementId: measurement.id, reason: reason.trim() },
                {
                  onSuccess: () => {
                    toast.success(t('objectives.removed'));
                    onClose();
                  },
                },
              )
            }
          >
            {t('objectives.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function MeasurementsCard({
  objective,
  measurements,
  canMeasure,
}: {
  objective: Objective;
  measurements: ObjectiveMeasurement[];
  canMeasure: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [removing, setRemoving] = useState<ObjectiveMeasurement | null>(null);
  const newestFirst = [...measurements].reverse();
  return (
    <SectionCard id="objective-measurements" title={t('objectives.measurements')}>
      <Stack gap="md">
        {canMeasure && objective.status !== 'withdrawn' && (
          <MeasurementForm objective={objective} />
        )}
        {newestFirst.length === 0 ? (
          <Text c="dimmed">{t('objectives.noMeasurements')}</Text>
        ) : (
          <Table aria-label={t('objectives.measurements')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('objectives.measuredOn')}</Table.Th>
                <Table.Th>{t('objectives.value')}</Table.Th>
                <Table.Th>{t('objectives.note')}</Table.Th>
                <Table.Th>{t('objectives.source_')}</Table.Th>
                <Table.Th>{t('objectives.recordedBy')}</Table.Th>
                {canMeasure && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {newestFirst.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{format.date(m.measuredOn)}</Table.Td>
                  <Table.Td>{`${m.value} ${objective.measureUnit}`.trim()}</Table.Td>
                  <Table.Td>{m.note}</Table.Td>
                  <Table.Td>{t(`objectives.source.${m.source}`)}</Table.Td>
                  <Table.Td>{m.recordedBy?.name ?? '—'}</Table.Td>
                  {canMeasure && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={`${t('objectives.remove')} ${m.measuredOn}`}
                        onClick={() => setRemoving(m)}
                      >
                        {t('objectives.remove')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {removing && (
        <RemoveModal
          objective={objective}
          measurement={removing}
          onClose={() => setRemoving(null)}
        />
      )}
    </SectionCard>
  );
}
