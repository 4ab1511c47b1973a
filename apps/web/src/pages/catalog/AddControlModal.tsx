import {
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ownControlCreateSchema, type OwnControlCreate } from '@mamoru/contracts';
import {
  useAddOwnControl,
  type CatalogControlDetail,
  type CatalogTreeNode,
} from '../../api/catalog';
import { FormError } from '../../components/QueryStates';
import { textIn, useCatalogLanguage } from '../../lib/catalogText';
import {
  serverFieldErrors,
  unplacedErrors,
  validate,
  type FieldErrors,
} from '../../lib/validation';
import { displayIdIn } from '@mamoru/contracts';

const FIELDS = [
  'objectiveId',
  'id',
  'displayId',
  'title',
  'title.ja',
  'title.en',
  'summary',
  'summary.ja',
  'summary.en',
];

interface Values {
  objectiveId: string | null;
  id: string;
  displayId: string;
  titleJa: string;
  titleEn: string;
  summaryJa: string;
  summaryEn: string;
}

/** Objectives and plain groups of the tree, in document order: where own controls may go. */
export function objectivesOf(nodes: readonly CatalogTreeNode[]): CatalogTreeNode[] {
  return nodes.flatMap((node) => [
    ...(node.kind === 'objective' || node.kind === 'group' ? [node] : []),
    ...(node.kind === 'control' ? [] : objectivesOf(node.children)),
  ]);
}

/**
 * An example ID for a new control under `objective`: the next number after its
 * controls (10.3.8 → 10.3.9) when they are numbered so; the library's own
 * scheme, whatever it is, rather than one library's.
 */
export function suggestedId(objective: CatalogTreeNode | undefined): string | undefined {
  if (!objective) return undefined;
  const prefix = `${objective.id}.`;
  const numbers = objective.children
    .map((child) => (child.id.startsWith(prefix) ? child.id.slice(prefix.length) : ''))
    .filter((rest) => /^\d+$/.test(rest))
    .map(Number);
  return numbers.length > 0 ? `${prefix}${Math.max(...numbers) + 1}` : undefined;
}

function bilingual(ja: string, en: string) {
  const text: { ja?: string; en?: string } = {};
  if (ja.trim()) text.ja = ja.trim();
  if (en.trim()) text.en = en.trim();
  return text;
}

function payloadOf(values: Values): Record<string, unknown> {
  const summary = bilingual(values.summaryJa, values.summaryEn);
  return {
    objectiveId: values.objectiveId ?? '',
    id: values.id.trim(),
    ...(values.displayId.trim() ? { displayId: values.displayId.trim() } : {}),
    title: bilingual(values.titleJa, values.titleEn),
    ...(Object.keys(summary).length > 0 ? { summary } : {}),
  };
}

/**
 * Adds one of the organization's own controls under an objective: its ID, how
 * it is displayed, and its title and summary in Japanese, English or both.
 */
export function AddControlModal({
  libraryId,
  groups,
  objectiveId,
  opened,
  onClose,
  onAdded,
}: {
  libraryId: string;
  /** The library's control groups (the tree), to choose the objective from. */
  groups: readonly CatalogTreeNode[];
  /** Preselected objective. */
  objectiveId?: string | null | undefined;
  opened: boolean;
  onClose: () => void;
  onAdded: (control: CatalogControlDetail) => void;
}) {
  const { t } = useTranslation();
  const language = useCatalogLanguage();
  const add = useAddOwnControl(libraryId);
  const [values, setValues] = useState<Values>({
    objectiveId: objectiveId ?? null,
    id: '',
    displayId: '',
    titleJa: '',
    titleEn: '',
    summaryJa: '',
    summaryEn: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = <K extends keyof Values>(field: K, value: Values[K]) => {
    setValues((old) => ({ ...old, [field]: value }));
    setErrors({});
  };

  const places = objectivesOf(groups);
  const objectives = places.map((node) => ({
    value: node.id,
    label: `${displayIdIn(node, language)} ${textIn(node.title, language)}`,
  }));
  const example = suggestedId(places.find((node) => node.id === values.objectiveId));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const payload = payloadOf(values);
    const found = validate(ownControlCreateSchema, payload);
    // Clearer words than the schema's for the two rules people meet most.
    if (found.title) found.title = t('catalog.addControl.titleRequired');
    if (found.id && values.id.trim()) found.id = t('catalog.addControl.idRule');
    if (!values.objectiveId) found.objectiveId = t('validation.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    add.mutate(payload as OwnControlCreate, {
      onSuccess: onAdded,
      onError: (error) => setErrors(serverFieldErrors(error)),
    });
  };

  const titleError = errors.title ?? errors['title.ja'];
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('catalog.addControl.title')}
      size="xl"
      radius="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate aria-label={t('catalog.addControl.title')}>
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            {t('catalog.addControl.description')}
          </Text>
          {/* The contract also takes guidance, which this form does not send: named, not a path. */}
          <FormError
            error={add.error}
            extra={unplacedErrors(add.error, FIELDS, { guidance: t('catalog.control.guidance') })}
          />
          <Select
            label={t('catalog.addControl.objective')}
            description={t('catalog.addControl.objectiveHint')}
            data={objectives}
            value={values.objectiveId}
            onChange={(value) => set('objectiveId', value)}
            searchable
            required
            error={errors.objectiveId}
            nothingFoundMessage={t('catalog.addControl.noObjective')}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('catalog.addControl.id')}
              description={t('catalog.addControl.idHint')}
              value={values.id}
              onChange={(event) => set('id', event.currentTarget.value)}
              error={errors.id}
              required
              placeholder={example}
            />
            <TextInput
              label={t('catalog.addControl.displayId')}
              description={t('catalog.addControl.displayIdHint')}
              value={values.displayId}
              onChange={(event) => set('displayId', event.currentTarget.value)}
              error={errors.displayId}
              placeholder={values.id.trim() || example}
            />
          </SimpleGrid>
          <Text fz="sm" c="dimmed">
            {t('catalog.addControl.languagesHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('catalog.addControl.titleJa')}
              lang="ja"
              value={values.titleJa}
              onChange={(event) => set('titleJa', event.currentTarget.value)}
              error={titleError}
            />
            <TextInput
              label={t('catalog.addControl.titleEn')}
              lang="en"
              value={values.titleEn}
              onChange={(event) => set('titleEn', event.currentTarget.value)}
              error={errors['title.en']}
            />
            <Textarea
              label={t('catalog.addControl.summaryJa')}
              lang="ja"
              value={values.summaryJa}
              onChange={(event) => set('summaryJa', event.currentTarget.value)}
              error={errors['summary.ja'] ?? errors.summary}
              autosize
              minRows={3}
              maxRows={8}
            />
            <Textarea
              label={t('catalog.addControl.summaryEn')}
              lang="en"
              value={values.summaryEn}
              onChange={(event) => set('summaryEn', event.currentTarget.value)}
              error={errors['summary.en']}
              autosize
              minRows={3}
              maxRows={8}
            />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('catalog.addControl.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
