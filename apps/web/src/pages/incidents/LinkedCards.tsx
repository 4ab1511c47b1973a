import { Badge, Button, Group, Modal, MultiSelect, Stack, Table, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { ProblemDetails } from '../../components/ProblemDetails';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import {
  useAssetOptions,
  useRequestReassessment,
  useRiskOptions,
  useSetIncidentRisks,
  type Incident,
} from './api-detail';
import { IncidentEditModal } from './detail-shared';

type Option = { value: string; label: string };

/** A searchable multi-select that keeps the chosen items' labels while the search changes. */
function SearchPicker({
  label,
  options,
  chosen,
  value,
  onChange,
  onSearch,
}: {
  label: string;
  options: Option[];
  chosen: Option[];
  value: string[];
  onChange: (ids: string[]) => void;
  onSearch: (q: string) => void;
}) {
  const { t } = useTranslation();
  const data = [...chosen, ...options.filter((o) => !chosen.some((c) => c.value === o.value))];
  return (
    <MultiSelect
      label={label}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      onSearchChange={onSearch}
      nothingFoundMessage={t('incidents.detail.nothingFound')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

function EditAssets({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'ja' ? 'ja' : 'en';
  const [q, setQ] = useState('');
  const [ids, setIds] = useState(incident.assets.map((a) => a.id));
  const [known, setKnown] = useState<Option[]>(
    incident.assets.map((a) => ({ value: a.id, label: `${a.code} ${a.name}` })),
  );
  const assets = useAssetOptions(q, true);
  const options = (assets.data ?? []).map((a) => ({
    value: a.id,
    label: `${a.code} ${a.name[lang]}`,
  }));
  const change = (next: string[]) => {
    setIds(next);
    setKnown(
      [...known, ...options].filter(
        (o, i, all) => next.includes(o.value) && all.findIndex((x) => x.value === o.value) === i,
      ),
    );
  };
  return (
    <IncidentEditModal
      incident={incident}
      title={t('incidents.detail.assets.edit')}
      opened
      onClose={onClose}
      body={() => ({ assetIds: ids })}
    >
      <SearchPicker
        label={t('incidents.detail.assets.title')}
        options={options}
        chosen={known}
        value={ids}
        onChange={change}
        onSearch={setQ}
      />
    </IncidentEditModal>
  );
}

/** Assets the incident involved. */
export function AssetsCard({ incident, editable }: { incident: Incident; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <SectionCard
      id="incident-assets"
      title={t('incidents.detail.assets.title')}
      actions={
        editable && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t('incidents.detail.assets.edit')}
          </Button>
        )
      }
    >
      {incident.assets.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('incidents.detail.assets.none')}
        </Text>
      ) : (
        <Group gap="xs">
          {incident.assets.map((a) => (
            <Badge key={a.id} variant="outline" tt="none">
              {a.code} {a.name}
            </Badge>
          ))}
        </Group>
      )}
      {editing && <EditAssets incident={incident} onClose={() => setEditing(false)} />}
    </SectionCard>
  );
}

function PickRisks({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'ja' ? 'ja' : 'en';
  const save = useSetIncidentRisks();
  const [q, setQ] = useState('');
  const [ids, setIds] = useState(incident.risks.map((r) => r.id));
  const [known, setKnown] = useState<Option[]>(
    incident.risks.map((r) => ({ value: r.id, label: `${r.reference} ${r.title}` })),
  );
  const risks = useRiskOptions(q, true);
  const options = (risks.data ?? []).map((r) => ({
    value: r.id,
    label: `${r.code} ${r.asset.name} / ${r.threat.name[lang]}`,
  }));
  const change = (next: string[]) => {
    setIds(next);
    const all = [...known, ...options];
    setKnown(
      all.filter(
        (o, i) => next.includes(o.value) && all.findIndex((x) => x.value === o.value) === i,
      ),
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ incident, body: { riskIds: ids } }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('incidents.detail.risks.pick')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <SearchPicker
            label={t('incidents.detail.risks.title')}
            options={options}
            chosen={known}
            value={ids}
            onChange={change}
            onSearch={setQ}
          />
          <ProblemDetails error={save.error} />
          <FormActions
            onCancel={onClose}
            submitLabel={t('incidents.detail.save')}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** Risks the incident bears on, and the request to reassess them (4.2.3.c). */
export function RisksCard({ incident, editable }: { incident: Incident; editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [picking, setPicking] = useState(false);
  const reassess = useRequestReassessment();
  return (
    <SectionCard
      id="incident-risks"
      title={t('incidents.detail.risks.title')}
      actions={
        editable && (
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={() => setPicking(true)}>
              {t('incidents.detail.risks.pick')}
            </Button>
            {incident.risks.length > 0 && (
              <Button
                size="xs"
                variant="light"
                loading={reassess.isPending}
                onClick={() => reassess.mutate({ incident, body: {} })}
              >
                {t('incidents.detail.risks.reassess')}
              </Button>
            )}
          </Group>
        )
      }
    >
      <Stack gap="sm">
        <ProblemDetails error={reassess.error} />
        {incident.risks.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('incidents.detail.risks.none')}
          </Text>
        ) : (
          <Table aria-label={t('incidents.detail.risks.title')}>
            <Table.Tbody>
              {incident.risks.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.reference}</Table.Td>
                  <Table.Td>{r.title}</Table.Td>
                  <Table.Td>{r.level ?? '—'}</Table.Td>
                  <Table.Td>
                    {r.reassessed ? (
                      <Badge color="green">{t('incidents.detail.risks.reassessed')}</Badge>
                    ) : r.reassessmentRequestedAt ? (
                      <Badge color="orange">
                        {t('incidents.detail.risks.requested', {
                          date: format.date(r.reassessmentRequestedAt),
                        })}
                      </Badge>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {picking && <PickRisks incident={incident} onClose={() => setPicking(false)} />}
    </SectionCard>
  );
}
