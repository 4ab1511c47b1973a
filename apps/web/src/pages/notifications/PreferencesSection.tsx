import { Alert, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DigestFrequency, EmailMode, NotificationKind } from '@mamoru/contracts';
import { ProblemDetails } from '../../components/ProblemDetails';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toasts';
import { usePreferences, useSavePreferences, type NotificationPreferences } from './api';

const MODES: EmailMode[] = ['immediate', 'digest', 'off'];

/** How each kind of the person's notifications comes by email, and how often the digest. */
export function PreferencesSection() {
  const prefs = usePreferences();
  return prefs.data ? <PreferencesForm data={prefs.data} /> : null;
}

function PreferencesForm({ data }: { data: NotificationPreferences }) {
  const { t } = useTranslation();
  const toast = useToast();
  const save = useSavePreferences();
  const [modes, setModes] = useState<Partial<Record<NotificationKind, EmailMode>>>(() =>
    Object.fromEntries(data.kinds.map((k) => [k.kind, k.email])),
  );
  const [digest, setDigest] = useState<DigestFrequency>(data.digestFrequency);
  const submit = () =>
    save.mutate(
      {
        kinds: data.kinds.map((k) => ({ kind: k.kind, email: modes[k.kind] ?? k.email })),
        digestFrequency: digest,
      },
      { onSuccess: () => toast.success(t('notifications.preferences.saved')) },
    );
  return (
    <SectionCard
      id="notification-preferences"
      title={t('notifications.preferences.title')}
      description={t('notifications.preferences.intro')}
    >
      <Stack gap="md" p="lg">
        {!data.emailEnabled && (
          <Alert color="gray" icon={<IconMailOff size={18} aria-hidden="true" />}>
            {t('notifications.preferences.emailOff')}
          </Alert>
        )}
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('notifications.preferences.kind')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.kinds.map((k) => (
              <Table.Tr key={k.kind}>
                <Table.Td>{t(`notifications.kinds.${k.kind}`)}</Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="xs"
                    aria-label={t(`notifications.kinds.${k.kind}`)}
                    value={modes[k.kind] ?? k.email}
                    onChange={(v) => setModes((m) => ({ ...m, [k.kind]: v as EmailMode }))}
                    data={MODES.map((m) => ({
                      value: m,
                      label: t(`notifications.preferences.${m}`),
                    }))}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Text size="sm">{t('notifications.preferences.digestFrequency')}</Text>
          <SegmentedControl
            size="xs"
            aria-label={t('notifications.preferences.digestFrequency')}
            value={digest}
            onChange={(v) => setDigest(v as DigestFrequency)}
            data={(['daily', 'weekly'] as const).map((f) => ({
              value: f,
              label: t(`notifications.preferences.${f}`),
            }))}
          />
        </Group>
        <ProblemDetails error={save.error} />
        <Group>
          <Button onClick={submit} loading={save.isPending}>
            {t('notifications.preferences.save')}
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  );
}
