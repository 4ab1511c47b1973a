import { Anchor, Badge, Group, Stack, Stepper, Text } from '@mantine/core';
import { IconTool } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { nonconformityStatusSchema } from '@mamoru/contracts';
import { useCatalogOptions } from '../../components/catalogPicker/useCatalogOptions';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingBlock } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { ActionsSection } from './ActionsSection';
import { EditNonconformityButton } from './EditNonconformityModal';
import { useNonconformity, type NonconformityDetail } from './api';
import { NcBadges } from './NonconformitiesPage';
import { NonconformityFiles } from './NonconformityFiles';
import { AnalysisForm, CloseForm, ContainmentForm, EvaluationForm } from './StepForms';

/** Requirement items and controls in the reader's form (第4 2.(1) b / 4.2.1 b, 9(4)⑨ / A.9.4.9). */
function Clauses({ nc }: { nc: NonconformityDetail }) {
  const requirements = useCatalogOptions('requirement', '', nc.requirementIds);
  const controls = useCatalogOptions('control', '', nc.controlIds);
  const named = (ids: string[], data: { value: string; label: string }[]) =>
    ids.map((id) => data.find((o) => o.value === id)?.label ?? id);
  const all = [
    ...named(nc.requirementIds, requirements.data),
    ...named(nc.controlIds, controls.data),
  ];
  if (all.length === 0) return null;
  return (
    <Group gap={4}>
      {all.map((label) => (
        <Badge key={label} variant="outline" tt="none">
          {label}
        </Badge>
      ))}
    </Group>
  );
}

/**
 * One nonconformity and its workflow (7.2, 7.3): each step shows what was
 * recorded, by whom and when, and the form of the step it stands at.
 */
export function NonconformityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const query = useNonconformity(id);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <LoadingBlock />;
  const nc = query.data;
  const manage = can('improvement:manage');
  const step = nonconformityStatusSchema.options.indexOf(nc.status);
  const at = (...statuses: string[]) => manage && statuses.includes(nc.status);
  const by = (p: { name: string } | null, date: string | null) =>
    p && date ? t('improvement.detail.by', { name: p.name, date: format.dateTime(date) }) : '';
  const analysis = nc.analyses.find((a) => a.cycle === nc.cycle);
  const closable =
    manage &&
    ((nc.status === 'evaluated' && analysis?.actionNeeded === false) ||
      (nc.status === 'in_review' &&
        nc.actions.some((a) => a.cycle === nc.cycle && a.status === 'effective') &&
        nc.actions
          .filter((a) => a.cycle === nc.cycle && a.status !== 'cancelled')
          .every((a) => a.status === 'effective')));

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/corrective-actions" fz="sm">
        {t('improvement.detail.back')}
      </Anchor>
      <PageHeader
        eyebrow={`${nc.code} · ${t(`improvement.kind.${nc.kind}`)}`}
        title={nc.title}
        icon={<IconTool size={32} aria-hidden="true" />}
        actions={manage && nc.status !== 'closed' && <EditNonconformityButton nc={nc} />}
        description={
          <Stack gap={4}>
            <Group gap="xs">
              <NcBadges nc={nc} />
              <Badge variant="light">{t(`improvement.status.${nc.status}`)}</Badge>
              <Badge variant="default">{t('improvement.detail.cycle', { n: nc.cycle })}</Badge>
            </Group>
            <Text fz="sm">
              {t(`improvement.source.${nc.source}`)}
              {nc.sourceLink?.label ? ` (${nc.sourceLink.label})` : ''} ·{' '}
              {t('improvement.fields.detectedOn')} {format.date(nc.detectedOn)}
              {nc.unit ? ` · ${nc.unit.name}` : ''}
            </Text>
            <Clauses nc={nc} />
          </Stack>
        }
      />
      {nc.description && <Text style={{ whiteSpace: 'pre-wrap' }}>{nc.description}</Text>}
      <Stepper
        active={step}
        size="xs"
        allowNextStepsSelect={false}
        aria-label={t('improvement.detail.steps')}
      >
        {nonconformityStatusSchema.options.map((s) => (
          <Stepper.Step key={s} label={t(`improvement.status.${s}`)} />
        ))}
      </Stepper>

      <SectionCard id="nc-containment" title={t('improvement.detail.containment')}>
        {nc.containment ? (
          <Stack gap={2}>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{nc.containment}</Text>
            <Text c="dimmed" fz="xs">
              {by(nc.containedBy, nc.containedAt)}
            </Text>
          </Stack>
        ) : (
          <Text c="dimmed">{t('improvement.detail.noContainment')}</Text>
        )}
        {at('reported') && <ContainmentForm key={nc.version} nc={nc} />}
      </SectionCard>

      <SectionCard id="nc-analysis" title={t('improvement.detail.analysis')}>
        {nc.analyses.length === 0 && <Text c="dimmed">{t('improvement.detail.noAnalysis')}</Text>}
        {nc.analyses.map((a) => (
          <Stack key={a.cycle} gap={4} mb="sm">
            <Text fw={600} fz="sm">
              {t('improvement.detail.cycle', { n: a.cycle })} ·{' '}
              {t(`improvement.fishbone.${a.fishboneCategory}`)}
            </Text>
            <Stack gap={0} component="ol" style={{ margin: 0 }}>
              {a.whySteps.map((w, i) => (
                <Text key={i} component="li" fz="sm">
                  {w}
                </Text>
              ))}
            </Stack>
            <Text fz="sm">
              {t('improvement.fields.rootCause')}: {a.rootCause}
            </Text>
            <Text c="dimmed" fz="xs">
              {by(a.analysedBy, a.analysedAt)}
            </Text>
            {a.actionNeeded !== null && (
              <Text fz="sm">
                {t('improvement.detail.evaluation')}:{' '}
                {t(
                  a.actionNeeded
                    ? 'improvement.detail.actionNeededYes'
                    : 'improvement.detail.actionNeededNo',
                )}{' '}
                — {a.evaluationReason}{' '}
                <Text span c="dimmed" fz="xs">
                  {by(a.evaluatedBy, a.evaluatedAt)}
                </Text>
              </Text>
            )}
          </Stack>
        ))}
        {at('contained', 'analysed') && <AnalysisForm key={nc.version} nc={nc} />}
      </SectionCard>

      {at('analysed') && (
        <SectionCard id="nc-evaluation" title={t('improvement.detail.evaluation')}>
          <EvaluationForm key={nc.version} nc={nc} />
        </SectionCard>
      )}

      <ActionsSection nc={nc} />
      <NonconformityFiles nc={nc} />

      {(closable || nc.status === 'closed') && (
        <SectionCard id="nc-close" title={t('improvement.detail.close')}>
          {nc.status === 'closed' ? (
            <Text>
              {t('improvement.detail.closedOn', { date: format.dateTime(nc.closedAt) })}{' '}
              {nc.closedBy?.name}
            </Text>
          ) : (
            <CloseForm key={nc.version} nc={nc} />
          )}
        </SectionCard>
      )}
    </Stack>
  );
}
