import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import type { ControlCheck, ControlDetail } from './api';
import { ResultBadge } from './badges';
import { CheckFormModal } from './CheckFormModal';
import { ResultModal } from './ResultModal';

function CheckRow({
  check,
  onEdit,
  onRecord,
}: {
  check: ControlCheck;
  onEdit?: () => void;
  onRecord?: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder radius="md" p="sm" component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap={8} wrap="wrap">
            <Text fw={600} fz="sm">
              {check.title}
            </Text>
            <Badge variant="light" color="gray" tt="none">
              {t(`controls.frequency.${check.frequency}`)}
            </Badge>
            {!check.active && (
              <Badge variant="outline" color="gray" tt="none">
                {t('controls.detail.checks.inactive')}
              </Badge>
            )}
            {check.overdue && (
              <Badge variant="filled" color="red" tt="none">
                {t('controls.detail.checks.overdue')}
              </Badge>
            )}
          </Group>
          {check.method && (
            <Text fz="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
              {check.method}
            </Text>
          )}
          <Group gap="md" wrap="wrap">
            {check.active && (
              <Text fz="xs">
                {t('controls.detail.checks.next', { date: format.date(check.nextDue) })}
              </Text>
            )}
            <Text fz="xs" c="dimmed">
              {t('controls.detail.checks.checker', {
                name: check.checker?.name ?? t('controls.detail.nobody'),
              })}
            </Text>
            {check.lastResult && <ResultBadge result={check.lastResult.result} />}
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {onRecord && check.active && (
            <Button size="xs" variant="light" onClick={onRecord}>
              {t('controls.detail.checks.record')}
            </Button>
          )}
          {onEdit && (
            <Button size="xs" variant="default" onClick={onEdit}>
              {t('controls.detail.checks.edit')}
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

/** The control's scheduled checks: add and edit them (managers), record results (checkers). */
export function ChecksCard({ detail }: { detail: ControlDetail }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [editing, setEditing] = useState<ControlCheck | 'new' | null>(null);
  const [recording, setRecording] = useState<ControlCheck | null>(null);
  const manages = can('controls:manage');
  const checks = can('controls:check');
  return (
    <SectionCard
      id="control-checks"
      title={t('controls.detail.checks.title')}
      description={t('controls.detail.checks.hint')}
      actions={
        manages && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => setEditing('new')}
          >
            {t('controls.detail.checks.add')}
          </Button>
        )
      }
    >
      {detail.checks.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('controls.detail.checks.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0}>
          {detail.checks.map((check) => (
            <CheckRow
              key={check.id}
              check={check}
              onEdit={manages ? () => setEditing(check) : undefined}
              onRecord={checks ? () => setRecording(check) : undefined}
            />
          ))}
        </Stack>
      )}
      {editing && (
        <CheckFormModal
          controlId={detail.control.id}
          check={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {recording && <ResultModal check={recording} onClose={() => setRecording(null)} />}
    </SectionCard>
  );
}
