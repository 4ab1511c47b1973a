import {
  ActionIcon,
  Badge,
  Button,
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
import { nextLevel } from './methodForm';

type Scale = RiskMethodDefinition['ciaScale'];

/** One scale: numeric values ascending, each with a label in both languages. */
export function ScaleEditor({
  title,
  hint,
  scale,
  onChange,
  readOnly,
  used,
  error,
}: {
  title: string;
  hint: string;
  scale: Scale;
  onChange: (scale: Scale) => void;
  readOnly: boolean;
  /** False when the chosen formula does not read this scale. */
  used: boolean;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const set = (index: number, patch: Partial<Scale[number]>) =>
    onChange(scale.map((level, i) => (i === index ? { ...level, ...patch } : level)));
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text fw={600} fz="sm">
          {title}
        </Text>
        {!used && (
          <Badge variant="light" color="gray" tt="none" size="sm">
            {t('risks.method.notUsed')}
          </Badge>
        )}
      </Group>
      <Text fz="xs" c="dimmed">
        {hint}
      </Text>
      <Table withRowBorders={false} verticalSpacing={4} aria-label={title}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={96}>{t('risks.method.value')}</Table.Th>
            <Table.Th>{t('risks.method.labelJa')}</Table.Th>
            <Table.Th>{t('risks.method.labelEn')}</Table.Th>
            {!readOnly && <Table.Th w={40} aria-label={t('common.actions')} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scale.map((level, index) => (
            <Table.Tr key={index}>
              <Table.Td>
                <NumberInput
                  aria-label={t('risks.method.valueOf', { scale: title, n: index + 1 })}
                  value={level.value}
                  min={0}
                  max={1000}
                  allowDecimal={false}
                  onChange={(v) => set(index, { value: typeof v === 'number' ? v : 0 })}
                  readOnly={readOnly}
                  size="xs"
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('risks.method.labelJaOf', { scale: title, n: index + 1 })}
                  lang="ja"
                  value={level.label.ja}
                  onChange={(e) =>
                    set(index, { label: { ...level.label, ja: e.currentTarget.value } })
                  }
                  readOnly={readOnly}
                  size="xs"
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('risks.method.labelEnOf', { scale: title, n: index + 1 })}
                  lang="en"
                  value={level.label.en}
                  onChange={(e) =>
                    set(index, { label: { ...level.label, en: e.currentTarget.value } })
                  }
                  readOnly={readOnly}
                  size="xs"
                />
              </Table.Td>
              {!readOnly && (
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    disabled={scale.length <= 2}
                    aria-label={t('risks.method.removeLevel', { scale: title, n: index + 1 })}
                    onClick={() => onChange(scale.filter((_, i) => i !== index))}
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
      {!readOnly && scale.length < 20 && (
        <Group>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => onChange([...scale, nextLevel(scale)])}
            aria-label={t('risks.method.addLevelTo', { scale: title })}
          >
            {t('risks.method.addLevel')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
