import { Badge, Box, Group, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskMethodDefinition } from '@mamoru/contracts';
import type { RiskMethodPreview } from '../api/methods';
import { textColorOn } from './methodForm';

type Scale = RiskMethodDefinition['ciaScale'];

function labelOf(scale: Scale, value: number | undefined, lang: 'ja' | 'en') {
  const level = scale.find((l) => l.value === value);
  return level ? level.label[lang] || String(level.value) : String(value ?? '');
}

/** The band legend with the acceptable level, shared by the preview and the heat map. */
export function BandLegend({
  bands,
  acceptableLevel,
}: {
  bands: RiskMethodDefinition['bands'];
  acceptableLevel: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  return (
    <Group gap="xs" wrap="wrap">
      {bands.map((band, i) => (
        <Badge
          key={i}
          radius="sm"
          tt="none"
          style={{ background: band.color, color: textColorOn(band.color) }}
        >
          {t('risks.method.bandFrom', { label: band.label[lang] || '—', min: band.min })}
        </Badge>
      ))}
      <Text fz="xs" c="dimmed">
        {t('risks.method.acceptedLegend', { level: acceptableLevel })}
      </Text>
    </Group>
  );
}

/** Every cell the method produces, coloured by band; ✓ marks values the criteria accept. */
export function MatrixPreview({
  preview,
  definition,
}: {
  preview: RiskMethodPreview;
  definition: RiskMethodDefinition;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language.startsWith('ja') ? 'ja' : 'en';
  const grid = preview.rows[0]?.axis === 'likelihood';
  const vulnerabilities = grid ? [] : definition.vulnerabilityScale;
  const threatsShown = grid
    ? []
    : definition.threatScale.filter((th) => preview.columns.some((c) => c.threat === th.value));
  return (
    <Stack gap="xs">
      {/* Focusable so keyboard users can scroll a wide matrix. */}
      <Box
        style={{ overflowX: 'auto' }}
        tabIndex={0}
        role="region"
        aria-label={t('risks.method.previewTitle')}
      >
        <Table
          withTableBorder
          withColumnBorders
          ta="center"
          fz="sm"
          verticalSpacing={4}
          horizontalSpacing={6}
          aria-label={t('risks.method.previewTitle')}
        >
          <Table.Thead>
            {grid ? (
              <Table.Tr>
                <Table.Th ta="left">
                  {t('risks.method.axes.likelihood')} ╲ {t('risks.method.axes.impact')}
                </Table.Th>
                {preview.columns.map((c, i) => (
                  <Table.Th key={i} ta="center">
                    {labelOf(definition.impactScale, c.value, lang)}
                  </Table.Th>
                ))}
              </Table.Tr>
            ) : (
              <>
                <Table.Tr>
                  <Table.Th rowSpan={2} ta="left">
                    {t('risks.method.axes.assetValue')}
                  </Table.Th>
                  {threatsShown.map((th) => (
                    <Table.Th key={th.value} colSpan={vulnerabilities.length} ta="center">
                      {t('risks.method.axes.threatLevel', {
                        label: labelOf(definition.threatScale, th.value, lang),
                      })}
                    </Table.Th>
                  ))}
                </Table.Tr>
                <Table.Tr>
                  {threatsShown.map((th) => (
                    <Fragment key={th.value}>
                      {vulnerabilities.map((v) => (
                        <Table.Th key={v.value} ta="center" fw={500}>
                          {labelOf(definition.vulnerabilityScale, v.value, lang)}
                        </Table.Th>
                      ))}
                    </Fragment>
                  ))}
                </Table.Tr>
              </>
            )}
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row, r) => (
              <Table.Tr key={r}>
                <Table.Th ta="left" scope="row">
                  {grid ? labelOf(definition.likelihoodScale, row.value, lang) : row.value}
                </Table.Th>
                {(preview.cells[r] ?? []).map((cell, c) => (
                  <Table.Td
                    key={c}
                    style={{ background: cell.band.color, color: textColorOn(cell.band.color) }}
                    fw={cell.evaluation === 'accept' ? 400 : 700}
                    title={`${cell.band.label[lang]} · ${t(`risks.evaluations.${cell.evaluation}`)}`}
                  >
                    {cell.value}
                    {cell.evaluation === 'accept' && <span aria-hidden="true"> ✓</span>}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      {!grid && (
        <Text fz="xs" c="dimmed">
          {t('risks.method.previewColumnsHint')}
        </Text>
      )}
    </Stack>
  );
}
