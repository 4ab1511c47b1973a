import { Drawer, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingRows } from '../../../components/QueryStates';
import { useSession } from '../../../session/useSession';
import { useCatalog } from '../api/catalogs';
import { methodVersions, useRiskMethods } from '../api/methods';
import { useRisk } from '../api/register';
import { CiaTags } from '../catalogs/CatalogListPage';
import { textOf, uiLang } from '../catalogs/labels';
import { AssessmentForm } from './AssessmentForm';
import { AcceptanceBadge, EvaluationBadge, LevelBadge, RiskStatusBadge } from './badges';
import { ResidualAcceptanceModal } from './ResidualAcceptanceModal';
import { levelLabel, riskScales } from './scaleOptions';
import { TreatmentForm } from './TreatmentForm';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

/** One risk: what it is, how it was valued, and its treatment, in a side panel. */
export function RiskDrawer({ riskId, onClose }: { riskId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const risk = useRisk(riskId);
  const methods = useRiskMethods();
  const method = methodVersions(methods.data).inForce?.definition;
  const scales = riskScales(method);
  const lang = uiLang(i18n.language);
  const threats = useCatalog('threats');
  const vulnerabilities = useCatalog('vulnerabilities');
  const [tab, setTab] = useState<string | null>('treatment');
  const [sending, setSending] = useState(false);
  const data = risk.data;
  const editable = can('isms:write');
  const suggested = data
    ? [
        ...new Set([
          ...(threats.data?.find((x) => x.id === data.threat.id)?.relatedControls ?? []),
          ...(vulnerabilities.data?.find((x) => x.id === data.vulnerability?.id)?.relatedControls ??
            []),
        ]),
      ]
    : [];

  return (
    <Drawer
      opened={riskId !== null}
      onClose={onClose}
      position="right"
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={data ? t('risks.drawer.title', { code: data.code }) : t('risks.drawer.loading')}
    >
      {risk.isPending ? (
        <LoadingRows rows={6} />
      ) : risk.isError ? (
        <ErrorState error={risk.error} onRetry={() => void risk.refetch()} />
      ) : (
        data && (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
              <Fact label={t('risks.register.columns.asset')}>
                <Text fz="sm">
                  {data.asset.code} {data.asset.name}
                </Text>
              </Fact>
              <Fact label={t('risks.register.columns.threat')}>
                <Text fz="sm">
                  {data.threat.code} {textOf(data.threat.name, i18n.language)}
                </Text>
              </Fact>
              <Fact label={t('risks.drawer.vulnerability')}>
                <Text fz="sm">
                  {data.vulnerability
                    ? `${data.vulnerability.code} ${textOf(data.vulnerability.name, i18n.language)}`
                    : '—'}
                </Text>
              </Fact>
              <Fact label={t('risks.register.columns.affects')}>
                <CiaTags affects={data.affects} />
              </Fact>
              <Fact label={t('risks.drawer.inputs')}>
                <Text fz="sm" ff="monospace">
                  {t('risks.drawer.inputsValue', {
                    asset: data.assetValue ?? '—',
                    likelihood: levelLabel(scales.likelihood, data.likelihood, lang),
                    vulnerability: levelLabel(scales.vulnerability, data.vulnerabilityLevel, lang),
                  })}
                </Text>
              </Fact>
              <Fact label={t('risks.register.columns.level')}>
                <Group gap="xs">
                  <LevelBadge value={data.value} level={data.level} />
                  <EvaluationBadge evaluation={data.evaluation} />
                </Group>
              </Fact>
              <Fact label={t('risks.register.columns.residual')}>
                <Group gap="xs">
                  <LevelBadge value={data.residual.value} level={data.residual.level} />
                  {data.residual.evaluation && (
                    <EvaluationBadge evaluation={data.residual.evaluation} />
                  )}
                </Group>
              </Fact>
              <Fact label={t('risks.register.columns.residualAcceptance')}>
                <AcceptanceBadge status={data.residualAcceptance.status} />
              </Fact>
              <Fact label={t('risks.register.columns.status')}>
                <RiskStatusBadge status={data.status} />
              </Fact>
            </SimpleGrid>
            <Tabs value={tab} onChange={setTab}>
              <Tabs.List>
                <Tabs.Tab value="treatment">{t('risks.drawer.treatmentTab')}</Tabs.Tab>
                <Tabs.Tab value="assessment">{t('risks.drawer.assessmentTab')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="treatment" pt="md">
                <TreatmentForm
                  key={data.version}
                  risk={data}
                  method={method}
                  editable={editable}
                  suggested={suggested}
                  onSendResidual={() => setSending(true)}
                />
              </Tabs.Panel>
              <Tabs.Panel value="assessment" pt="md">
                <AssessmentForm
                  key={data.version}
                  risk={data}
                  method={method}
                  editable={editable}
                />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        )
      )}
      {sending && data && (
        <ResidualAcceptanceModal riskIds={[data.id]} onClose={() => setSending(false)} />
      )}
    </Drawer>
  );
}
