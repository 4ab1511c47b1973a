import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useIncidentsT } from './useIncidentsT';
import { useIsmsRoles } from '../../api/people';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { SaveProblem } from '../../components/SaveProblem';
import { useToast } from '../../components/Toasts';
import { problemFields } from '../../lib/problemFields';
import { useIncidentSettings, useUpdateIncidentSettings, type IncidentSettings } from './api';
import { ObligationsTable } from './ObligationsTable';
import { UnitSelect } from './UnitSelect';
import { matrixProblems, PriorityMatrixEditor, type MatrixDraft } from './PriorityMatrix';

/** IANA names the browser knows; the server checks again against its own list. */
function timeZones(current: string) {
  const all =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return all.includes(current) ? all : [current, ...all];
}

function SettingsForm({ settings }: { settings: IncidentSettings }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const toast = useToast();
  const roles = useIsmsRoles();
  const save = useUpdateIncidentSettings();
  const [roleId, setRoleId] = useState(settings.team.role?.id ?? null);
  const [unitId, setUnitId] = useState(settings.team.unit?.id ?? null);
  const [hours, setHours] = useState<number | string>(settings.triageTargetHours);
  const [matrix, setMatrix] = useState<MatrixDraft>(settings.priorityMatrix);
  const [timeZone, setTimeZone] = useState<string | null>(settings.timeZone);
  const [touched, setTouched] = useState(false);
  const k = useIncidentsT('incidents.settings');
  const fields = problemFields(
    save.error,
    {
      teamRoleId: k('teamRole'),
      teamUnitId: k('teamUnit'),
      triageTargetHours: k('triageTarget'),
      priorityMatrix: k('matrix'),
      'priorityMatrix.**': k('matrix'),
      timeZone: k('timeZone'),
    },
    ['teamRoleId', 'teamUnitId', 'triageTargetHours', 'timeZone'],
  );
  const hoursValid =
    typeof hours === 'number' && Number.isInteger(hours) && hours >= 1 && hours <= 720;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!hoursValid || !timeZone || matrixProblems(matrix).length > 0) return;
    save.mutate(
      {
        version: settings.version,
        body: {
          teamRoleId: roleId,
          teamUnitId: unitId,
          triageTargetHours: hours,
          priorityMatrix: matrix as number[][],
          timeZone,
        },
      },
      { onSuccess: () => toast.success(k('saved')) },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <SaveProblem
          error={save.error}
          staleTitle={k('staleTitle')}
          staleBody={k('staleBody')}
          fields={fields}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={k('teamRole')}
            description={k('teamHint')}
            value={roleId}
            onChange={setRoleId}
            data={(roles.data ?? []).map((r) => ({
              value: r.id,
              label: `${r.code} ${lang === 'en' && r.nameEn ? r.nameEn : r.name}`,
            }))}
            clearable
            searchable
            error={fields.error('teamRoleId')}
          />
          <UnitSelect
            label={k('teamUnit')}
            value={unitId}
            onChange={setUnitId}
            error={fields.error('teamUnitId')}
          />
          <NumberInput
            label={k('triageTarget')}
            description={k('triageTargetHint')}
            value={hours}
            onChange={setHours}
            min={1}
            max={720}
            allowDecimal={false}
            error={
              (touched && !hoursValid ? k('triageTargetError') : undefined) ??
              fields.error('triageTargetHours')
            }
          />
          <Select
            label={k('timeZone')}
            description={k('timeZoneHint')}
            value={timeZone}
            onChange={setTimeZone}
            data={timeZones(settings.timeZone)}
            searchable
            allowDeselect={false}
            error={
              (touched && !timeZone ? k('timeZoneError') : undefined) ?? fields.error('timeZone')
            }
          />
        </SimpleGrid>
        <Title order={3} fz="sm">
          {k('matrix')}
        </Title>
        <PriorityMatrixEditor value={matrix} onChange={setMatrix} showProblems={touched} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Who handles incidents, how fast triage should be, the priority matrix, the clocks. */
export function SettingsPanel() {
  const { t } = useTranslation();
  const settings = useIncidentSettings();
  return (
    <Stack gap="lg">
      <Card withBorder radius="lg">
        <Stack gap="md">
          <Title order={2} fz="md">
            {t('incidents.settings.title')}
          </Title>
          {settings.isPending ? (
            <LoadingRows />
          ) : settings.isError ? (
            <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
          ) : (
            // Keyed by version: after a save the form starts from what the server kept.
            <SettingsForm key={settings.data.version} settings={settings.data} />
          )}
        </Stack>
      </Card>
      <ObligationsTable />
    </Stack>
  );
}
