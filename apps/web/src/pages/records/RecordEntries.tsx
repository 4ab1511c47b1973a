import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import { problemFields } from '../../lib/problemFields';
import { useRecordType, useSaveEntries, type EvidenceRecord, type RecordField } from './api';
import { EntryFields, entriesToSend, initialEntries, missingRequired } from './EntryFields';
import { EntriesModalShell } from './EntriesModalShell';
import { FreeEntriesModal } from './FreeEntriesModal';

/**
 * Edits a record's structured entries under the version that was read. A 412
 * (someone saved meanwhile) keeps what the user typed and says so.
 */
function EntriesModal({
  record,
  fields,
  onClose,
}: {
  record: EvidenceRecord;
  fields: RecordField[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const save = useSaveEntries();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const labels = Object.fromEntries(fields.map((f) => [`entries.${f.key}`, f.label[lang]]));
  const problem = problemFields(save.error, labels);
  const [entries, setEntries] = useState(() => initialEntries(fields, record.entries));
  const [touched, setTouched] = useState(false);
  const missing = touched ? missingRequired(fields, entries) : [];
  const error = (key: string) =>
    missing.includes(key) ? t('records.form.required') : problem.error(`entries.${key}`);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (missingRequired(fields, entries).length > 0) return;
    save.mutate({ record, input: entriesToSend(fields, entries) }, { onSuccess: onClose });
  };
  return (
    <EntriesModalShell
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      fields={problem}
      saving={save.isPending}
    >
      <EntryFields fields={fields} entries={entries} onChange={setEntries} error={error} />
    </EntriesModalShell>
  );
}

/**
 * The record's entries, labelled by its type's fields, and their edit form:
 * one input per field, or name/text rows when the type defines none.
 */
export function RecordEntries({ record, editable }: { record: EvidenceRecord; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const format = useFormat();
  const type = useRecordType(record.type.id);
  const [editing, setEditing] = useState(false);
  const fields = type.data?.fields ?? [];
  const shown = (field: RecordField, value: string) =>
    field.kind === 'boolean'
      ? t(value === 'true' ? 'records.entries.yes' : 'records.entries.no')
      : field.kind === 'date'
        ? format.date(value)
        : value;
  const rows: [string, string][] = [
    ...fields
      .filter((f) => record.entries[f.key] !== undefined)
      .map((f): [string, string] => [f.label[lang], shown(f, record.entries[f.key]!)]),
    // Entries the type does not (or no longer) define, as they were stored.
    ...Object.entries(record.entries).filter(([k]) => !fields.some((f) => f.key === k)),
  ];
  return (
    <SectionCard id="record-entries" title={t('records.detail.entries')}>
      <Stack gap={4} pb="lg">
        {rows.length === 0 ? (
          <Text c="dimmed" fz="sm">
            {t('records.detail.noEntries')}
          </Text>
        ) : (
          <dl style={{ margin: 0 }}>
            {rows.map(([label, value]) => (
              <Group key={label} gap="xs" wrap="nowrap" align="baseline">
                <Text component="dt" fw={600} fz="sm">
                  {label}
                </Text>
                <Text component="dd" fz="sm" m={0} style={{ whiteSpace: 'pre-wrap' }}>
                  {value}
                </Text>
              </Group>
            ))}
          </dl>
        )}
        {/* Once the type is known: its fields, or free-form entries without them. */}
        {editable && type.data && (
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPencil size={14} aria-hidden="true" />}
              onClick={() => setEditing(true)}
            >
              {t('records.entries.edit')}
            </Button>
          </Group>
        )}
      </Stack>
      {editing &&
        (fields.length > 0 ? (
          <EntriesModal record={record} fields={fields} onClose={() => setEditing(false)} />
        ) : (
          <FreeEntriesModal record={record} onClose={() => setEditing(false)} />
        ))}
    </SectionCard>
  );
}
