import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const PAGES = [
  { path: '/internal-audits', key: 'audits' },
  { path: '/internal-audits/programme', key: 'programme' },
  { path: '/internal-audits/auditors', key: 'auditors' },
] as const;

/** The internal audit area's pages: audits (with the dashboard), the programme, the auditors. */
export function AuditsNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = PAGES.find((p) => p.path === pathname)?.path ?? PAGES[0].path;
  return (
    <Tabs value={current} onChange={(value) => value && void navigate(value)}>
      <Tabs.List aria-label={t('audits.nav.label')}>
        {PAGES.map((p) => (
          <Tabs.Tab key={p.path} value={p.path}>
            {t(`audits.nav.${p.key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
