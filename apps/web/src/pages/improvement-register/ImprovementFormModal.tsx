import { Button, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { improvementSourceSchema, type ImprovementSource } from '@mamoru/contracts';
import { FormError } from '../../components/QueryStates';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useCreateImprovement } from './api';
import { useAreaT } from './useAreaT';

/** Registers an improvement opportunity: where it came from, what it is, by when. */
export function ImprovementFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateImprovement();
  const [source, setSource] = useState<ImprovementSource>('audit');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [touched, setTouched] = useState(false);
  const k = useAreaT('improvementRegister.form');
  const problem = problemFields(
    create.error,
    {
      source: k('source'),
      title: k('title'),
      description: k('description'),
      dueDate: k('dueDate'),
    },
    ['source', 'title', 'description', 'dueDate'],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!title.trim()) return;
    create.mutate(
      { source, title, description, dueDate: dueDate || null },
      { onSuccess: (created) => void navigate(`/improvement/${created.id}`) },
    );
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={k('newImprovement')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={create.error} extra={problem.unplaced.map(unplacedText)} />
          <Select
            label={k('source')}
            data={improvementSourceSchema.options.map((v) => ({
              value: v,
              label: t(`improvementRegister.source.${v}`),
            }))}
            value={source}
            onChange={(v) => v && setSource(v as ImprovementSource)}
            allowDeselect={false}
            error={problem.error('source')}
          />
          <TextInput
            label={k('title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            error={(touched && !title.trim() ? k('required') : undefined) ?? problem.error('title')}
          />
          <Textarea
            label={k('description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={3}
            error={problem.error('description')}
          />
          <TextInput
            type="date"
            label={k('dueDate')}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            error={problem.error('dueDate')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {k('cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {k('create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
