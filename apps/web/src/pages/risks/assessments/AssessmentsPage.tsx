import { Badge, Button, Card, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconHistory, IconPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyBlock, ErrorState, LoadingRows } from '../../../components/QueryStates';
import { useFormat } from '../../../lib/format';
import { useSession } from '../../../session/useSession';
import { useAssessments, type RiskAssessment } from '../api/assessments';
import { AssessmentDiff } from './AssessmentDiff';
import { ChangeReviewsSection } from './ChangeReviewsSection';
import { StartRunModal } from './StartRunModal';

function RunsTable({
  runs,
  highlight,
  onCompare,
}: {
  runs: RiskAssessment[];
  /** The run named by `?run=` (conformity links to a reassessment), marked and scrolled to. */
  highlight: string | null;
  onCompare: (run: RiskAssessment) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const marked = useRef<HTMLTableRowElement>(null);
  const found = runs.some((r) => r.id === highlight);
  useEffect(() => {
    // jsdom has no scrollIntoView; browsers do.
    if (found) marked.current?.scrollIntoView?.({ block: 'center' });
  }, [found, highlight]);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" horizontalSpacing="md" aria-label={t('risks.assessments.runs')}>
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>{t('risks.assessments.fields.number')}</Table.Th>
            <Table.Th>{t('risks.assessments.fields.title')}</Table.Th>
            <Table.Th>{t('risks.assessments.fields.assessedOn')}</Table.Th>
            <Table.Th>{t('risks.assessments.fields.reasons')}</Table.Th>
            <Table.Th ta="right">{t('risks.assessments.fields.riskCount')}</Table.Th>
            <Table.Th ta="right">{t('risks.assessments.fields.treatCount')}</Table.Th>
            <Table.Th aria-label={t('common.actions')} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => (
            <Table.Tr
              key={run.id}
              ref={run.id === highlight ? marked : undefined}
              bg={run.id === highlight ? 'yellow.0' : undefined}
              aria-current={run.id === highlight ? 'true' : undefined}
            >
              <Table.Td fz="sm">{run.number}</Table.Td>
              <Table.Td fz="sm">
                <div>{run.title}</div>
                {run.reasonText && (
                  <Text fz="xs" c="dimmed" lineClamp={2}>
                    {run.reasonText}
                  </Text>
                )}
              </Table.Td>
              <Table.Td fz="sm">{format.date(run.assessedOn)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {run.reasons.map((r) => (
                    <Badge key={r} size="sm" variant="light" color="gray" tt="none">
                      {t(`risks.assessments.reasons.${r}`)}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td fz="sm" ta="right">
                {run.riskCount}
              </Table.Td>
              <Table.Td fz="sm" ta="right">
                {run.treatCount}
              </Table.Td>
              <Table.Td>
                {run.previousId && (
                  <Button size="xs" variant="subtle" onClick={() => onCompare(run)}>
                    {t('risks.assessments.compareWithPrevious')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Reassessment (4.2.3.c): dated runs, why each was made, the reviews of change
 * that called for them (or decided none was needed), and what changed between two.
 */
export function AssessmentsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const write = can('isms:write');
  const runs = useAssessments();
  const [params] = useSearchParams();
  const [starting, setStarting] = useState(false);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const list = runs.data ?? [];
  const options = list.map((r) => ({ value: r.id, label: `${r.number}. ${r.title}` }));
  const startButton = write && (
    <Button
      leftSection={<IconPlus size={16} aria-hidden="true" />}
      onClick={() => setStarting(true)}
    >
      {list.length ? t('risks.assessments.startNew') : t('risks.assessments.startFirst')}
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="flex-end">{startButton}</Group>
      <Card withBorder radius="lg" padding={0} shadow="xs">
        {runs.isPending ? (
          <Stack p="md">
            <LoadingRows rows={4} />
          </Stack>
        ) : runs.isError ? (
          <Stack p="md">
            <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />
          </Stack>
        ) : list.length === 0 ? (
          <EmptyBlock
            icon={<IconHistory size={28} stroke={1.5} aria-hidden="true" />}
            title={t('risks.assessments.empty')}
            description={t('risks.assessments.emptyHint')}
            action={startButton || undefined}
          />
        ) : (
          <RunsTable
            runs={list}
            highlight={params.get('run')}
            onCompare={(run) => {
              setFrom(run.previousId);
              setTo(run.id);
            }}
          />
        )}
      </Card>
      <ChangeReviewsSection runs={list} />
      {list.length > 1 && (
        <Card withBorder radius="lg" shadow="xs" component="section" aria-labelledby="risk-diff">
          <Stack gap="md">
            <Group justify="space-between" wrap="wrap">
              <Text fw={600} id="risk-diff" component="h2" fz="md" m={0}>
                {t('risks.assessments.diffTitle')}
              </Text>
              <Group gap="sm">
                <Select
                  aria-label={t('risks.assessments.from')}
                  placeholder={t('risks.assessments.from')}
                  data={options}
                  value={from}
                  onChange={setFrom}
                  w={240}
                  comboboxProps={{ withinPortal: true }}
                />
                <Text aria-hidden="true">→</Text>
                <Select
                  aria-label={t('risks.assessments.to')}
                  placeholder={t('risks.assessments.to')}
                  data={options}
                  value={to}
                  onChange={setTo}
                  w={240}
                  comboboxProps={{ withinPortal: true }}
                />
              </Group>
            </Group>
            {from && to && from !== to ? (
              <AssessmentDiff from={from} to={to} />
            ) : (
              <Text fz="sm" c="dimmed">
                {t('risks.assessments.pickTwo')}
              </Text>
            )}
          </Stack>
        </Card>
      )}
      {starting && <StartRunModal first={list.length === 0} onClose={() => setStarting(false)} />}
    </Stack>
  );
}
