import { Stack, Tabs, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadingBlock } from '../../components/QueryStates';
import { NotFoundPage } from '../NotFoundPage';
import { AssessmentsPage } from './assessments/AssessmentsPage';
import { ThreatsPage } from './catalogs/ThreatsPage';
import { VulnerabilitiesPage } from './catalogs/VulnerabilitiesPage';
import { RisksExportMenu } from './ExportMenu';
import { MethodPage } from './method/MethodPage';
import { RegisterPage } from './register/RegisterPage';
import { TreatmentPlanPage } from './treatment/TreatmentPlanPage';

// The heat map pulls in ECharts; only visits to that tab pay for it.
const HeatmapPage = lazy(() =>
  import('./register/HeatmapPage').then((m) => ({ default: m.HeatmapPage })),
);

/** The tabs of the area, in working order, and where each lives. */
export const RISK_TABS = {
  register: '/risks',
  heatmap: '/risks/heatmap',
  treatment: '/treatment-plan',
  assessments: '/risks/assessments',
  method: '/risks/method',
  threats: '/risks/threats',
  vulnerabilities: '/risks/vulnerabilities',
} as const;
export type RiskTab = keyof typeof RISK_TABS;

function isTab(value: string | undefined): value is RiskTab {
  return value !== undefined && value in RISK_TABS && value !== 'register';
}

const pages: Record<RiskTab, () => ReactNode> = {
  register: () => <RegisterPage />,
  heatmap: () => (
    <Suspense fallback={<LoadingBlock />}>
      <HeatmapPage />
    </Suspense>
  ),
  treatment: () => <TreatmentPlanPage />,
  assessments: () => <AssessmentsPage />,
  method: () => <MethodPage />,
  threats: () => <ThreatsPage />,
  vulnerabilities: () => <VulnerabilitiesPage />,
};

/** Risk assessment and treatment: one header, tabs for each part, the page of the chosen tab. */
export function RisksArea({ tab }: { tab: RiskTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const area = tab === 'treatment' ? 'treatmentPlan' : 'risks';
  return (
    <Stack gap="lg" maw={1500}>
      <PageHeader
        title={t(`risks.tabs.${tab}`)}
        eyebrow={t(`areas.${area}.title`)}
        description={t(`risks.tabHints.${tab}`)}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="blue">
            <IconAlertTriangle size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
        actions={<RisksExportMenu />}
      />
      <Tabs
        value={tab}
        onChange={(value) => value && void navigate(RISK_TABS[value as RiskTab])}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('areas.risks.title')}>
          {(Object.keys(RISK_TABS) as RiskTab[]).map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`risks.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value={tab} pt="lg">
          {pages[tab]()}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** `/risks/:tab`; an unknown tab is a missing page. */
export function RisksTabRoute() {
  const { tab } = useParams();
  return isTab(tab) && tab !== 'treatment' ? <RisksArea tab={tab} /> : <NotFoundPage />;
}
