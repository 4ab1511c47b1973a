import { Checkbox, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RecordField } from './api';

export type Entries = Record<string, string>;

/** The entries a form starts from: what is stored, 'false' for unset yes/no fields. */
export function initialEntries(fields: RecordField[], stored: Entries = {}): Entries {
  const entries: Entries = {};
  for (const field of fields) {
    entries[field.key] = stored[field.key] ?? (field.kind === 'boolean' ? 'false' : '');
  }
  return entries;
}

/** The keys of required fields left empty: checked before the server is asked. */
export const missingRequired = (fields: RecordField[], entries: Entries) =>
  fields.filter((f) => f.required && !(entries[f.key] ?? '').trim()).map((f) => f.key);

/** What is sent: the type's fields only, empty optional ones left out. */
export const entriesToSend = (fields: RecordField[], entries: Entries): Entries =>
  Object.fromEntries(
    fields
      .map((f) => [f.key, entries[f.key] ?? ''] as const)
      .filter(([, value]) => value.trim() !== ''),
  );

/**
 * One input per field of a record type, by its kind. `error(key)` gives the
 * message for a field: a required one left empty, or the server's refusal
 * (`entries.<key>`).
 */
export function EntryFields({
  fields,
  entries,
  onChange,
  error,
}: {
  fields: RecordField[];
  entries: Entries;
  onChange: (entries: Entries) => void;
  error: (key: string) => string | undefined;
}) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const set = (key: string, value: string) => onChange({ ...entries, [key]: value });
  return (
    <Stack gap="sm">
      {fields.map((field) => {
        const common = {
          label: field.label[lang],
          required: field.required,
          error: error(field.key),
        };
        const value = entries[field.key] ?? '';
        switch (field.kind) {
          case 'number':
            return (
              <NumberInput
                key={field.key}
                {...common}
                value={value}
                onChange={(v) => set(field.key, String(v))}
              />
            );
          case 'date':
            return (
              <TextInput
                key={field.key}
                {...common}
                type="date"
                value={value}
                onChange={(e) => set(field.key, e.currentTarget.value)}
              />
            );
          case 'boolean':
            return (
              <Checkbox
                key={field.key}
                label={common.label}
                error={common.error}
                checked={value === 'true'}
                onChange={(e) => set(field.key, e.currentTarget.checked ? 'true' : 'false')}
              />
            );
          case 'select':
            return (
              <Select
                key={field.key}
                {...common}
                data={field.options}
                value={value || null}
                onChange={(v) => set(field.key, v ?? '')}
                clearable={!field.required}
                comboboxProps={{ withinPortal: true }}
              />
            );
          default:
            return (
              <Textarea
                key={field.key}
                {...common}
                value={value}
                onChange={(e) => set(field.key, e.currentTarget.value)}
                autosize
                minRows={1}
              />
            );
        }
      })}
    </Stack>
  );
}
