import { Anchor, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconChartLine, IconPencil } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldKey } from './keys';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingBlock } from '../../components/QueryStates';
import { PageHeader } from '../../components/PageHeader';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { useMeasurements, useObjective, type Objective } from './api';
import { PercentBar, ProgressBadges } from './badges';
import { CsvImport } from './CsvImport';
import { MeasurementChart } from './MeasurementChart';
import { MeasurementsCard } from './MeasurementsCard';
import { ObjectiveFormModal } from './ObjectiveForm';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children || '—'}
      </Text>
    </Stack>
  );
}

function Details({ objective }: { objective: Objective }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = (k: FieldKey) => t(`objectives.fields.${k}`);
  return (
    <SectionCard id="objective-details" title={t('objectives.details')}>
      <Stack gap="md" pb="lg">
        <Group gap="lg">
          <ProgressBadges objective={objective} />
          <PercentBar objective={objective} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={label('metric')}>{objective.metric}</Field>
          <Field label={label('direction')}>
            {t(`objectives.direction.${objective.direction}`)}
          </Field>
          <Field label={`${label('baseline')} → ${label('target')}`}>
            {t('objectives.baselineToTarget', {
              baseline: objective.baseline,
              target: objective.target,
              unit: objective.measureUnit,
            })}
          </Field>
          <Field label={t('objectives.latest')}>
            {objective.latest
              ? `${objective.latest.value} ${objective.measureUnit} (${format.date(objective.latest.measuredOn)})`
              : t('objectives.noMeasurements')}
          </Field>
          <Field label={label('owner')}>{objective.owner?.name ?? t('objectives.noOwner')}</Field>
          <Field label={label('frequency')}>
            {t(`objectives.frequency.${objective.frequency}`)}
          </Field>
          <Field label={label('startDate')}>{format.date(objective.startDate)}</Field>
          <Field label={label('dueDate')}>{format.date(objective.dueDate)}</Field>
          <Field label={t('objectives.columns.nextMeasurement')}>
            {objective.nextMeasurementDue ? format.date(objective.nextMeasurementDue) : '—'}
          </Field>
          <Field label={label('status')}>{t(`objectives.status.${objective.status}`)}</Field>
          <Field label={label('controls')}>{objective.controlIds.join(', ')}</Field>
        </SimpleGrid>
        <Field label={label('description')}>{objective.description}</Field>
        <Field label={label('plan')}>{objective.plan}</Field>
      </Stack>
    </SectionCard>
  );
}

/** One objective (5.1.b, 4.2.3.a.3): its plan, its values against the target, their entry. */
export function ObjectivePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can, info } = useSession();
  const objective = useObjective(id);
  const measurements = useMeasurements(id);
  const [editing, setEditing] = useState(false);

  if (objective.isPending) return <LoadingBlock />;
  if (objective.isError) return <ErrorState error={objective.error} />;
  const o = objective.data;
  // Owners measure their own objectives; managers and the ISMS manager any.
  const canMeasure =
    can('objectives:measure', 'all') ||
    (can('objectives:measure') && !!o.owner && o.owner.id === info?.user.id);
  const values = measurements.data ?? [];

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/objectives" fz="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} aria-hidden="true" />
          {t('objectives.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={`${o.code} ${o.title}`}
        icon={<IconChartLine size={32} aria-hidden="true" />}
        actions={
          can('objectives:manage', 'all') && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden="true" />}
              onClick={() => setEditing(true)}
            >
              {t('objectives.edit')}
            </Button>
          )
        }
      />
      <Details objective={o} />
      <SectionCard id="objective-chart" title={t('objectives.measurements')}>
        {measurements.isError ? (
          <ErrorState error={measurements.error} />
        ) : (
          <MeasurementChart objective={o} measurements={values} />
        )}
      </SectionCard>
      <MeasurementsCard objective={o} measurements={values} canMeasure={canMeasure} />
      {canMeasure && o.status !== 'withdrawn' && <CsvImport objective={o} />}
      {editing && <ObjectiveFormModal objective={o} opened onClose={() => setEditing(false)} />}
    </Stack>
  );
}
