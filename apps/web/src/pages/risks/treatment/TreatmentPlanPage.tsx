import {
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconAlertCircle, IconListCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyBlock, ErrorState, LoadingRows } from '../../../components/QueryStates';
import { useFormat } from '../../../lib/format';
import { useSession } from '../../../session/useSession';
import { useTreatmentPlan, type TreatmentActionDto } from '../api/plan';
import { ActionFormModal } from './ActionFormModal';
import { PlanFilters, planFilterFromParams, type PlanKey } from './PlanFilters';

const priorityColor = { low: 'gray', medium: 'blue', high: 'orange', critical: 'red' };
const statusColor = { planned: 'gray', in_progress: 'blue', done: 'teal', cancelled: 'dark' };

/** The risk treatment plan (4.2.2.a–b): who does what by when, with which resources. */
export function TreatmentPlanPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { can } = useSession();
  const write = can('isms:write');
  const [params, setParams] = useSearchParams();
  const filter = planFilterFromParams(params);
  const plan = useTreatmentPlan({ ...filter, sort: 'dueDate', direction: 'asc' });
  const [editing, setEditing] = useState<{ action: TreatmentActionDto | null; key: number } | null>(
    null,
  );
  const items = plan.data?.pages.flatMap((page) => page.items) ?? [];
  const update = (changes: Partial<Record<PlanKey, string | null>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === undefined || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  const filtered = Object.keys(filter).length > 0;
  const money = new Intl.NumberFormat(i18n.language.startsWith('ja') ? 'ja-JP' : 'en-GB');
  const createButton = write && (
    <Button
      leftSection={<IconPlus size={16} aria-hidden="true" />}
      onClick={() => setEditing({ action: null, key: Date.now() })}
    >
      {t('risks.plan.create')}
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <PlanFilters filter={filter} onChange={update} />
        {createButton}
      </Group>
      <Card withBorder radius="lg" padding={0} shadow="xs">
        {plan.isPending ? (
          <Stack p="md">
            <LoadingRows rows={5} />
          </Stack>
        ) : plan.isError ? (
          <Stack p="md">
            <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyBlock
            icon={<IconListCheck size={28} stroke={1.5} aria-hidden="true" />}
            title={filtered ? t('risks.plan.noMatch') : t('risks.plan.empty')}
            description={filtered ? undefined : t('risks.plan.emptyHint')}
            action={createButton || undefined}
          />
        ) : (
          <Table.ScrollContainer minWidth={1100}>
            <Table
              verticalSpacing="xs"
              horizontalSpacing="md"
              highlightOnHover
              aria-label={t('risks.tabs.treatment')}
            >
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('risks.plan.fields.code')}</Table.Th>
                  <Table.Th>{t('risks.plan.fields.title')}</Table.Th>
                  <Table.Th>{t('risks.plan.fields.owner')}</Table.Th>
                  <Table.Th>{t('risks.plan.fields.priority')}</Table.Th>
                  <Table.Th>{t('risks.plan.fields.dueDate')}</Table.Th>
                  <Table.Th>{t('risks.plan.fields.resources')}</Table.Th>
                  <Table.Th ta="right">{t('risks.plan.fields.budget')}</Table.Th>
                  <Table.Th>{t('risks.plan.fields.status')}</Table.Th>
                  <Table.Th w={150}>{t('risks.plan.fields.progress')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((action) => (
                  <Table.Tr
                    key={action.id}
                    bg={action.overdue ? 'var(--mantine-color-red-0)' : undefined}
                  >
                    <Table.Td>
                      <UnstyledButton
                        c="blue.8"
                        fw={600}
                        fz="sm"
                        ff="monospace"
                        onClick={() => setEditing({ action, key: Date.now() })}
                        aria-label={t('risks.plan.open', { code: action.code })}
                      >
                        {action.code}
                      </UnstyledButton>
                    </Table.Td>
                    <Table.Td fz="sm">
                      <div>{action.title}</div>
                      <Text fz="xs" c="dimmed">
                        {t('risks.plan.links', {
                          risks: action.riskIds.length,
                          controls: action.controlIds.length,
                        })}
                      </Text>
                    </Table.Td>
                    <Table.Td fz="sm">{action.owner?.name ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={priorityColor[action.priority]} tt="none">
                        {t(`risks.plan.priorities.${action.priority}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td fz="sm">
                      {action.dueDate ? (
                        <Group gap={4} wrap="nowrap" c={action.overdue ? 'red.9' : undefined}>
                          {action.overdue && (
                            <Tooltip label={t('risks.plan.overdue')} withinPortal>
                              <IconAlertCircle
                                size={16}
                                role="img"
                                aria-label={t('risks.plan.overdue')}
                              />
                            </Tooltip>
                          )}
                          <Text span fz="sm" fw={action.overdue ? 700 : 400}>
                            {format.date(action.dueDate)}
                          </Text>
                        </Group>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                    <Table.Td fz="sm" maw={220}>
                      <Text fz="sm" lineClamp={2}>
                        {action.resources || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td fz="sm" ta="right">
                      {action.budget === null ? '—' : money.format(action.budget)}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="dot" color={statusColor[action.status]} tt="none" fw={500}>
                        {t(`risks.plan.statuses.${action.status}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Progress
                          value={action.progress}
                          w={90}
                          color={action.progress >= 100 ? 'teal' : 'blue'}
                          aria-label={t('risks.plan.progressOf', { code: action.code })}
                        />
                        <Text fz="xs">{action.progress}%</Text>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {plan.hasNextPage && (
          <Group justify="center" p="md">
            <Button
              variant="default"
              onClick={() => void plan.fetchNextPage()}
              loading={plan.isFetchingNextPage}
            >
              {t('common.loadMore')}
            </Button>
          </Group>
        )}
      </Card>
      {editing && (
        <ActionFormModal
          key={editing.key}
          action={editing.action}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
