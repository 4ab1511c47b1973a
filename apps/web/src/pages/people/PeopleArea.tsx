import { Stack, Tabs } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { CommitteePanel } from './committee/CommitteePanel';
import { GapsPanel } from './GapsPanel';
import { JobsPanel } from './jobs/JobsPanel';
import { OrgChartPanel } from './OrgChartPanel';
import { PeopleListPanel } from './PeopleListPanel';
import { PersonPage } from './person/PersonPage';
import { RolesPanel } from './roles/RolesPanel';
import { SettingsPanel } from './SettingsPanel';

/** The tabs of the area and where each lives. */
export const PEOPLE_TABS = {
  people: '/people',
  roles: '/people/roles',
  committee: '/people/committee',
  orgChart: '/people/org-chart',
  gaps: '/people/gaps',
  jobs: '/people/jobs',
  settings: '/people/settings',
} as const;
export type PeopleTab = keyof typeof PEOPLE_TABS;

const pages: Record<PeopleTab, () => ReactNode> = {
  people: () => <PeopleListPanel />,
  roles: () => <RolesPanel />,
  committee: () => <CommitteePanel />,
  orgChart: () => <OrgChartPanel />,
  gaps: () => <GapsPanel />,
  jobs: () => <JobsPanel />,
  settings: () => <SettingsPanel />,
};

/** People (5.1.c, 5.2.2): one header, a tab for each part, the page of the chosen tab. */
export function PeopleArea({ tab }: { tab: PeopleTab }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader
        title={t(`people.tabs.${tab}`)}
        eyebrow={t('areas.people.title')}
        description={t(`people.tabHints.${tab}`)}
        icon={<IconUserCheck size={32} aria-hidden="true" />}
      />
      <Tabs
        value={tab}
        onChange={(value) => value && void navigate(PEOPLE_TABS[value as PeopleTab])}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('areas.people.title')}>
          {(Object.keys(PEOPLE_TABS) as PeopleTab[]).map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`people.tabs.${key}`)}
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

/** `/people/<segment>`: a tab of the area by its path, otherwise one person's profile. */
export function PeopleSegmentRoute() {
  const { segment = '' } = useParams();
  const tab = (Object.keys(PEOPLE_TABS) as PeopleTab[]).find(
    (key) => PEOPLE_TABS[key] === `/people/${segment}`,
  );
  return tab ? <PeopleArea tab={tab} /> : <PersonPage userId={segment} />;
}
