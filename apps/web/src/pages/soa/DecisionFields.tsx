import { Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImplementationStatus, SoaReason } from '@mamoru/contracts';
import { ReasonsEditor } from './EntryFields';

export const IMPLEMENTATION_STATUSES = [
  'not_started',
  'planned',
  'partial',
  'implemented',
] as const;

/** The part of an entry's form that decides it: the statement's panel and the migration's review share it. */
export interface DecisionForm {
  /** '' undecided, 'yes' applicable, 'no' excluded. */
  decision: string;
  reasons: SoaReason[];
  exclusionReason: string;
  riskAcceptedBy: string | null;
  riskAcceptedOn: string;
  implementationStatus: ImplementationStatus;
}

export interface UserOption {
  value: string;
  label: string;
}

/** Decision, its reasons or exclusion with acceptance, and the implementation status. */
export function DecisionFields({
  id,
  form,
  onChange,
  users,
  error,
}: {
  /** Prefix of the decision label's id (two forms may be on one page). */
  id: string;
  form: DecisionForm;
  /** Merges the changed fields into the caller's form. */
  onChange: (patch: Partial<DecisionForm>) => void;
  users: UserOption[];
  /** The server's message for a field, if it named one. */
  error: (field: keyof DecisionForm) => ReactNode;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof DecisionForm>(key: K, value: DecisionForm[K]) =>
    onChange({ [key]: value } as Partial<DecisionForm>);
  return (
    <Stack gap="sm">
      <Text component="label" fz="sm" fw={500} id={`${id}-decision`}>
        {t('soa.panel.decision')}
      </Text>
      <SegmentedControl
        aria-labelledby={`${id}-decision`}
        value={form.decision}
        onChange={(value) => set('decision', value)}
        data={[
          { value: '', label: t('soa.decision.undecided') },
          { value: 'yes', label: t('soa.decision.applicable') },
          { value: 'no', label: t('soa.decision.excluded') },
        ]}
      />
      {form.decision === 'yes' && (
        <ReasonsEditor reasons={form.reasons} onChange={(r) => set('reasons', r)} />
      )}
      {form.decision === 'no' && (
        <>
          <Textarea
            label={t('soa.panel.exclusionReason')}
            value={form.exclusionReason}
            onChange={(e) => set('exclusionReason', e.currentTarget.value)}
            error={error('exclusionReason')}
            autosize
            minRows={2}
          />
          <Group grow>
            <Select
              label={t('soa.panel.acceptedBy')}
              data={users}
              value={form.riskAcceptedBy}
              onChange={(v) => set('riskAcceptedBy', v)}
              error={error('riskAcceptedBy')}
              searchable
              clearable
            />
            <TextInput
              type="date"
              label={t('soa.panel.acceptedOn')}
              value={form.riskAcceptedOn}
              onChange={(e) => set('riskAcceptedOn', e.currentTarget.value)}
              error={error('riskAcceptedOn')}
            />
          </Group>
        </>
      )}
      <Select
        label={t('soa.panel.implementation')}
        data={IMPLEMENTATION_STATUSES.map((s) => ({
          value: s,
          label: t(`soa.implementation.${s}`),
        }))}
        value={form.implementationStatus}
        onChange={(v) => v && set('implementationStatus', v as ImplementationStatus)}
        error={error('implementationStatus')}
        allowDeselect={false}
      />
    </Stack>
  );
}
