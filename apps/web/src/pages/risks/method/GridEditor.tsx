import { NumberInput, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RiskMethodDefinition } from '@mamoru/contracts';
import type { RiskMethodPreview } from '../api/methods';
import { textColorOn } from './methodForm';

/** The likelihood × impact grid, each cell an editable risk value, tinted by its band. */
export function GridEditor({
  definition,
  grid,
  onChange,
  readOnly,
  preview,
}: {
  definition: RiskMethodDefinition;
  grid: number[][];
  onChange: (grid: number[][]) => void;
  readOnly: boolean;
  preview: RiskMethodPreview | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const set = (li: number, ii: number, value: number) =>
    onChange(grid.map((row, r) => (r === li ? row.map((v, c) => (c === ii ? value : v)) : row)));
  // The preview matches the grid only once it has caught up with the last edit of the shape.
  const tint =
    preview?.rows[0]?.axis === 'likelihood' && preview.rows.length === grid.length
      ? preview.cells
      : undefined;
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing={4}
        horizontalSpacing={4}
        aria-label={t('risks.method.gridTitle')}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th fz="xs">
              {t('risks.method.axes.likelihood')} ╲ {t('risks.method.axes.impact')}
            </Table.Th>
            {definition.impactScale.map((level, i) => (
              <Table.Th key={i} fz="xs" ta="center">
                {level.label[lang] || level.value}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {definition.likelihoodScale.map((likelihood, li) => (
            <Table.Tr key={li}>
              <Table.Th scope="row" fz="xs">
                {likelihood.label[lang] || likelihood.value}
              </Table.Th>
              {definition.impactScale.map((impact, ii) => {
                const band = tint?.[li]?.[ii]?.band;
                return (
                  <Table.Td key={ii} p={2}>
                    <NumberInput
                      aria-label={t('risks.method.gridCell', {
                        likelihood: likelihood.label[lang] || likelihood.value,
                        impact: impact.label[lang] || impact.value,
                      })}
                      value={grid[li]?.[ii] ?? 0}
                      min={0}
                      allowDecimal={false}
                      hideControls
                      readOnly={readOnly}
                      size="xs"
                      onChange={(v) => set(li, ii, typeof v === 'number' ? v : 0)}
                      styles={{
                        input: {
                          textAlign: 'center',
                          ...(band
                            ? { background: band.color, color: textColorOn(band.color) }
                            : {}),
                        },
                      }}
                    />
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
