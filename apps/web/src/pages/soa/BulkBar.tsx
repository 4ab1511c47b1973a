import { Button, Card, Group, Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SoaEntryUpdate, SoaReason } from '@mamoru/contracts';
import type { UserOption } from './DecisionFields';

const REASON_TYPES = ['legal', 'business', 'policy', 'risk'] as const;

/** One decision for every selected control: applicable with a typed reason, or excluded. */
export function BulkBar({
  count,
  users,
  busy,
  onApply,
  onClear,
}: {
  count: number;
  users: UserOption[];
  busy: boolean;
  onApply: (change: SoaEntryUpdate) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const [decision, setDecision] = useState<'yes' | 'no'>('yes');
  const [type, setType] = useState<SoaReason['type']>('business');
  const [note, setNote] = useState('');
  const [acceptedBy, setAcceptedBy] = useState<string | null>(null);
  const apply = () =>
    onApply(
      decision === 'yes'
        ? { applicable: true, reasons: [{ type, note, link: null }] }
        : { applicable: false, exclusionReason: note, riskAcceptedBy: acceptedBy },
    );
  return (
    <Card withBorder radius="md" p="sm" bg="var(--mantine-color-blue-0)">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Text fz="sm" fw={600} mb={6}>
          {t('soa.bulk.selected', { count })}
        </Text>
        <Select
          label={t('soa.bulk.decision')}
          data={[
            { value: 'yes', label: t('soa.decision.applicable') },
            { value: 'no', label: t('soa.decision.excluded') },
          ]}
          value={decision}
          onChange={(v) => v && setDecision(v as 'yes' | 'no')}
          allowDeselect={false}
          w={150}
        />
        {decision === 'yes' ? (
          <Select
            label={t('soa.bulk.reasonType')}
            data={REASON_TYPES.map((r) => ({ value: r, label: t(`soa.reasonTypes.${r}`) }))}
            value={type}
            onChange={(v) => v && setType(v as SoaReason['type'])}
            allowDeselect={false}
            w={240}
          />
        ) : (
          <Select
            label={t('soa.panel.acceptedBy')}
            data={users}
            value={acceptedBy}
            onChange={setAcceptedBy}
            searchable
            clearable
            w={200}
          />
        )}
        <TextInput
          label={decision === 'yes' ? t('soa.bulk.note') : t('soa.panel.exclusionReason')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          style={{ flex: 1, minWidth: 200 }}
        />
        <Button onClick={apply} loading={busy}>
          {t('soa.bulk.apply')}
        </Button>
        <Button variant="subtle" onClick={onClear}>
          {t('soa.bulk.clear')}
        </Button>
      </Group>
    </Card>
  );
}
