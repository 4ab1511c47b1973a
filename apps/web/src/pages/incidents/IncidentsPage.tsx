import { Stack, Tabs } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useIncidentsT } from './useIncidentsT';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/useSession';
import { IncidentList } from './IncidentList';
import { SettingsPanel } from './SettingsPanel';
import { StatsPanel } from './StatsPanel';

type Tab = 'mine' | 'all' | 'stats' | 'settings';

/**
 * The incidents area (4.2.3.a): one's own reports for everyone; all incidents
 * and their statistics for readers with all reach; the settings for managers.
 * The tab is in the address so a link (dashboard, due list) can open one.
 */
export function IncidentsPage() {
  const { t } = useTranslation();
  const tt = useIncidentsT();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const readsAll = can('incidents:read', 'all');
  const tabs: Tab[] = [
    'mine',
    ...(readsAll ? (['all', 'stats'] as const) : []),
    ...(can('incidents:manage', 'all') ? (['settings'] as const) : []),
  ];
  const asked = params.get('tab') as Tab | null;
  // Readers of all incidents start on the whole list; reporters on their own.
  const tab: Tab = asked && tabs.includes(asked) ? asked : readsAll ? 'all' : 'mine';
  // Filters belong to the list they came with: a new tab starts clean.
  const select = (value: string | null) => setParams(value ? { tab: value } : {});

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('areas.incidents.title')}
        description={t('areas.incidents.description')}
        icon={<IconAlertTriangle size={32} aria-hidden="true" />}
      />
      <Tabs value={tab} onChange={select} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {tt(`list.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="mine">
          <IncidentList mine="reported" />
        </Tabs.Panel>
        {readsAll && (
          <>
            <Tabs.Panel value="all">
              <IncidentList />
            </Tabs.Panel>
            <Tabs.Panel value="stats">
              <StatsPanel />
            </Tabs.Panel>
          </>
        )}
        {tabs.includes('settings') && (
          <Tabs.Panel value="settings">
            <SettingsPanel />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
