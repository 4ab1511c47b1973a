import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../../api/assets';
import { FormError } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { roleLabel } from '../../lib/labels';
import { useWithdraw, type DocumentDetail } from './api';
import { DocumentFormModal } from './DocumentFormModal';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text component="div" fz="sm">
        {children}
      </Text>
    </Stack>
  );
}

const list = (items: string[]) =>
  items.length ? (
    <Group gap={4}>
      {items.map((i) => (
        <Badge key={i} variant="light" tt="none">
          {i}
        </Badge>
      ))}
    </Group>
  ) : (
    '—'
  );

/** The register fields of a document; its owner and managers edit them or withdraw it. */
export function DetailsPanel({ doc, manages }: { doc: DocumentDetail; manages: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const units = useOrgUnits();
  const withdraw = useWithdraw();
  const [editing, setEditing] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const withdrawProblem = problemFields(withdraw.error, {
    reason: t('documents.withdraw.reason'),
  });
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? id;
  const lang = i18n.resolvedLanguage === 'ja' ? 'ja' : 'en';
  return (
    <Card withBorder radius="lg">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
          <Field label={t('documents.form.owner')}>{doc.ownerName ?? '—'}</Field>
          <Field label={t('documents.form.classification')}>
            {doc.classificationName?.[lang] ?? '—'}
          </Field>
          <Field label={t('documents.form.reviewInterval')}>
            {t('documents.details.months', { count: doc.reviewIntervalMonths })}
          </Field>
          <Field label={t('documents.columns.nextReview')}>
            {doc.nextReviewDate ? format.date(doc.nextReviewDate) : '—'}
          </Field>
          <Field label={t('documents.form.distributionRoles')}>
            {list(doc.distribution.roles.map(roleLabel))}
          </Field>
          <Field label={t('documents.form.distributionUnits')}>
            {list(doc.distribution.orgUnitIds.map(unitName))}
          </Field>
          <Field label={t('documents.form.externalOrigin')}>
            {doc.externalOrigin
              ? `${doc.externalSource} ${doc.externalVersion}`.trim()
              : t('documents.details.internal')}
          </Field>
          <Field label={t('documents.form.tags')}>{list(doc.tags)}</Field>
          <Field label={t('documents.form.controlIds')}>{list(doc.controlIds)}</Field>
          <Field label={t('documents.form.requirementIds')}>{list(doc.requirementIds)}</Field>
        </SimpleGrid>
        {manages && (
          <Group>
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('documents.details.edit')}
            </Button>
            {doc.status === 'issued' && (
              <Button color="red" variant="light" onClick={() => setWithdrawing(true)}>
                {t('documents.withdraw.button')}
              </Button>
            )}
          </Group>
        )}
        {withdrawing && (
          <Stack gap="xs">
            <Text fz="sm">{t('documents.withdraw.message')}</Text>
            <Textarea
              required
              label={t('documents.withdraw.reason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={withdrawProblem.error('reason')}
            />
            <FormError error={withdraw.error} extra={withdrawProblem.unplaced.map(unplacedText)} />
            <Group>
              <Button
                color="red"
                disabled={!reason.trim()}
                loading={withdraw.isPending}
                onClick={() =>
                  withdraw.mutate({ doc, reason }, { onSuccess: () => setWithdrawing(false) })
                }
              >
                {t('documents.withdraw.confirm')}
              </Button>
              <Button variant="default" onClick={() => setWithdrawing(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
      {editing && <DocumentFormModal doc={doc} onClose={() => setEditing(false)} />}
    </Card>
  );
}
