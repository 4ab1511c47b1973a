import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEGAL_KINDS, type LegalKind } from '@mamoru/contracts';
import { useUserDirectory } from '../../api/identity';
import { FormError } from '../../components/QueryStates';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { ScopeObjectPicker } from '../audits/ScopeObjectPicker';
import { useSession } from '../../session/useSession';
import { useSaveObligation, type LegalObligation } from './api';

/** Annex control IDs people type (A.12.1.1 or 12.1.1), stored as the stable ID. */
const controlId = (text: string) => text.trim().replace(/^A\./i, '');

/**
 * Adds an obligation to the register or changes one (If-Match): what it is,
 * what it requires in our own words, who keeps track of it, the controls that
 * answer it, and how often it is reviewed. The server's field errors show
 * beside the inputs.
 */
export function LegalFormModal({
  obligation,
  documents = [],
  onClose,
}: {
  obligation: LegalObligation | null;
  /** The obligation's documents as the detail names them, so the picker shows their names. */
  documents?: readonly { id: string; code: string; title: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const save = useSaveObligation();
  const users = useUserDirectory(can('users:read'));
  const [kind, setKind] = useState<string | null>(obligation?.kind ?? null);
  const [title, setTitle] = useState(obligation?.title ?? '');
  const [authority, setAuthority] = useState(obligation?.authority ?? '');
  const [reference, setReference] = useState(obligation?.reference ?? '');
  const [summary, setSummary] = useState(obligation?.summary ?? '');
  const [ownerUserId, setOwner] = useState<string | null>(obligation?.owner?.id ?? null);
  const [interval, setInterval] = useState<number | string>(obligation?.reviewIntervalMonths ?? 12);
  const [nextReviewDate, setNext] = useState(obligation?.nextReviewDate ?? '');
  const [controls, setControls] = useState((obligation?.controlIds ?? []).join(', '));
  const [docs, setDocs] = useState(() =>
    (obligation?.documentIds ?? []).map((id) => {
      const d = documents.find((doc) => doc.id === id);
      return { id, name: d ? `${d.code} ${d.title}` : id };
    }),
  );
  const [touched, setTouched] = useState(false);
  const labels = {
    kind: t('legal.form.kind'),
    title: t('legal.form.title'),
    authority: t('legal.form.authority'),
    reference: t('legal.form.reference'),
    summary: t('legal.form.summary'),
    ownerUserId: t('legal.form.owner'),
    reviewIntervalMonths: t('legal.form.interval'),
    nextReviewDate: t('legal.form.nextReview'),
    'controlIds.*': t('legal.form.controls'),
    'documentIds.*': t('legal.form.documents'),
  };
  const problem = problemFields(save.error, labels, Object.keys(labels));
  const required = (value: string | null) =>
    touched && !value?.trim() ? t('legal.form.required') : undefined;
  const userOptions = (users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }));
  if (obligation?.owner && !userOptions.some((o) => o.value === obligation.owner!.id)) {
    userOptions.push({ value: obligation.owner.id, label: obligation.owner.name });
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!kind || !title.trim()) return;
    save.mutate(
      {
        current: obligation,
        body: {
          kind: kind as LegalKind,
          title,
          authority,
          reference,
          summary,
          ownerUserId,
          reviewIntervalMonths: Number(interval) || 12,
          ...(nextReviewDate ? { nextReviewDate } : {}),
          controlIds: controls
            .split(/[,、\s]+/)
            .map(controlId)
            .filter(Boolean),
          documentIds: docs.map((d) => d.id),
        },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={obligation ? t('legal.form.editTitle') : t('legal.form.newTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={save.error} extra={problem.unplaced.map(unplacedText)} />
          <Select
            label={labels.kind}
            data={LEGAL_KINDS.map((k) => ({ value: k, label: t(`legal.kind.${k}`) }))}
            value={kind}
            onChange={setKind}
            required
            error={required(kind) ?? problem.error('kind')}
          />
          <TextInput
            label={labels.title}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={500}
            error={required(title) ?? problem.error('title')}
          />
          <TextInput
            label={labels.authority}
            description={t('legal.form.authorityHint')}
            value={authority}
            onChange={(e) => setAuthority(e.currentTarget.value)}
            error={problem.error('authority')}
          />
          <TextInput
            label={labels.reference}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            error={problem.error('reference')}
          />
          <Textarea
            label={labels.summary}
            description={t('legal.form.summaryHint')}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={problem.error('summary')}
            autosize
            minRows={3}
          />
          <Select
            label={labels.ownerUserId}
            data={userOptions}
            value={ownerUserId}
            onChange={setOwner}
            searchable
            clearable
            error={problem.error('ownerUserId')}
          />
          <TextInput
            label={labels['controlIds.*']}
            description={t('legal.form.controlsHint')}
            value={controls}
            onChange={(e) => setControls(e.currentTarget.value)}
            error={problem.error('controlIds')}
          />
          {/* Documents are searched by code or title on the server (the register may be long). */}
          <ScopeObjectPicker
            kind="documents"
            label={labels['documentIds.*']}
            value={docs}
            onChange={setDocs}
            error={problem.error('documentIds')}
          />
          <Group grow>
            <NumberInput
              label={labels.reviewIntervalMonths}
              min={1}
              max={120}
              value={interval}
              onChange={setInterval}
              error={problem.error('reviewIntervalMonths')}
            />
            <TextInput
              type="date"
              label={labels.nextReviewDate}
              description={t('legal.form.nextReviewHint')}
              value={nextReviewDate}
              onChange={(e) => setNext(e.currentTarget.value)}
              error={problem.error('nextReviewDate')}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('legal.form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {obligation ? t('legal.form.save') : t('legal.form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
