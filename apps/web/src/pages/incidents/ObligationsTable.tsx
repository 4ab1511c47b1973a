import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIncidentsT } from './useIncidentsT';
import { EmptyBlock, ErrorState, FormError, LoadingRows } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { useLoadObligationPresets, useObligations, type IncidentObligation } from './api';
import { ObligationModal } from './ObligationModal';

/** "3 days (60 with wrongful intent)", "72 hours", or "promptly" (no fixed clock). */
export function useDeadlineText() {
  const { t } = useTranslation();
  return (o: IncidentObligation) => {
    if (o.deadlineHours != null)
      return t('incidents.settings.deadline.hours', { count: o.deadlineHours });
    if (o.deadlineDays == null) return t('incidents.settings.deadline.none');
    const days = t('incidents.settings.deadline.days', { count: o.deadlineDays });
    return o.deadlineDaysWrongfulIntent != null
      ? t('incidents.settings.deadline.withIntent', {
          days,
          count: o.deadlineDaysWrongfulIntent,
        })
      : days;
  };
}

/** Notification obligations with their clocks; create, edit, load the shipped presets. */
export function ObligationsTable() {
  const { i18n } = useTranslation();
  const tt = useIncidentsT();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const toast = useToast();
  const obligations = useObligations();
  const presets = useLoadObligationPresets();
  const deadline = useDeadlineText();
  const [editing, setEditing] = useState<IncidentObligation | 'new' | null>(null);
  const k = useIncidentsT('incidents.settings.obligations');
  const loadPresets = () =>
    presets.mutate(undefined, {
      onSuccess: ({ items }) => toast.success(k('presetsLoaded', { count: items.length })),
    });
  const items = obligations.data ?? [];

  return (
    <Card withBorder radius="lg">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} fz="md">
            {k('title')}
          </Title>
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden="true" />}
              onClick={loadPresets}
              loading={presets.isPending}
            >
              {k('loadPresets')}
            </Button>
            <Button
              leftSection={<IconPlus size={16} aria-hidden="true" />}
              onClick={() => setEditing('new')}
            >
              {k('new')}
            </Button>
          </Group>
        </Group>
        <Text fz="sm" c="dimmed">
          {k('intro')}
        </Text>
        <FormError error={presets.error} />
        {obligations.isPending ? (
          <LoadingRows />
        ) : obligations.isError ? (
          <ErrorState error={obligations.error} onRetry={() => void obligations.refetch()} />
        ) : items.length === 0 ? (
          <EmptyBlock
            icon={<IconPlus size={28} aria-hidden="true" />}
            title={k('empty')}
            description={k('emptyHint')}
          />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={k('title')} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{k('name')}</Table.Th>
                  <Table.Th>{k('recipient')}</Table.Th>
                  <Table.Th>{k('appliesTo')}</Table.Th>
                  <Table.Th>{k('deadline')}</Table.Th>
                  <Table.Th>{k('state')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>{o.name[lang] || o.name.ja}</Table.Td>
                    <Table.Td>{o.recipient}</Table.Td>
                    <Table.Td>
                      {o.appliesToTypes
                        .map((type) => tt(`common.types.${type}`))
                        .join(lang === 'ja' ? '、' : ', ')}
                      {o.requiresPersonalData && (
                        <Text fz="xs" c="dimmed">
                          {k('personalDataOnly')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{deadline(o)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={o.active ? 'teal' : 'gray'}>
                        {o.active ? k('active') : k('inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        onClick={() => setEditing(o)}
                        aria-label={k('editNamed', { name: o.name[lang] || o.name.ja })}
                      >
                        {k('edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {editing && (
        <ObligationModal
          obligation={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
