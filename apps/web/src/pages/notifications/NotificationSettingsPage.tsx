import { Alert, Button, Group, NumberInput, Select, Stack, Textarea } from '@mantine/core';
import { IconMail, IconMailOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DigestFrequency } from '@mamoru/contracts';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { SaveProblem } from '../../components/SaveProblem';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toasts';
import {
  useNotificationSettings,
  useSaveNotificationSettings,
  type NotificationSettings,
} from './api';

const lines = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((l) => l.trim())
    .filter(Boolean);

/** The organization's email rules: whether email is on, escalation, domains and external recipients. */
export function NotificationSettingsPage() {
  const { t } = useTranslation();
  const settings = useNotificationSettings();
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('notifications.settings.title')}
        description={t('notifications.settings.intro')}
        icon={<IconMail size={28} aria-hidden="true" />}
      />
      {settings.isPending ? (
        <LoadingRows />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm key={settings.data.version} s={settings.data} />
      )}
    </Stack>
  );
}

/** The form, filled from the settings as read (a save gives a new version, a new form). */
function SettingsForm({ s }: { s: NotificationSettings }) {
  const { t } = useTranslation();
  const toast = useToast();
  const save = useSaveNotificationSettings();
  const [escalationDays, setEscalationDays] = useState<number | string>(s.escalationDays);
  const [digestHour, setDigestHour] = useState<number | string>(s.digestHour);
  const [defaultDigest, setDefaultDigest] = useState<DigestFrequency>(s.defaultDigest);
  const [domains, setDomains] = useState(s.mailDomains.join('\n'));
  const [external, setExternal] = useState(s.externalRecipients.join('\n'));
  const submit = () =>
    save.mutate(
      {
        version: s.version,
        escalationDays: Number(escalationDays),
        digestHour: Number(digestHour),
        defaultDigest,
        mailDomains: lines(domains),
        externalRecipients: lines(external),
      },
      { onSuccess: () => toast.success(t('notifications.settings.saved')) },
    );
  return (
    <SectionCard id="notification-settings" title={t('notifications.settings.title')}>
      <Stack gap="md" p="lg" maw={560}>
        <Alert
          color={s.emailEnabled ? 'teal' : 'gray'}
          icon={
            s.emailEnabled ? (
              <IconMail size={18} aria-hidden="true" />
            ) : (
              <IconMailOff size={18} aria-hidden="true" />
            )
          }
          data-testid="email-status"
        >
          {t(s.emailEnabled ? 'notifications.settings.emailOn' : 'notifications.settings.emailOff')}
          {s.emailEnabled && s.mailDomains.length === 0 && (
            <> {t('notifications.settings.noDomains')}</>
          )}
        </Alert>
        <NumberInput
          label={t('notifications.settings.escalationDays')}
          min={1}
          max={365}
          value={escalationDays}
          onChange={setEscalationDays}
        />
        <Select
          label={t('notifications.settings.defaultDigest')}
          value={defaultDigest}
          onChange={(v) => v && setDefaultDigest(v as DigestFrequency)}
          allowDeselect={false}
          data={(['daily', 'weekly'] as const).map((f) => ({
            value: f,
            label: t(`notifications.preferences.${f}`),
          }))}
        />
        <NumberInput
          label={t('notifications.settings.digestHour')}
          min={0}
          max={23}
          value={digestHour}
          onChange={setDigestHour}
        />
        <Textarea
          label={t('notifications.settings.mailDomains')}
          description={t('notifications.settings.mailDomainsHint')}
          autosize
          minRows={2}
          value={domains}
          onChange={(e) => setDomains(e.currentTarget.value)}
        />
        <Textarea
          label={t('notifications.settings.externalRecipients')}
          description={t('notifications.settings.externalHint')}
          autosize
          minRows={2}
          value={external}
          onChange={(e) => setExternal(e.currentTarget.value)}
        />
        <SaveProblem
          error={save.error}
          staleTitle={t('notifications.settings.stale')}
          staleBody={t('notifications.settings.staleBody')}
        />
        <Group>
          <Button onClick={submit} loading={save.isPending}>
            {t('notifications.settings.save')}
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  );
}
