import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CatalogPicker } from '../../components/catalogPicker/CatalogPicker';
import { useNavigate } from 'react-router';
import { distributionRoleSchema, documentTypeSchema } from '@mamoru/contracts';
import { useClassifications, useOrgUnits } from '../../api/assets';
import { useUserDirectory } from '../../api/identity';
import { FormError } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { roleLabel } from '../../lib/labels';
import { problemFields, unplacedText, type FieldLabels } from '../../lib/problemFields';
import { useSession } from '../../session/useSession';
import {
  useCreateDocument,
  useUpdateDocument,
  type DocumentCreate,
  type DocumentDetail,
} from './api';

type Form = Omit<DocumentCreate, 'policyFields' | 'distribution'> & {
  roles: string[];
  userIds: string[];
  orgUnitIds: string[];
};

/** The form's fields as the server names them, with their labels' i18n keys. */
const FIELD_KEYS = {
  code: 'code',
  title: 'title',
  type: 'type',
  reviewIntervalMonths: 'reviewInterval',
  ismsPolicy: 'ismsPolicy',
  ownerUserId: 'owner',
  classificationId: 'classification',
  'distribution.roles': 'distributionRoles',
  'distribution.userIds': 'distributionUsers',
  'distribution.orgUnitIds': 'distributionUnits',
  externalOrigin: 'externalOrigin',
  externalSource: 'externalSource',
  externalVersion: 'externalVersion',
  tags: 'tags',
  controlIds: 'controlIds',
  requirementIds: 'requirementIds',
  body: 'body',
} as const;

function formOf(doc: DocumentDetail | null, userId: string): Form {
  return {
    code: doc?.code ?? '',
    title: doc?.title ?? '',
    type: doc?.type ?? 'procedure',
    ismsPolicy: doc?.ismsPolicy ?? false,
    ownerUserId: doc ? doc.ownerUserId : userId,
    classificationId: doc?.classificationId ?? null,
    reviewIntervalMonths: doc?.reviewIntervalMonths ?? 12,
    nextReviewDate: doc?.nextReviewDate ?? null,
    externalOrigin: doc?.externalOrigin ?? false,
    externalSource: doc?.externalSource ?? '',
    externalVersion: doc?.externalVersion ?? '',
    tags: doc?.tags ?? [],
    controlIds: doc?.controlIds ?? [],
    requirementIds: doc?.requirementIds ?? [],
    body: '',
    changeSummary: '',
    roles: doc?.distribution.roles ?? [],
    userIds: doc?.distribution.userIds ?? [],
    orgUnitIds: doc?.distribution.orgUnitIds ?? [],
  };
}

/** Creates a document (with its first draft) or edits its register fields. */
export function DocumentFormModal({
  doc = null,
  initial,
  onClose,
}: {
  doc?: DocumentDetail | null;
  /** Prefilled fields of a new document (a link naming the type and requirements). */
  initial?: Pick<Form, 'type' | 'requirementIds'> | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { info, can } = useSession();
  const navigate = useNavigate();
  const toast = useToast();
  const [form, setForm] = useState(() => ({ ...formOf(doc, info?.user.id ?? ''), ...initial }));
  const create = useCreateDocument();
  const update = useUpdateDocument();
  const mutation = doc ? update : create;
  const users = useUserDirectory(can('users:read'));
  const levels = useClassifications();
  const units = useOrgUnits();
  const labels: FieldLabels = Object.fromEntries(
    Object.entries(FIELD_KEYS).map(([field, key]) => [field, t(`documents.form.${key}`)]),
  );
  // Lists (tags, IDs, distribution) take the message of any of their items.
  const problem = problemFields(
    mutation.error,
    labels,
    Object.keys(labels).flatMap((field) => [field, `${field}.*`]),
  );
  const err = problem.error;
  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const userOptions = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { roles, userIds, orgUnitIds, body, changeSummary, ...fields } = form;
    const distribution = {
      roles: roles as DocumentCreate['distribution']['roles'],
      userIds,
      orgUnitIds,
    };
    const payload = {
      ...fields,
      ismsPolicy: fields.type === 'policy' && fields.ismsPolicy,
      distribution,
    };
    const onSuccess = (saved: DocumentDetail) => {
      toast.success(t(doc ? 'documents.form.saved' : 'documents.form.created'));
      onClose();
      if (!doc) void navigate(`/documents/${saved.id}`);
    };
    if (doc) update.mutate({ doc, body: payload }, { onSuccess });
    else create.mutate({ ...payload, body, changeSummary }, { onSuccess });
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(doc ? 'documents.form.editTitle' : 'documents.form.createTitle')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              required
              label={t('documents.form.code')}
              value={form.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={err('code')}
            />
            <Select
              required
              label={t('documents.form.type')}
              data={documentTypeSchema.options.map((v) => ({
                value: v,
                label: t(`documents.types.${v}`),
              }))}
              value={form.type}
              error={err('type')}
              onChange={(v) => v && set('type', v as Form['type'])}
              allowDeselect={false}
            />
            <NumberInput
              label={t('documents.form.reviewInterval')}
              min={1}
              max={120}
              value={form.reviewIntervalMonths}
              error={err('reviewIntervalMonths')}
              onChange={(v) => set('reviewIntervalMonths', Number(v) || 12)}
            />
          </SimpleGrid>
          <TextInput
            required
            label={t('documents.form.title')}
            value={form.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={err('title')}
          />
          {form.type === 'policy' && (
            <Checkbox
              label={t('documents.form.ismsPolicy')}
              description={t('documents.form.ismsPolicyHint')}
              checked={form.ismsPolicy}
              error={err('ismsPolicy')}
              onChange={(e) => set('ismsPolicy', e.currentTarget.checked)}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('documents.form.owner')}
              data={userOptions}
              value={form.ownerUserId}
              onChange={(v) => set('ownerUserId', v)}
              searchable
              clearable
              error={err('ownerUserId')}
            />
            <Select
              label={t('documents.form.classification')}
              data={(levels.data ?? []).map((l) => ({
                value: l.id,
                label: t('documents.form.levelName', { ja: l.name.ja, en: l.name.en }),
              }))}
              value={form.classificationId}
              onChange={(v) => set('classificationId', v)}
              clearable
              error={err('classificationId')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('documents.form.distributionRoles')}
            data={distributionRoleSchema.options.map((r) => ({ value: r, label: roleLabel(r) }))}
            value={form.roles}
            error={err('distribution.roles')}
            onChange={(v) => set('roles', v)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelect
              label={t('documents.form.distributionUsers')}
              data={userOptions}
              value={form.userIds}
              error={err('distribution.userIds')}
              onChange={(v) => set('userIds', v)}
              searchable
            />
            <MultiSelect
              label={t('documents.form.distributionUnits')}
              description={t('documents.form.distributionUnitsHint')}
              data={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.code} ${u.name}` }))}
              value={form.orgUnitIds}
              error={err('distribution.orgUnitIds')}
              onChange={(v) => set('orgUnitIds', v)}
              searchable
            />
          </SimpleGrid>
          <Checkbox
            label={t('documents.form.externalOrigin')}
            checked={form.externalOrigin}
            error={err('externalOrigin')}
            onChange={(e) => set('externalOrigin', e.currentTarget.checked)}
          />
          {form.externalOrigin && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                required
                label={t('documents.form.externalSource')}
                value={form.externalSource}
                onChange={(e) => set('externalSource', e.currentTarget.value)}
                error={err('externalSource')}
              />
              <TextInput
                label={t('documents.form.externalVersion')}
                value={form.externalVersion}
                error={err('externalVersion')}
                onChange={(e) => set('externalVersion', e.currentTarget.value)}
              />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TagsInput
              label={t('documents.form.tags')}
              value={form.tags}
              error={err('tags')}
              onChange={(v) => set('tags', v)}
            />
            <CatalogPicker
              namespace="control"
              label={t('documents.form.controlIds')}
              value={form.controlIds}
              error={err('controlIds')}
              onChange={(v) => set('controlIds', v)}
            />
            <CatalogPicker
              namespace="requirement"
              label={t('documents.form.requirementIds')}
              value={form.requirementIds}
              error={err('requirementIds')}
              onChange={(v) => set('requirementIds', v)}
            />
          </SimpleGrid>
          {!doc && (
            <Textarea
              label={t('documents.form.body')}
              description={t('documents.form.bodyHint')}
              autosize
              minRows={6}
              value={form.body}
              error={err('body')}
              onChange={(e) => set('body', e.currentTarget.value)}
            />
          )}
          <FormError error={mutation.error} extra={problem.unplaced.map(unplacedText)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t(doc ? 'documents.form.save' : 'documents.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
