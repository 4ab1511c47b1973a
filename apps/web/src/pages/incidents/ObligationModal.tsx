import {
  Checkbox,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { INCIDENT_TYPES } from '@mamoru/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useIncidentsT } from './useIncidentsT';
import { FormActions } from '../../components/FormActions';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields } from '../../lib/problemFields';
import {
  useCreateObligation,
  useUpdateObligation,
  type IncidentObligation,
  type IncidentType,
} from './api';

type Clock = 'days' | 'hours' | 'none';
type Num = number | string;
const num = (v: Num) => (typeof v === 'number' ? v : null);

/** Creates or edits a notification obligation; a clock counts days or hours, or none. */
export function ObligationModal({
  obligation,
  onClose,
}: {
  obligation: IncidentObligation | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const tt = useIncidentsT();
  const create = useCreateObligation();
  const update = useUpdateObligation();
  const save = obligation ? update : create;
  const [nameJa, setNameJa] = useState(obligation?.name.ja ?? '');
  const [nameEn, setNameEn] = useState(obligation?.name.en ?? '');
  const [recipient, setRecipient] = useState(obligation?.recipient ?? '');
  const [types, setTypes] = useState<string[]>(obligation?.appliesToTypes ?? ['incident']);
  const [personal, setPersonal] = useState(obligation?.requiresPersonalData ?? false);
  const [clock, setClock] = useState<Clock>(
    obligation?.deadlineHours != null
      ? 'hours'
      : obligation?.deadlineDays != null
        ? 'days'
        : obligation
          ? 'none'
          : 'days',
  );
  const [days, setDays] = useState<Num>(obligation?.deadlineDays ?? 3);
  const [intentDays, setIntentDays] = useState<Num>(obligation?.deadlineDaysWrongfulIntent ?? '');
  const [hours, setHours] = useState<Num>(obligation?.deadlineHours ?? 72);
  const [sortOrder, setSortOrder] = useState<Num>(obligation?.sortOrder ?? 0);
  const [active, setActive] = useState(obligation?.active ?? true);
  const [touched, setTouched] = useState(false);
  const k = useIncidentsT('incidents.settings.obligations');
  const fields = problemFields(save.error, {
    'name.ja': k('nameJa'),
    'name.en': k('nameEn'),
    recipient: k('recipient'),
    appliesToTypes: k('appliesTo'),
    deadlineDays: k('days'),
    deadlineDaysWrongfulIntent: k('intentDays'),
    deadlineHours: k('hours'),
    sortOrder: k('sortOrder'),
  });
  const missing = {
    name: !nameJa.trim(),
    types: types.length === 0,
    days: clock === 'days' && num(days) == null,
    hours: clock === 'hours' && num(hours) == null,
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (Object.values(missing).some(Boolean)) return;
    const body = {
      name: { ja: nameJa, en: nameEn },
      recipient,
      appliesToTypes: types as IncidentType[],
      requiresPersonalData: personal,
      deadlineDays: clock === 'days' ? num(days) : null,
      deadlineDaysWrongfulIntent: clock === 'days' ? num(intentDays) : null,
      deadlineHours: clock === 'hours' ? num(hours) : null,
      sortOrder: num(sortOrder) ?? 0,
      active,
    };
    const done = { onSuccess: onClose };
    if (obligation) update.mutate({ obligation, body }, done);
    else create.mutate(body, done);
  };
  const required = (flag: boolean) => (touched && flag ? k('required') : undefined);

  return (
    <Modal
      opened
      onClose={onClose}
      title={obligation ? k('editTitle') : k('newTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={save.error}
            staleTitle={k('staleTitle')}
            staleBody={k('staleBody')}
            fields={fields}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={k('nameJa')}
              value={nameJa}
              onChange={(e) => setNameJa(e.currentTarget.value)}
              required
              error={required(missing.name) ?? fields.error('name.ja')}
            />
            <TextInput
              label={k('nameEn')}
              value={nameEn}
              onChange={(e) => setNameEn(e.currentTarget.value)}
              error={fields.error('name.en')}
            />
          </SimpleGrid>
          <TextInput
            label={k('recipient')}
            value={recipient}
            onChange={(e) => setRecipient(e.currentTarget.value)}
            error={fields.error('recipient')}
          />
          <MultiSelect
            label={k('appliesTo')}
            value={types}
            onChange={setTypes}
            data={INCIDENT_TYPES.map((value) => ({ value, label: tt(`common.types.${value}`) }))}
            required
            error={required(missing.types) ?? fields.error('appliesToTypes')}
          />
          <Checkbox
            label={k('personalDataOnly')}
            checked={personal}
            onChange={(e) => setPersonal(e.currentTarget.checked)}
          />
          <Stack gap={4}>
            <Text fz="sm" fw={500} id="obligation-clock">
              {k('clock')}
            </Text>
            <SegmentedControl
              aria-labelledby="obligation-clock"
              value={clock}
              onChange={(v) => setClock(v as Clock)}
              data={(['days', 'hours', 'none'] as const).map((value) => ({
                value,
                label: k(`clocks.${value}`),
              }))}
            />
          </Stack>
          {clock === 'days' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label={k('days')}
                description={k('daysHint')}
                value={days}
                onChange={setDays}
                min={0}
                max={365}
                allowDecimal={false}
                error={required(missing.days) ?? fields.error('deadlineDays')}
              />
              <NumberInput
                label={k('intentDays')}
                value={intentDays}
                onChange={setIntentDays}
                min={0}
                max={365}
                allowDecimal={false}
                error={fields.error('deadlineDaysWrongfulIntent')}
              />
            </SimpleGrid>
          )}
          {clock === 'hours' && (
            <NumberInput
              label={k('hours')}
              value={hours}
              onChange={setHours}
              min={0}
              max={8760}
              allowDecimal={false}
              error={required(missing.hours) ?? fields.error('deadlineHours')}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={k('sortOrder')}
              value={sortOrder}
              onChange={setSortOrder}
              min={0}
              max={1000}
              allowDecimal={false}
              error={fields.error('sortOrder')}
            />
            <Checkbox
              mt="lg"
              label={k('active')}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          </SimpleGrid>
          <FormActions onCancel={onClose} submitLabel={t('common.save')} loading={save.isPending} />
        </Stack>
      </form>
    </Modal>
  );
}
