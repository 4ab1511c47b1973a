import {
  Box,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Suggestion } from '@mamoru/contracts';
import { FormError } from '../../components/QueryStates';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useSession } from '../../session/useSession';
import { useSuggest } from './api';
import { useAreaT } from './useAreaT';

/** The form behind the header's button: an improvement idea or a potential problem. */
export function SuggestModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const suggest = useSuggest();
  const [kind, setKind] = useState<Suggestion['kind']>('improvement');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [touched, setTouched] = useState(false);
  const k = useAreaT('improvementRegister.suggest');
  const problem = problemFields(
    suggest.error,
    { title: k('titleField'), description: k('description') },
    ['title', 'description'],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!title.trim()) return;
    suggest.mutate({ kind, title, description });
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={k('title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {suggest.isSuccess ? (
        <Stack gap="md">
          <Text role="status">
            {t('improvementRegister.suggest.sent', { code: suggest.data.code })}
          </Text>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError error={suggest.error} extra={problem.unplaced.map(unplacedText)} />
            <Stack gap={4}>
              <Text fz="sm" fw={500} id="suggest-kind">
                {k('kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="suggest-kind"
                value={kind}
                onChange={(v) => setKind(v as Suggestion['kind'])}
                data={(['improvement', 'potential_problem'] as const).map((v) => ({
                  value: v,
                  label: t(`improvementRegister.suggest.kinds.${v}`),
                }))}
              />
            </Stack>
            <TextInput
              label={k('titleField')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
              error={
                (touched && !title.trim() ? t('improvementRegister.form.required') : undefined) ??
                problem.error('title')
              }
            />
            <Textarea
              label={k('description')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              autosize
              minRows={3}
              error={problem.error('description')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {k('cancel')}
              </Button>
              <Button type="submit" loading={suggest.isPending}>
                {k('send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** A header button on every page for anyone who may suggest (improvement:suggest). */
export function SuggestButton() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  if (!can('improvement:suggest')) return null;
  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconBulb size={16} aria-hidden="true" />}
        onClick={() => setOpen(true)}
        aria-label={t('improvementRegister.suggest.button')}
      >
        {/* On a phone the icon alone keeps the header on one line, as the report button does. */}
        <Box component="span" visibleFrom="xs">
          {t('improvementRegister.suggest.button')}
        </Box>
      </Button>
      {open && <SuggestModal onClose={() => setOpen(false)} />}
    </>
  );
}
