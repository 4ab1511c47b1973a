import {
  Alert,
  Button,
  Card,
  Group,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../../api/assets';
import { useLocations } from '../../api/scope';
import { useDocumentList } from '../documents/api';
import { isApiError } from '../../api/client';
import { ProblemDetails } from '../../components/ProblemDetails';
import { problemFields, type FieldLabels } from '../../lib/problemFields';
import { ProgrammeCriteria } from './ProgrammeCriteria';
import {
  useSaveProgramme,
  useSubmitProgramme,
  type AuditProgramme,
  type AuditProgrammeUpdate,
} from './programmeApi';

type FormValues = Required<
  Pick<
    AuditProgrammeUpdate,
    | 'title'
    | 'periodStart'
    | 'periodEnd'
    | 'objectives'
    | 'criteriaRequirementIds'
    | 'criteriaControlIds'
    | 'scopeUnitIds'
    | 'scopeLocationIds'
    | 'criteriaDocumentIds'
    | 'scopeProcesses'
    | 'frequency'
    | 'methods'
    | 'responsibilities'
    | 'cycleMonths'
  >
>;

const valuesOf = (p: AuditProgramme): FormValues => ({
  title: p.title,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  objectives: p.objectives,
  criteriaRequirementIds: p.criteriaRequirementIds,
  criteriaControlIds: p.criteriaControlIds,
  scopeUnitIds: p.scopeUnitIds,
  scopeLocationIds: p.scopeLocationIds,
  criteriaDocumentIds: p.criteriaDocumentIds,
  scopeProcesses: p.scopeProcesses,
  frequency: p.frequency,
  methods: p.methods,
  responsibilities: p.responsibilities,
  cycleMonths: p.cycleMonths,
});

/**
 * The latest version of a year's programme. A draft saves in place; saving an
 * approved version starts the next draft (the server keeps the approved one frozen).
 */
export function ProgrammeForm({
  programme,
  editable,
}: {
  programme: AuditProgramme;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => valuesOf(programme));
  const save = useSaveProgramme();
  const submit = useSubmitProgramme();
  const units = useOrgUnits();
  const locations = useLocations();
  // The organization's own procedures are audited as issued.
  const procedures = useDocumentList({ type: 'procedure', status: 'issued' });
  const stale = isApiError(save.error) && save.error.status === 412;
  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const labels: FieldLabels = {
    title: t('auditProgramme.fields.title'),
    periodStart: t('auditProgramme.fields.periodStart'),
    periodEnd: t('auditProgramme.fields.periodEnd'),
    objectives: t('auditProgramme.fields.objectives'),
    scopeUnitIds: t('auditProgramme.fields.scopeUnits'),
    scopeLocationIds: t('auditProgramme.fields.scopeLocations'),
    scopeProcesses: t('auditProgramme.fields.scopeProcesses'),
    frequency: t('auditProgramme.fields.frequency'),
    methods: t('auditProgramme.fields.methods'),
    responsibilities: t('auditProgramme.fields.responsibilities'),
    cycleMonths: t('auditProgramme.fields.cycleMonths'),
    criteriaRequirementIds: t('auditProgramme.fields.criteriaRequirements'),
    criteriaControlIds: t('auditProgramme.fields.criteriaControls'),
    criteriaDocumentIds: t('auditProgramme.fields.criteriaDocuments'),
  };
  // The lists' errors name an element (`scopeUnitIds.0`); the list's input shows them.
  const lists = [
    'criteriaRequirementIds',
    'criteriaControlIds',
    'criteriaDocumentIds',
    'scopeUnitIds',
    'scopeLocationIds',
    'scopeProcesses',
  ];
  const fields = problemFields(save.error, labels, [
    ...Object.keys(labels),
    ...lists.map((key) => `${key}.*`),
  ]);

  function onSave(event: FormEvent) {
    event.preventDefault();
    save.mutate({ programme, body: form });
  }

  const area = (key: 'objectives' | 'frequency' | 'methods' | 'responsibilities') => (
    <Textarea
      label={labels[key]}
      value={form[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={fields.error(key)}
      readOnly={!editable}
      autosize
      minRows={2}
    />
  );

  return (
    <form onSubmit={onSave}>
      <Card withBorder radius="lg" shadow="xs">
        <Stack gap="sm">
          {stale ? (
            <Alert
              color="orange"
              role="alert"
              icon={<IconAlertTriangle size={18} aria-hidden="true" />}
              title={t('auditProgramme.staleTitle')}
            >
              {t('auditProgramme.staleBody')}
            </Alert>
          ) : (
            save.error && <ProblemDetails error={save.error} fields={fields} />
          )}
          {submit.error ? <ProblemDetails error={submit.error} /> : null}
          <TextInput
            label={labels.title}
            value={form.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={fields.error('title')}
            readOnly={!editable}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={labels.periodStart}
              value={form.periodStart}
              onChange={(e) => set('periodStart', e.currentTarget.value)}
              error={fields.error('periodStart')}
              readOnly={!editable}
            />
            <TextInput
              type="date"
              label={labels.periodEnd}
              value={form.periodEnd}
              onChange={(e) => set('periodEnd', e.currentTarget.value)}
              error={fields.error('periodEnd')}
              readOnly={!editable}
            />
            <NumberInput
              label={labels.cycleMonths}
              value={form.cycleMonths}
              min={1}
              max={60}
              onChange={(value) => set('cycleMonths', Number(value) || 0)}
              error={fields.error('cycleMonths')}
              readOnly={!editable}
            />
          </SimpleGrid>
          {area('objectives')}
          <Text fz="sm" fw={500}>
            {t('auditProgramme.fields.criteria')}
          </Text>
          <ProgrammeCriteria
            requirementIds={form.criteriaRequirementIds}
            controlIds={form.criteriaControlIds}
            onChange={(key, ids) => set(key, ids)}
            labels={labels}
            fields={fields}
            editable={editable}
          />
          <MultiSelect
            label={labels.scopeUnitIds}
            data={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
            value={form.scopeUnitIds}
            onChange={(value) => set('scopeUnitIds', value)}
            error={fields.error('scopeUnitIds')}
            readOnly={!editable}
            searchable
          />
          <MultiSelect
            label={labels.criteriaDocumentIds}
            data={(procedures.data?.pages ?? [])
              .flatMap((page) => page.items)
              .map((d) => ({ value: d.id, label: `${d.code} ${d.title}` }))}
            value={form.criteriaDocumentIds}
            onChange={(value) => set('criteriaDocumentIds', value)}
            error={fields.error('criteriaDocumentIds')}
            readOnly={!editable}
            searchable
          />
          <MultiSelect
            label={labels.scopeLocationIds}
            data={(locations.data ?? []).map((l) => ({
              value: l.id,
              label: `${l.code} ${l.name}`,
            }))}
            value={form.scopeLocationIds}
            onChange={(value) => set('scopeLocationIds', value)}
            error={fields.error('scopeLocationIds')}
            readOnly={!editable}
            searchable
          />
          <TagsInput
            label={labels.scopeProcesses}
            value={form.scopeProcesses}
            onChange={(value) => set('scopeProcesses', value)}
            error={fields.error('scopeProcesses')}
            readOnly={!editable}
          />
          {area('frequency')}
          {area('methods')}
          {area('responsibilities')}
          {editable && (
            <Group justify="flex-end">
              {programme.status === 'draft' && (
                <Button
                  variant="default"
                  leftSection={<IconSend size={16} aria-hidden="true" />}
                  loading={submit.isPending}
                  onClick={() => submit.mutate(programme)}
                >
                  {t('auditProgramme.submit')}
                </Button>
              )}
              <Button type="submit" loading={save.isPending} disabled={stale}>
                {programme.status === 'approved'
                  ? t('auditProgramme.startNext')
                  : t('auditProgramme.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
    </form>
  );
}
