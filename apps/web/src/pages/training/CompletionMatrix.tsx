import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompletions, type CompletionFilter, type CompletionRow } from '../../api/training';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { CompletionBadge, useBilingual } from './labels';

interface Line {
  user: CompletionRow['user'];
  unit: CompletionRow['unit'];
  cells: Map<string, CompletionRow>;
}

/** Rows person by person, one column per course met in the rows (in order of appearance). */
export function matrixOf(rows: CompletionRow[]) {
  const courses = new Map<string, CompletionRow['course']>();
  const lines = new Map<string, Line>();
  for (const row of rows) {
    courses.set(row.course.id, row.course);
    const line = lines.get(row.user.id) ?? { user: row.user, unit: row.unit, cells: new Map() };
    line.cells.set(row.course.id, row);
    lines.set(row.user.id, line);
  }
  return { courses: [...courses.values()], lines: [...lines.values()] };
}

/** Person × course: each cell the status with the completion or due date. */
export function CompletionMatrix({ filter }: { filter: CompletionFilter }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useBilingual();
  const list = useCompletions(filter);
  if (list.isPending) return <LoadingRows />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data.pages.flatMap((p) => p.items);
  if (rows.length === 0)
    return (
      <EmptyBlock
        icon={<IconTable size={28} aria-hidden="true" />}
        title={t('training.matrix.empty')}
      />
    );
  const { courses, lines } = matrixOf(rows);
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={400 + 160 * courses.length}>
        <Table striped withColumnBorders aria-label={t('training.matrix.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('training.matrix.person')}</Table.Th>
              <Table.Th>{t('training.matrix.unit')}</Table.Th>
              {courses.map((c) => (
                <Table.Th key={c.id}>
                  <Anchor component={Link} to={`/training/courses/${c.id}`} fz="sm">
                    {c.code} {text(c.title, c.titleEn)}
                  </Anchor>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.user.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/people/${line.user.id}`} fz="sm">
                    {line.user.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{line.unit?.name ?? t('training.dashboard.noUnit')}</Table.Td>
                {courses.map((c) => {
                  const cell = line.cells.get(c.id);
                  return (
                    <Table.Td key={c.id}>
                      {cell ? (
                        <Stack gap={2}>
                          <CompletionBadge status={cell.status} />
                          <Text fz="xs" c="dimmed">
                            {cell.completedOn
                              ? t('training.matrix.completedOn', {
                                  date: format.date(cell.completedOn),
                                })
                              : cell.dueOn
                                ? t('training.matrix.dueOn', { date: format.date(cell.dueOn) })
                                : ''}
                          </Text>
                        </Stack>
                      ) : (
                        '—'
                      )}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
