import { Badge, Button, Divider, Drawer, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SoaEntryUpdate } from '@mamoru/contracts';
import { FormError } from '../../../components/QueryStates';
import { textIn, useCatalogLanguage } from '../../../lib/catalogText';
import { controlIdIn } from '../../../lib/displayId';
import { problemFields, unplacedText, type FieldLabels } from '../../../lib/problemFields';
import { DecisionFields, type UserOption } from '../DecisionFields';
import type { SoaMigrationEntry } from './api';
import { ReviewBadge } from './Badges';

function formOf(item: SoaMigrationEntry) {
  const e = item.entry;
  return {
    decision: e.applicable === null ? '' : e.applicable ? 'yes' : 'no',
    reasons: e.reasons,
    exclusionReason: e.exclusionReason,
    riskAcceptedBy: e.riskAcceptedBy,
    riskAcceptedOn: e.riskAcceptedOn ?? '',
    implementationStatus: e.implementationStatus,
  };
}
type Form = ReturnType<typeof formOf>;

/** What the reviewer sends with the confirmation: the decision as the form shows it. */
export function changeOf(form: Form): SoaEntryUpdate {
  return {
    applicable: form.decision === '' ? null : form.decision === 'yes',
    reasons: form.reasons,
    exclusionReason: form.exclusionReason,
    riskAcceptedBy: form.riskAcceptedBy,
    riskAcceptedOn: form.riskAcceptedOn || null,
    implementationStatus: form.implementationStatus,
  };
}

function ReviewForm({
  item,
  users,
  editable,
  saving,
  error,
  onConfirm,
}: {
  item: SoaMigrationEntry;
  users: UserOption[];
  editable: boolean;
  saving: boolean;
  error: unknown;
  onConfirm: (change: SoaEntryUpdate) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const lang = useCatalogLanguage();
  const [form, setForm] = useState(() => formOf(item));
  const labels: FieldLabels = {
    applicable: t('soa.panel.decision'),
    reasons: t('soa.panel.reasons'),
    exclusionReason: t('soa.panel.exclusionReason'),
    riskAcceptedBy: t('soa.panel.acceptedBy'),
    riskAcceptedOn: t('soa.panel.acceptedOn'),
    implementationStatus: t('soa.panel.implementation'),
  };
  const problem = problemFields(error, labels, [
    'exclusionReason',
    'riskAcceptedBy',
    'riskAcceptedOn',
    'implementationStatus',
  ]);
  return (
    <Stack gap="md">
      <Text fz="sm">{textIn(item.entry.summary, lang) || '—'}</Text>
      <Group gap="xs">
        <ReviewBadge item={item} />
        {item.reviewReasons.map((r) => (
          <Badge key={r} color="gray" variant="outline" tt="none">
            {t(`soaMigration.reasons.${r}`)}
          </Badge>
        ))}
      </Group>
      <Stack gap={4}>
        <Title order={3} fz="sm">
          {t('soaMigration.columns.sources')}
        </Title>
        {item.sources.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('soaMigration.noSources')}
          </Text>
        ) : (
          <List size="sm" spacing={2} aria-label={t('soaMigration.columns.sources')}>
            {item.sources.map((s) => (
              <List.Item key={s.controlId}>
                {t('soaMigration.sourceLine', {
                  control: controlIdIn(s, lang),
                  relation: t(`soaMigration.relations.${s.relation}`),
                  decision: t(
                    `soa.decision.${s.applicable === null ? 'undecided' : s.applicable ? 'applicable' : 'excluded'}`,
                  ),
                  status: t(`soa.implementation.${s.implementationStatus}`),
                })}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <Divider />
      <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="sm">
          <DecisionFields
            id="migration"
            form={form}
            onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
            users={users}
            error={(field) => problem.error(field)}
          />
          <FormError error={error} extra={problem.unplaced.map(unplacedText)} />
          {editable && (
            <Group justify="flex-end">
              <Button
                onClick={() => void onConfirm(changeOf(form)).catch(() => undefined)}
                loading={saving}
              >
                {t('soaMigration.confirm')}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </Stack>
  );
}

/** One migrated entry: its sources and review state, and the reviewer's confirmation. */
export function ReviewDrawer({
  item,
  onClose,
  ...props
}: {
  item: SoaMigrationEntry | null;
  onClose: () => void;
  users: UserOption[];
  editable: boolean;
  saving: boolean;
  error: unknown;
  onConfirm: (change: SoaEntryUpdate) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const lang = useCatalogLanguage();
  const entry = item?.entry;
  return (
    <Drawer
      opened={item !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={entry ? `${controlIdIn(entry, lang)} ${textIn(entry.title, lang)}` : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {item && (
        <ReviewForm
          key={`${item.entry.controlId}-${item.entry.updatedAt}`}
          item={item}
          {...props}
        />
      )}
    </Drawer>
  );
}
