import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconCoin, IconPlus, IconSettings } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { FormatLanguageMenu } from '../../components/FormatLanguageMenu';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingBlock, LoadingRows } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import {
  resourceExportUrl,
  useResource,
  useResourceSettings,
  useResourceSummary,
  type IsmsResource,
} from './api';
import { useResourcesT } from './format';
import { PlanCard } from './PlanCard';
import { Register } from './Register';
import { ResourceFormModal } from './ResourceFormModal';
import { SettingsModal } from './SettingsModal';
import { TotalsCards } from './TotalsCards';
import { TreatmentRollup } from './TreatmentRollup';

// ECharts is large: only a visit to a year with figures to draw downloads it.
const PlannedUsedChart = lazy(() =>
  import('./PlannedUsedChart').then((m) => ({ default: m.PlannedUsedChart })),
);

/** A valid fiscal year from the address, or undefined. */
function yearOf(value: string | null) {
  const year = Number(value);
  return value && Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}

/**
 * ISMS resources and budget per fiscal year (4.2.2.f, 5.1.e, 5.2.1.a): the
 * totals and a chart of planned against used, the register, the plan's
 * approval by top management and the treatment actions' budgets of the year.
 * /resources/:id opens that resource's form over the page.
 */
export function ResourcesPage() {
  const { t } = useTranslation();
  const { tr } = useResourcesT();
  const { date } = useFormat();
  const { can } = useSession();
  const manager = can('resources:manage');
  const navigate = useNavigate();
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const settings = useResourceSettings();
  const opened = useResource(id);
  const [creating, setCreating] = useState(false);
  const [editingSettings, setEditingSettings] = useState(false);
  // The address's year, else the opened resource's, else the year today falls in.
  const fiscalYear =
    yearOf(params.get('year')) ?? opened.data?.fiscalYear ?? settings.data?.currentFiscalYear;
  const summary = useResourceSummary(fiscalYear);
  const search = fiscalYear ? `?year=${fiscalYear}` : '';
  const edit = (resource: IsmsResource) => void navigate(`/resources/${resource.id}${search}`);
  const closeEdit = () => void navigate(`/resources${search}`);

  const current = settings.data?.currentFiscalYear ?? fiscalYear ?? new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => current + 1 - i);
  if (fiscalYear && !years.includes(fiscalYear)) years.push(fiscalYear);

  const header = (
    <PageHeader
      title={t('areas.resources.title')}
      description={t('areas.resources.description')}
      icon={<IconCoin size={32} aria-hidden="true" />}
      actions={
        fiscalYear && (
          <Group gap="sm" align="flex-end">
            <Select
              label={tr('fiscalYear')}
              data={years
                .sort((a, b) => b - a)
                .map((y) => ({ value: String(y), label: tr('yearOption', { year: y }) }))}
              value={String(fiscalYear)}
              onChange={(value) => value && setParams({ year: value })}
              allowDeselect={false}
              w={140}
            />
            <FormatLanguageMenu
              label={tr('export.button')}
              url={(format, lang) => resourceExportUrl(fiscalYear, format, lang)}
              items={[
                { format: 'xlsx', lang: 'ja', label: tr('export.xlsxJa') },
                { format: 'xlsx', lang: 'en', label: tr('export.xlsxEn') },
                { format: 'pdf', lang: 'ja', label: tr('export.pdfJa') },
                { format: 'pdf', lang: 'en', label: tr('export.pdfEn') },
              ]}
            />
            {manager && settings.data && (
              <Button
                variant="default"
                leftSection={<IconSettings size={16} aria-hidden="true" />}
                onClick={() => setEditingSettings(true)}
              >
                {tr('settings.button')}
              </Button>
            )}
            {manager && (
              <Button
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() => setCreating(true)}
              >
                {tr('new')}
              </Button>
            )}
          </Group>
        )
      }
    />
  );

  const failed = settings.error ?? summary.error;
  return (
    <Stack gap="lg">
      {header}
      {id && opened.isError && (
        <Alert color="red" variant="light" role="alert" title={tr('form.notFound')} />
      )}
      {failed ? (
        <ErrorState
          error={failed}
          onRetry={() => void (settings.error ? settings.refetch() : summary.refetch())}
        />
      ) : !summary.data || !fiscalYear ? (
        <LoadingBlock />
      ) : (
        <>
          <Text c="dimmed" fz="sm">
            {tr('yearRange', { from: date(summary.data.from), to: date(summary.data.to) })}
          </Text>
          <TotalsCards summary={summary.data} />
          <PlanCard plan={summary.data.plan} items={summary.data.total.items} manager={manager} />
          {summary.data.total.items > 0 && (
            <SectionCard id="resources-chart" title={tr('chart.title')}>
              <Suspense fallback={<LoadingRows rows={3} />}>
                <PlannedUsedChart byKind={summary.data.byKind} />
              </Suspense>
            </SectionCard>
          )}
          <Register
            fiscalYear={fiscalYear}
            manager={manager}
            onEdit={edit}
            onCreate={() => setCreating(true)}
          />
          <TreatmentRollup treatment={summary.data.treatment} />
        </>
      )}
      {creating && fiscalYear && (
        <ResourceFormModal
          resource={null}
          fiscalYear={fiscalYear}
          plan={summary.data?.plan}
          onClose={() => setCreating(false)}
        />
      )}
      {opened.data && (
        <ResourceFormModal
          key={opened.data.id}
          resource={opened.data}
          fiscalYear={opened.data.fiscalYear}
          plan={summary.data?.fiscalYear === opened.data.fiscalYear ? summary.data.plan : undefined}
          readOnly={!manager}
          onClose={closeEdit}
        />
      )}
      {editingSettings && settings.data && (
        <SettingsModal settings={settings.data} onClose={() => setEditingSettings(false)} />
      )}
    </Stack>
  );
}
