import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RecordField } from './api';
import { fieldKeyFrom } from './fieldKey';

/** A field being edited; `autoKey` while its key still follows its label (a new field). */
export type EditedField = RecordField & { autoKey?: boolean };

const KINDS: RecordField['kind'][] = ['text', 'number', 'date', 'boolean', 'select'];

export const blankField = (): EditedField => ({
  autoKey: true,
  key: '',
  label: { ja: '', en: '' },
  kind: 'text',
  required: false,
  options: [],
});

/**
 * Fields with an empty key or Japanese label, or a select without options:
 * checked before saving (the English label is optional).
 */
export const incompleteFields = (fields: RecordField[]) =>
  fields.some(
    (f) => !f.key.trim() || !f.label.ja.trim() || (f.kind === 'select' && f.options.length === 0),
  );

/**
 * The field definitions of a record type's structured entries: label in
 * Japanese (English optional), the key generated from it for a new field
 * (editable; a saved field keeps its key, entries are stored under it),
 * kind, required, and the options of a select field.
 * `error(path)` gives the server's message for `fields.<i>.<name>`.
 */
export function RecordFieldsEditor({
  fields,
  onChange,
  touched,
  error,
}: {
  fields: EditedField[];
  onChange: (fields: EditedField[]) => void;
  touched: boolean;
  error: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<EditedField>) =>
    onChange(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const setLabel = (i: number, label: RecordField['label']) => {
    const field = fields[i]!;
    const others = fields.filter((_, j) => j !== i).map((f) => f.key);
    set(i, field.autoKey ? { label, key: fieldKeyFrom(label, i + 1, others) } : { label });
  };
  /** Swaps field i with its neighbour: the order is the order of the entry form. */
  const move = (i: number, by: -1 | 1) => {
    const next = [...fields];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };
  const required = (value: string, path: string) =>
    (touched && !value.trim() ? t('records.typeForm.required') : undefined) ?? error(path);
  return (
    <Stack gap="sm" role="group" aria-label={t('records.fields.title')}>
      <Text fw={600} fz="sm">
        {t('records.fields.title')}
      </Text>
      <Text fz="xs" c="dimmed">
        {t('records.fields.hint')}
      </Text>
      {fields.map((field, i) => {
        const n = i + 1;
        return (
          <Paper key={i} withBorder p="sm">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fz="sm" fw={600}>
                  {t('records.fields.number', { n })}
                </Text>
                <Group gap={4}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('records.fields.up', { n })}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    <IconArrowUp size={16} aria-hidden="true" />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('records.fields.down', { n })}
                    disabled={i === fields.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    <IconArrowDown size={16} aria-hidden="true" />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('records.fields.remove', { n })}
                    onClick={() => onChange(fields.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={16} aria-hidden="true" />
                  </ActionIcon>
                </Group>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('records.fields.labelJa', { n })}
                  value={field.label.ja}
                  onChange={(e) => setLabel(i, { ...field.label, ja: e.currentTarget.value })}
                  required
                  error={required(field.label.ja, `fields.${i}.label.ja`)}
                />
                <TextInput
                  label={t('records.fields.labelEn', { n })}
                  value={field.label.en}
                  onChange={(e) => setLabel(i, { ...field.label, en: e.currentTarget.value })}
                  error={error(`fields.${i}.label.en`)}
                />
                <TextInput
                  label={t('records.fields.key', { n })}
                  description={t('records.fields.keyHint')}
                  value={field.key}
                  onChange={(e) => set(i, { key: e.currentTarget.value, autoKey: false })}
                  required
                  error={required(field.key, `fields.${i}.key`)}
                />
                <Select
                  label={t('records.fields.kind', { n })}
                  data={KINDS.map((kind) => ({
                    value: kind,
                    label: t(`records.fields.kinds.${kind}`),
                  }))}
                  value={field.kind}
                  onChange={(kind) => {
                    const next = (kind ?? 'text') as RecordField['kind'];
                    set(i, { kind: next, options: next === 'select' ? field.options : [] });
                  }}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                />
              </SimpleGrid>
              {field.kind === 'select' && (
                <TagsInput
                  label={t('records.fields.options', { n })}
                  description={t('records.fields.optionsHint')}
                  value={field.options}
                  onChange={(options) => set(i, { options })}
                  error={
                    (touched && field.options.length === 0
                      ? t('records.typeForm.required')
                      : undefined) ?? error(`fields.${i}.options`)
                  }
                />
              )}
              <Checkbox
                label={t('records.fields.required', { n })}
                checked={field.required}
                onChange={(e) => set(i, { required: e.currentTarget.checked })}
              />
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden="true" />}
          onClick={() => onChange([...fields, blankField()])}
        >
          {t('records.fields.add')}
        </Button>
      </Group>
    </Stack>
  );
}
