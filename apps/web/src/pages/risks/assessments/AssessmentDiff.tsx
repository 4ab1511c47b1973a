import { Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingRows } from '../../../components/QueryStates';
import { useAssessmentDiff, type DiffChange, type RiskAssessmentDiff } from '../api/assessments';

type Snapshot = RiskAssessmentDiff['items'][number]['before'];

const changeColor: Record<DiffChange, string> = { added: 'teal', removed: 'red', changed: 'blue' };

/** "before → after" for one measure, emphasized when it moved. */
function Delta({ before, after }: { before: unknown; after: unknown }) {
  const show = (v: unknown) => (v === null || v === undefined ? '—' : String(v));
  if (show(before) === show(after)) return <Text fz="sm">{show(after)}</Text>;
  return (
    <Text fz="sm" fw={600}>
      <Text span c="dimmed" td="line-through" fw={400}>
        {show(before)}
      </Text>{' '}
      → {show(after)}
    </Text>
  );
}

/** What changed between two runs: risks added, removed, and changed in value or treatment. */
export function AssessmentDiff({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const [change, setChange] = useState<DiffChange | 'all'>('all');
  const diff = useAssessmentDiff(from, to, change === 'all' ? null : change);
  const first = diff.data?.pages[0];
  const items = diff.data?.pages.flatMap((p) => p.items) ?? [];
  const get = (s: Snapshot, key: keyof NonNullable<Snapshot>) => s?.[key] ?? null;
  const option = (s: Snapshot) => {
    const o = s?.treatmentOption;
    return o ? t(`risks.treatmentOptions.${o}`) : null;
  };
  const evaluation = (s: Snapshot) =>
    s?.evaluation ? t(`risks.evaluations.${s.evaluation}`) : null;

  if (diff.isPending) return <LoadingRows rows={4} />;
  if (diff.isError) return <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />;
  return (
    <Stack gap="sm">
      {first && (
        <SegmentedControl
          aria-label={t('risks.assessments.changeFilter')}
          value={change}
          onChange={(value) => setChange(value as DiffChange | 'all')}
          data={[
            { value: 'all', label: t('risks.assessments.changes.all') },
            ...(['added', 'removed', 'changed'] as const).map((c) => ({
              value: c,
              label: `${t(`risks.assessments.changes.${c}`)} (${first.counts[c]})`,
            })),
          ]}
        />
      )}
      {items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('risks.assessments.noChanges')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={6} aria-label={t('risks.assessments.diffTitle')}>
            <Table.Thead bg="gray.0">
              <Table.Tr>
                <Table.Th>{t('risks.assessments.change')}</Table.Th>
                <Table.Th>{t('risks.register.columns.code')}</Table.Th>
                <Table.Th>{t('risks.register.columns.asset')}</Table.Th>
                <Table.Th>{t('risks.assessments.threat')}</Table.Th>
                <Table.Th>{t('risks.assessments.value')}</Table.Th>
                <Table.Th>{t('risks.register.columns.evaluation')}</Table.Th>
                <Table.Th>{t('risks.register.columns.treatment')}</Table.Th>
                <Table.Th>{t('risks.register.columns.residual')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={`${item.riskId}-${item.change}`}>
                  <Table.Td>
                    <Badge variant="light" color={changeColor[item.change]} tt="none">
                      {t(`risks.assessments.changes.${item.change}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td fz="sm" ff="monospace">
                    {item.code}
                  </Table.Td>
                  <Table.Td fz="sm">{item.assetName}</Table.Td>
                  <Table.Td fz="sm" ff="monospace">
                    {item.threatCode}
                  </Table.Td>
                  <Table.Td>
                    <Delta before={get(item.before, 'value')} after={get(item.after, 'value')} />
                  </Table.Td>
                  <Table.Td>
                    <Delta before={evaluation(item.before)} after={evaluation(item.after)} />
                  </Table.Td>
                  <Table.Td>
                    <Delta before={option(item.before)} after={option(item.after)} />
                  </Table.Td>
                  <Table.Td>
                    <Delta
                      before={get(item.before, 'residualValue')}
                      after={get(item.after, 'residualValue')}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {diff.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void diff.fetchNextPage()}
            loading={diff.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
