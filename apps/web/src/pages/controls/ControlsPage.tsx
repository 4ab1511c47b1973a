import { Stack, Tabs } from '@mantine/core';
import { IconShieldCog } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FormatLanguageMenu } from '../../components/FormatLanguageMenu';
import { PageHeader } from '../../components/PageHeader';
import { exportUrl } from './api';
import { ChecksBoard } from './ChecksBoard';
import { ControlRegister } from './ControlRegister';

type Tab = 'register' | 'checks';

/**
 * The control operation area: the register of applicable controls and the
 * checks board. The tab is in the address so the dashboard can open the board.
 */
export function ControlsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'checks' ? 'checks' : 'register';
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('areas.controls.title')}
        description={t('areas.controls.description')}
        icon={<IconShieldCog size={32} aria-hidden="true" />}
        actions={
          <FormatLanguageMenu
            width={240}
            label={t('controls.export.button')}
            url={(format, lang) => exportUrl(format, lang)}
            items={[
              { format: 'xlsx', lang: 'ja', label: t('controls.export.xlsxJa') },
              { format: 'xlsx', lang: 'en', label: t('controls.export.xlsxEn') },
              { format: 'pdf', lang: 'ja', label: t('controls.export.pdfJa') },
              { format: 'pdf', lang: 'en', label: t('controls.export.pdfEn') },
            ]}
          />
        }
      />
      <Tabs
        value={tab}
        onChange={(value) => setParams(value === 'checks' ? { tab: 'checks' } : {})}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="register">{t('controls.tabs.register')}</Tabs.Tab>
          <Tabs.Tab value="checks">{t('controls.tabs.checks')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="register">
          <ControlRegister />
        </Tabs.Panel>
        <Tabs.Panel value="checks">
          <ChecksBoard />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
