import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../../session/useSession';

/** The three views of the documents area: the register, my reading list, reviews due. */
export function DocumentsNav() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const tabs = [
    { path: '/documents', label: t('documents.tabs.register') },
    ...(can('documents:acknowledge')
      ? [{ path: '/documents/to-read', label: t('documents.tabs.toRead') }]
      : []),
    ...(can('isms:read')
      ? [{ path: '/documents/reviews', label: t('documents.tabs.reviews') }]
      : []),
  ];
  return (
    <Tabs value={pathname} onChange={(v) => v && void navigate(v)}>
      <Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.path} value={tab.path}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
