import {
  Anchor,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  type SegmentedControlItem,
} from '@mantine/core';
import { IconAlertTriangle, IconCalendarCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CheckDueFilter } from '@mamoru/contracts';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { textIn, useCatalogLanguage } from '../../lib/catalogText';
import { controlIdIn } from '../../lib/displayId';
import { useFormat } from '../../lib/format';
import { useSession } from '../../session/useSession';
import { useCheckList, type ControlCheck } from './api';
import { ResultBadge } from './badges';
import { controlPath } from './ControlRegister';
import { ResultModal } from './ResultModal';

/**
 * The checks board: checks overdue or coming due, everyone's or the caller's
 * own ("my checks"), with the result recorded from the row.
 */
export function ChecksBoard() {
  const { t } = useTranslation();
  const lang = useCatalogLanguage();
  const format = useFormat();
  const { can } = useSession();
  // Checkers with own reach only see their checks; readers of all start on everyone's.
  const [scope, setScope] = useState<'all' | 'mine'>(can('controls:read', 'all') ? 'all' : 'mine');
  const [due, setDue] = useState<CheckDueFilter | 'any'>('overdue');
  const [recording, setRecording] = useState<ControlCheck | null>(null);
  const list = useCheckList({
    checkerId: scope === 'mine' ? 'me' : null,
    due: due === 'any' ? null : due,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const dueOptions: SegmentedControlItem[] = [
    { value: 'overdue', label: t('controls.checks.overdue') },
    { value: 'soon', label: t('controls.checks.soon') },
    { value: 'any', label: t('controls.checks.dueAny') },
  ];

  return (
    <Stack gap="md">
      <Group gap="lg" wrap="wrap">
        <SegmentedControl
          aria-label={t('controls.checks.scope')}
          value={scope}
          onChange={(v) => setScope(v === 'mine' ? 'mine' : 'all')}
          data={[
            { value: 'all', label: t('controls.checks.all') },
            { value: 'mine', label: t('controls.checks.mine') },
          ]}
        />
        <SegmentedControl
          aria-label={t('controls.checks.when')}
          value={due}
          onChange={(v) => setDue(v as CheckDueFilter | 'any')}
          data={dueOptions}
        />
      </Group>
      {list.isPending ? (
        <LoadingRows />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          icon={<IconCalendarCheck size={28} aria-hidden="true" />}
          title={t('controls.checks.empty')}
        />
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped aria-label={t('controls.checks.label')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('controls.checks.columns.check')}</Table.Th>
                <Table.Th>{t('controls.checks.columns.control')}</Table.Th>
                <Table.Th>{t('controls.checks.columns.frequency')}</Table.Th>
                <Table.Th>{t('controls.checks.columns.nextDue')}</Table.Th>
                <Table.Th>{t('controls.checks.columns.checker')}</Table.Th>
                <Table.Th>{t('controls.checks.columns.lastResult')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((check) => (
                <Table.Tr key={check.id}>
                  <Table.Td>{check.title}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={controlPath(check.controlId)} fz="sm">
                      {controlIdIn(
                        { controlId: check.controlId, displayId: check.controlDisplayId },
                        lang,
                      )}{' '}
                      {textIn(check.controlTitle, lang)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`controls.frequency.${check.frequency}`)}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text fz="sm" c={check.overdue ? 'red' : undefined}>
                        {format.date(check.nextDue)}
                      </Text>
                      {check.overdue && (
                        <IconAlertTriangle
                          size={14}
                          color="var(--mantine-color-red-6)"
                          aria-label={t('controls.detail.checks.overdue')}
                        />
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{check.checker?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    {check.lastResult ? <ResultBadge result={check.lastResult.result} /> : '—'}
                  </Table.Td>
                  <Table.Td>
                    {can('controls:check') && (
                      <Button size="xs" variant="light" onClick={() => setRecording(check)}>
                        {t('controls.detail.checks.record')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('controls.checks.loadMore')}
          </Button>
        </Group>
      )}
      {recording && <ResultModal check={recording} onClose={() => setRecording(null)} />}
    </Stack>
  );
}
