import {
  Button,
  Checkbox,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Switch,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { personalDataCategorySchema } from '@mamoru/contracts';
import { SectionCard } from '../../components/SectionCard';
import type { Incident } from './api-detail';
import { IncidentEditModal, intOrNull } from './detail-shared';
import { Facts } from './DetailsCard';

type Category = Incident['personalDataCategories'][number];

function EditQuantities({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Record<string, string | number>>({
    volume: incident.volume ?? '',
    volumeUnit: incident.volumeUnit,
    downtimeMinutes: incident.downtimeMinutes ?? '',
    response: incident.costs.response ?? '',
    recovery: incident.costs.recovery ?? '',
    loss: incident.costs.loss ?? '',
  });
  const number = (key: 'volume' | 'downtimeMinutes' | 'response' | 'recovery' | 'loss') => (
    <NumberInput
      key={key}
      label={t(`incidents.detail.quantities.${key}`)}
      value={form[key]}
      onChange={(v) => setForm({ ...form, [key]: v })}
      min={0}
      allowDecimal={false}
      thousandSeparator=","
    />
  );
  return (
    <IncidentEditModal
      incident={incident}
      title={t('incidents.detail.quantities.edit')}
      opened
      onClose={onClose}
      body={() => ({
        volume: intOrNull(form.volume ?? ''),
        volumeUnit: String(form.volumeUnit ?? ''),
        downtimeMinutes: intOrNull(form.downtimeMinutes ?? ''),
        costs: {
          response: intOrNull(form.response ?? ''),
          recovery: intOrNull(form.recovery ?? ''),
          loss: intOrNull(form.loss ?? ''),
        },
      })}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {number('volume')}
        <TextInput
          label={t('incidents.detail.quantities.volumeUnit')}
          value={String(form.volumeUnit ?? '')}
          onChange={(e) => setForm({ ...form, volumeUnit: e.currentTarget.value })}
        />
        {number('downtimeMinutes')}
        {number('response')}
        {number('recovery')}
        {number('loss')}
      </SimpleGrid>
    </IncidentEditModal>
  );
}

/** Annex 6.3.4's measures: volume, duration, and what the incident cost. */
export function QuantitiesCard({ incident, editable }: { incident: Incident; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const money = (v: number | null) =>
    v == null ? '' : new Intl.NumberFormat(i18n.resolvedLanguage ?? 'en').format(v);
  return (
    <SectionCard
      id="incident-quantities"
      title={t('incidents.detail.quantities.title')}
      actions={
        editable && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t('incidents.detail.quantities.edit')}
          </Button>
        )
      }
    >
      <Facts
        items={[
          [
            t('incidents.detail.quantities.volume'),
            incident.volume == null ? '' : `${money(incident.volume)} ${incident.volumeUnit}`,
          ],
          [
            t('incidents.detail.quantities.downtimeMinutes'),
            incident.downtimeMinutes == null
              ? ''
              : t('incidents.detail.minutes', { count: incident.downtimeMinutes }),
          ],
          [
            t('incidents.detail.quantities.duration'),
            incident.durationMinutes == null
              ? ''
              : t('incidents.detail.minutes', { count: incident.durationMinutes }),
          ],
          [t('incidents.detail.quantities.response'), money(incident.costs.response)],
          [t('incidents.detail.quantities.recovery'), money(incident.costs.recovery)],
          [t('incidents.detail.quantities.loss'), money(incident.costs.loss)],
          [t('incidents.detail.quantities.total'), money(incident.costs.total)],
        ]}
      />
      {editing && <EditQuantities incident={incident} onClose={() => setEditing(false)} />}
    </SectionCard>
  );
}

function EditPersonalData({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t } = useTranslation();
  const [personalData, setPersonalData] = useState(incident.personalData);
  const [records, setRecords] = useState<string | number>(incident.personalRecords ?? '');
  const [categories, setCategories] = useState<string[]>(incident.personalDataCategories);
  const [wrongfulIntent, setWrongfulIntent] = useState(incident.wrongfulIntent);
  return (
    <IncidentEditModal
      incident={incident}
      title={t('incidents.detail.personal.edit')}
      opened
      onClose={onClose}
      body={() => ({
        personalData,
        personalRecords: personalData ? intOrNull(records) : null,
        personalDataCategories: personalData ? (categories as Category[]) : [],
        wrongfulIntent: personalData && wrongfulIntent,
      })}
    >
      <Switch
        label={t('incidents.detail.personal.involved')}
        checked={personalData}
        onChange={(e) => setPersonalData(e.currentTarget.checked)}
      />
      {personalData && (
        <>
          <NumberInput
            label={t('incidents.detail.personal.records')}
            value={records}
            onChange={setRecords}
            min={0}
            allowDecimal={false}
            thousandSeparator=","
          />
          <MultiSelect
            label={t('incidents.detail.personal.categories')}
            data={personalDataCategorySchema.options.map((c) => ({
              value: c,
              label: t(`incidents.detail.category.${c}`),
            }))}
            value={categories}
            onChange={setCategories}
          />
          <Checkbox
            label={t('incidents.detail.personal.wrongfulIntent')}
            description={t('incidents.detail.personal.wrongfulIntentHint')}
            checked={wrongfulIntent}
            onChange={(e) => setWrongfulIntent(e.currentTarget.checked)}
          />
        </>
      )}
    </IncidentEditModal>
  );
}

/** Personal data involved: how many records, which kinds, and whether by wrongful intent. */
export function PersonalDataCard({
  incident,
  editable,
}: {
  incident: Incident;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const yesNo = (v: boolean) => t(v ? 'incidents.detail.yes' : 'incidents.detail.no');
  return (
    <SectionCard
      id="incident-personal"
      title={t('incidents.detail.personal.title')}
      actions={
        editable && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t('incidents.detail.personal.edit')}
          </Button>
        )
      }
    >
      <Facts
        items={[
          [t('incidents.detail.personal.involved'), yesNo(incident.personalData)],
          ...(incident.personalData
            ? ([
                [t('incidents.detail.personal.records'), incident.personalRecords ?? ''],
                [
                  t('incidents.detail.personal.categories'),
                  incident.personalDataCategories
                    .map((c) => t(`incidents.detail.category.${c}`))
                    .join(', '),
                ],
                [t('incidents.detail.personal.wrongfulIntent'), yesNo(incident.wrongfulIntent)],
              ] as [string, string | number][])
            : []),
        ]}
      />
      {editing && <EditPersonalData incident={incident} onClose={() => setEditing(false)} />}
    </SectionCard>
  );
}
