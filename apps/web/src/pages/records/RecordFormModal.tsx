import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormError } from '../../components/QueryStates';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useCreateRecord, type RecordType } from './api';
import { EvidenceLinkFields } from './EvidenceLinkFields';
import { EntryFields, entriesToSend, initialEntries, missingRequired } from './EntryFields';
import { FreeEntries, pairsToEntries, pairsValid, type EntryPair } from './FreeEntries';

/**
 * Creates a record of an active type, with the structured entries its type
 * defines (or free-form ones when it defines none), optionally linked to
 * what it evidences.
 */
export function RecordFormModal({
  types: allTypes,
  onClose,
}: {
  types: RecordType[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ja' ? 'ja' : 'en';
  const navigate = useNavigate();
  const create = useCreateRecord();
  const types = allTypes.filter((ty) => ty.active);
  const [typeId, setTypeId] = useState<string | null>(types[0]?.id ?? null);
  const fields = types.find((ty) => ty.id === typeId)?.fields ?? [];
  const [entries, setEntries] = useState(() => initialEntries(fields));
  // Free-form entries, for a type without fields.
  const [pairs, setPairs] = useState<EntryPair[]>([]);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [recordDate, setRecordDate] = useState(new Date().toISOString().slice(0, 10));
  const [link, setLink] = useState({ type: '', id: '', label: '' });
  const [touched, setTouched] = useState(false);
  const error = create.error;
  const problem = problemFields(
    error,
    {
      typeId: t('records.type'),
      title: t('records.form.name'),
      recordDate: t('records.form.recordDate'),
      description: t('records.form.description'),
      ...Object.fromEntries(fields.map((f) => [`entries.${f.key}`, f.label[lang]])),
      'links.*.type': t('evidenceLink.linkType'),
      'links.*.id': t('evidenceLink.linkId'),
      'links.*.label': t('evidenceLink.linkLabel'),
    },
    // Free-form entries are named by the user: any entries.<name> has its row.
    ['typeId', 'title', 'recordDate', 'description', 'entries.*', 'links.0.*'],
  );
  const fieldError = problem.error;
  const required = (value: string | null) =>
    touched && !value?.trim() ? t('records.form.required') : undefined;

  const missing = touched ? missingRequired(fields, entries) : [];
  const entryError = (key: string) =>
    missing.includes(key) ? t('records.form.required') : fieldError(`entries.${key}`);
  const chooseType = (id: string | null) => {
    setTypeId(id);
    setEntries(initialEntries(types.find((ty) => ty.id === id)?.fields ?? []));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!typeId || !title.trim() || !recordDate) return;
    if (missingRequired(fields, entries).length > 0) return;
    if (fields.length === 0 && !pairsValid(pairs)) return;
    create.mutate(
      {
        typeId,
        title,
        description,
        recordDate,
        entries: fields.length > 0 ? entriesToSend(fields, entries) : pairsToEntries(pairs),
        links: link.type && link.id ? [link] : [],
      },
      { onSuccess: (record) => void navigate(`/records/${record.id}`) },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('records.form.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={error} extra={problem.unplaced.map(unplacedText)} />
          <Select
            label={t('records.type')}
            data={types.map((ty) => ({ value: ty.id, label: ty.name[lang] }))}
            value={typeId}
            onChange={chooseType}
            required
            error={required(typeId) ?? fieldError('typeId')}
          />
          <TextInput
            label={t('records.form.name')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            error={required(title) ?? fieldError('title')}
          />
          <TextInput
            type="date"
            label={t('records.form.recordDate')}
            value={recordDate}
            onChange={(e) => setRecordDate(e.currentTarget.value)}
            required
            error={required(recordDate) ?? fieldError('recordDate')}
          />
          {fields.length > 0 ? (
            <EntryFields
              fields={fields}
              entries={entries}
              onChange={setEntries}
              error={entryError}
            />
          ) : (
            typeId && (
              <FreeEntries
                pairs={pairs}
                onChange={setPairs}
                touched={touched}
                error={(name) => (name ? fieldError(`entries.${name}`) : undefined)}
              />
            )
          )}
          <Textarea
            label={t('records.form.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldError('description')}
            autosize
            minRows={2}
          />
          <EvidenceLinkFields link={link} onChange={setLink} errorOf={fieldError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('records.form.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('records.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
