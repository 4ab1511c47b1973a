import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconCalendarEvent,
  IconEdit,
  IconFileImport,
  IconTrash,
  IconUserCheck,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  useRemoveAttendance,
  useSessionAttendance,
  useTrainingSession,
  type TrainingAttendance,
} from '../../api/training';
import { ConfirmModal } from '../../components/ConfirmModal';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, FormError, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { EvaluationModal } from './EvaluationModal';
import { ImportDialog } from './ImportDialog';
import { RecordAttendanceModal } from './RecordAttendanceModal';
import { SessionFormModal } from './SessionFormModal';
import { SessionStatusBadge } from './SessionList';

/** One session: its details, who attended, the import, and the supervisor's evaluations. */
export function SessionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { can, info } = useSession();
  const session = useTrainingSession(id);
  const attendance = useSessionAttendance(id);
  const remove = useRemoveAttendance();
  const [editing, setEditing] = useState(false);
  const [recording, setRecording] = useState(false);
  const [importing, setImporting] = useState(false);
  const [evaluating, setEvaluating] = useState<TrainingAttendance | null>(null);
  const [removing, setRemoving] = useState<TrainingAttendance | null>(null);
  if (session.isPending) return <LoadingRows />;
  if (session.isError)
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  const s = session.data;
  const manageAll = can('training:manage', 'all');
  // Evaluation needs training:manage over the person; the server decides reach, never oneself.
  const mayEvaluate = (a: TrainingAttendance) =>
    s.course.evaluation === 'supervisor' &&
    a.status === 'attended' &&
    can('training:manage') &&
    a.user.id !== info?.user.id;
  const rows = attendance.data ?? [];

  return (
    <Stack gap="lg">
      <PageHeader
        eyebrow={
          <Anchor component={Link} to="/training/sessions" fz="sm">
            {t('training.session.listTitle')}
          </Anchor>
        }
        title={`${s.code} ${s.course.title}`}
        icon={<IconCalendarEvent size={32} aria-hidden="true" />}
        actions={
          <Group gap="sm">
            {s.recordable && (
              <>
                <Button
                  variant="default"
                  leftSection={<IconFileImport size={16} aria-hidden="true" />}
                  onClick={() => setImporting(true)}
                >
                  {t('training.import.button')}
                </Button>
                <Button
                  leftSection={<IconUserCheck size={16} aria-hidden="true" />}
                  onClick={() => setRecording(true)}
                >
                  {t('training.attendance.record')}
                </Button>
              </>
            )}
            {manageAll && (
              <Button
                variant="default"
                leftSection={<IconEdit size={16} aria-hidden="true" />}
                onClick={() => setEditing(true)}
              >
                {t('training.session.edit')}
              </Button>
            )}
          </Group>
        }
      />
      <Card withBorder radius="lg">
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Stack gap={2}>
            <Text fz="xs" c="dimmed">
              {t('training.session.course')}
            </Text>
            <Anchor component={Link} to={`/training/courses/${s.course.id}`} fz="sm">
              {s.course.code} {s.course.title}
            </Anchor>
          </Stack>
          <Stack gap={2}>
            <Text fz="xs" c="dimmed">
              {t('training.session.heldOn')}
            </Text>
            <Text fz="sm">{format.date(s.heldOn)}</Text>
          </Stack>
          <Stack gap={2}>
            <Text fz="xs" c="dimmed">
              {t('training.session.location')}
            </Text>
            <Text fz="sm">{s.location || '—'}</Text>
          </Stack>
          <Stack gap={2}>
            <Text fz="xs" c="dimmed">
              {t('training.session.trainer')}
            </Text>
            <Text fz="sm">{s.trainer?.name ?? (s.trainerName || '—')}</Text>
          </Stack>
          <Stack gap={2}>
            <Text fz="xs" c="dimmed">
              {t('training.session.status')}
            </Text>
            <div>
              <SessionStatusBadge status={s.status} />
            </div>
          </Stack>
          <Stack gap={2}>
            <Text fz="xs" c="dimmed">
              {t('training.course.evaluation')}
            </Text>
            <Text fz="sm">{t(`training.evaluation.${s.course.evaluation}`)}</Text>
          </Stack>
          <Stack gap={2}>
            <Text fz="xs" c="dimmed">
              {t('training.course.materials')}
            </Text>
            {s.materials.length === 0 ? (
              <Text fz="sm">{t('training.course.noMaterials')}</Text>
            ) : (
              s.materials.map((m) => (
                <Anchor key={m.id} component={Link} to={`/documents/${m.id}`} fz="sm">
                  {m.code} {m.title}
                </Anchor>
              ))
            )}
          </Stack>
          {s.note && (
            <Stack gap={2}>
              <Text fz="xs" c="dimmed">
                {t('training.session.note')}
              </Text>
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.note}
              </Text>
            </Stack>
          )}
        </SimpleGrid>
      </Card>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} fz="lg">
            {t('training.attendance.title', { count: s.attendedCount })}
          </Title>
          {s.unevaluatedCount > 0 && (
            <Badge color="orange" variant="light">
              {t('training.session.toEvaluate', { count: s.unevaluatedCount })}
            </Badge>
          )}
        </Group>
        <FormError error={remove.error} />
        {attendance.isPending ? (
          <LoadingRows />
        ) : attendance.isError ? (
          <ErrorState error={attendance.error} onRetry={() => void attendance.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyBlock
            icon={<IconUserCheck size={28} aria-hidden="true" />}
            title={t('training.attendance.empty')}
            description={s.recordable ? t('training.attendance.emptyRecordable') : undefined}
          />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-label={t('training.attendance.tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('training.attendance.person')}</Table.Th>
                  <Table.Th>{t('training.attendance.status')}</Table.Th>
                  <Table.Th>{t('training.attendance.source')}</Table.Th>
                  <Table.Th>{t('training.attendance.note')}</Table.Th>
                  <Table.Th>{t('training.attendance.evaluation')}</Table.Th>
                  <Table.Th aria-label={t('common.actions')} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.user.name}</Table.Td>
                    <Table.Td>{t(`training.attendanceStatus.${a.status}`)}</Table.Td>
                    <Table.Td>
                      {t(`training.source.${a.source}`)}
                      {a.recordedBy ? ` (${a.recordedBy.name})` : ''}
                    </Table.Td>
                    <Table.Td>{a.note}</Table.Td>
                    <Table.Td>
                      {a.evaluationResult ? (
                        <Stack gap={0}>
                          <Badge
                            color={a.evaluationResult === 'effective' ? 'green' : 'red'}
                            variant="light"
                          >
                            {t(`training.evaluationResult.${a.evaluationResult}`)}
                          </Badge>
                          <Text fz="xs" c="dimmed">
                            {a.evaluatedBy?.name} {format.date(a.evaluatedOn)}
                          </Text>
                        </Stack>
                      ) : s.course.evaluation === 'supervisor' && a.status === 'attended' ? (
                        <Text fz="sm" c="orange">
                          {t('training.attendance.notEvaluated')}
                        </Text>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {mayEvaluate(a) && (
                          <Button size="xs" variant="light" onClick={() => setEvaluating(a)}>
                            {t('training.evaluate.button')}
                          </Button>
                        )}
                        {manageAll && (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('training.attendance.remove', { name: a.user.name })}
                            onClick={() => setRemoving(a)}
                          >
                            <IconTrash size={16} aria-hidden="true" />
                          </ActionIcon>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      {editing && <SessionFormModal session={s} onClose={() => setEditing(false)} />}
      {recording && (
        <RecordAttendanceModal
          sessionId={s.id}
          recorded={rows}
          onClose={() => setRecording(false)}
        />
      )}
      {importing && <ImportDialog sessionId={s.id} onClose={() => setImporting(false)} />}
      {evaluating && (
        <EvaluationModal attendance={evaluating} onClose={() => setEvaluating(null)} />
      )}
      {removing && (
        <ConfirmModal
          opened
          danger
          title={t('training.attendance.removeTitle')}
          message={t('training.attendance.removeBody', { name: removing.user.name })}
          confirmLabel={t('training.attendance.removeConfirm')}
          pending={remove.isPending}
          onClose={() => setRemoving(null)}
          onConfirm={() => remove.mutate(removing, { onSuccess: () => setRemoving(null) })}
        />
      )}
    </Stack>
  );
}
