import { Select, Table, Text } from '@mantine/core';
import { INCIDENT_LEVELS } from '@mamoru/contracts';
import { useTranslation } from 'react-i18next';
import { useIncidentsT } from './useIncidentsT';

/** Rows: severity low…critical; columns: urgency low…critical; 1 is the highest priority. */
export type MatrixDraft = (number | null)[][];

export interface MatrixProblem {
  row: number;
  col: number;
  reason: 'missing' | 'inverted';
}

/**
 * Cells that cannot be saved: empty ones, and ones where a more severe or
 * more urgent case would get a lower priority (a larger number) than a
 * milder one beside it, which would send the worse case to the back.
 */
export function matrixProblems(matrix: MatrixDraft): MatrixProblem[] {
  const problems: MatrixProblem[] = [];
  matrix.forEach((cells, row) =>
    cells.forEach((value, col) => {
      if (value == null || value < 1 || value > 4) {
        problems.push({ row, col, reason: 'missing' });
        return;
      }
      const milderSeverity = row > 0 ? matrix[row - 1]![col] : null;
      const milderUrgency = col > 0 ? cells[col - 1] : null;
      if (
        (milderSeverity != null && value > milderSeverity) ||
        (milderUrgency != null && value > milderUrgency)
      )
        problems.push({ row, col, reason: 'inverted' });
    }),
  );
  return problems;
}

/** The 4×4 severity × urgency editor; each cell a priority 1–4. */
export function PriorityMatrixEditor({
  value,
  onChange,
  showProblems,
}: {
  value: MatrixDraft;
  onChange: (next: MatrixDraft) => void;
  showProblems: boolean;
}) {
  const { t } = useTranslation();
  const tt = useIncidentsT();
  const problems = showProblems ? matrixProblems(value) : [];
  const level = (l: string) => tt(`common.levels.${l}`);
  const set = (row: number, col: number, cell: number | null) =>
    onChange(value.map((cells, r) => cells.map((v, c) => (r === row && c === col ? cell : v))));
  const priorities = [1, 2, 3, 4].map((p) => ({
    value: String(p),
    label: t('incidents.common.priority', { value: p }),
  }));
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder withColumnBorders aria-label={t('incidents.settings.matrix')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('incidents.settings.matrixCorner')}</Table.Th>
            {INCIDENT_LEVELS.map((urgency) => (
              <Table.Th key={urgency} scope="col">
                {level(urgency)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {INCIDENT_LEVELS.map((severity, row) => (
            <Table.Tr key={severity}>
              <Table.Th scope="row">{level(severity)}</Table.Th>
              {INCIDENT_LEVELS.map((urgency, col) => {
                const problem = problems.find((p) => p.row === row && p.col === col);
                return (
                  <Table.Td key={urgency}>
                    <Select
                      aria-label={t('incidents.settings.matrixCell', {
                        severity: level(severity),
                        urgency: level(urgency),
                      })}
                      value={value[row]![col] == null ? null : String(value[row]![col])}
                      onChange={(v) => set(row, col, v ? Number(v) : null)}
                      data={priorities}
                      clearable
                      error={problem ? tt(`settings.matrixErrors.${problem.reason}`) : undefined}
                    />
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fz="xs" c="dimmed" mt={4}>
        {t('incidents.settings.matrixHint')}
      </Text>
    </Table.ScrollContainer>
  );
}
