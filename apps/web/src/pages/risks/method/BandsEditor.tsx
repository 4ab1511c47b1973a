import {
  ActionIcon,
  Button,
  ColorInput,
  Group,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RiskMethodDefinition } from '@mamoru/contracts';

type Bands = RiskMethodDefinition['bands'];

const SWATCHES = ['#2f9e44', '#94d82d', '#fab005', '#f08c00', '#e03131', '#862e9c', '#1c7ed6'];

/** Risk level bands: each starts at its minimum value and runs to the next band's. */
export function BandsEditor({
  bands,
  onChange,
  readOnly,
  error,
}: {
  bands: Bands;
  onChange: (bands: Bands) => void;
  readOnly: boolean;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<Bands[number]>) =>
    onChange(bands.map((band, i) => (i === index ? { ...band, ...patch } : band)));
  const add = () => {
    const top = bands.length ? Math.max(...bands.map((b) => b.min)) + 1 : 0;
    onChange([
      ...bands,
      { min: top, label: { ja: '', en: '' }, color: SWATCHES[bands.length % SWATCHES.length]! },
    ]);
  };
  return (
    <Stack gap="xs">
      <Table withRowBorders={false} verticalSpacing={4} aria-label={t('risks.method.bands')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{t('risks.method.bandMin')}</Table.Th>
            <Table.Th>{t('risks.method.labelJa')}</Table.Th>
            <Table.Th>{t('risks.method.labelEn')}</Table.Th>
            <Table.Th w={150}>{t('risks.method.bandColor')}</Table.Th>
            {!readOnly && <Table.Th w={40} aria-label={t('common.actions')} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bands.map((band, index) => (
            <Table.Tr key={index}>
              <Table.Td>
                <NumberInput
                  aria-label={t('risks.method.bandMinOf', { n: index + 1 })}
                  value={band.min}
                  min={0}
                  allowDecimal={false}
                  onChange={(v) => set(index, { min: typeof v === 'number' ? v : 0 })}
                  readOnly={readOnly}
                  size="xs"
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('risks.method.bandLabelJaOf', { n: index + 1 })}
                  lang="ja"
                  value={band.label.ja}
                  onChange={(e) =>
                    set(index, { label: { ...band.label, ja: e.currentTarget.value } })
                  }
                  readOnly={readOnly}
                  size="xs"
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('risks.method.bandLabelEnOf', { n: index + 1 })}
                  lang="en"
                  value={band.label.en}
                  onChange={(e) =>
                    set(index, { label: { ...band.label, en: e.currentTarget.value } })
                  }
                  readOnly={readOnly}
                  size="xs"
                />
              </Table.Td>
              <Table.Td>
                <ColorInput
                  aria-label={t('risks.method.bandColorOf', { n: index + 1 })}
                  value={band.color}
                  format="hex"
                  swatches={SWATCHES}
                  onChange={(color) => set(index, { color })}
                  readOnly={readOnly}
                  disallowInput={readOnly}
                  withPicker={!readOnly}
                  withEyeDropper={false}
                  size="xs"
                  popoverProps={{ withinPortal: true }}
                />
              </Table.Td>
              {!readOnly && (
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    disabled={bands.length <= 1}
                    aria-label={t('risks.method.removeBand', { n: index + 1 })}
                    onClick={() => onChange(bands.filter((_, i) => i !== index))}
                  >
                    <IconTrash size={16} aria-hidden="true" />
                  </ActionIcon>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error && (
        <Text fz="xs" c="red.8" role="alert">
          {error}
        </Text>
      )}
      {!readOnly && bands.length < 10 && (
        <Group>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={add}
          >
            {t('risks.method.addBand')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
