import { Badge, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useSoaDiff, useSoaVersions, type SoaDiff } from './api';
import { controlIdIn } from '../../lib/displayId';

type Field = keyof SoaDiffFields;
interface SoaDiffFields {
  applicable: unknown;
  reasons: unknown;
  exclusionReason: unknown;
  riskAcceptedBy: unknown;
  riskAcceptedOn: unknown;
  implementationStatus: unknown;
  links: unknown;
  ownerUserId: unknown;
  notes: unknown;
}

/** A changed value in words: decisions and statuses translated, lists by their labels. */
function useValueText() {
  const { t } = useTranslation();
  return (field: Field, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'applicable') {
      return value ? t('soa.decision.applicable') : t('soa.decision.excluded');
    }
    if (field === 'implementationStatus') {
      return t(`soa.implementation.${value as 'planned'}`);
    }
    if (Array.isArray(value)) {
      return (
        value
          .map((v: { type?: string; note?: string; label?: string; link?: { label?: string } }) =>
            [v.label ?? v.link?.label, v.note].filter(Boolean).join(' '),
          )
          .join(', ') || '—'
      );
    }
    return String(value);
  };
}

function DiffList({ diff }: { diff: SoaDiff }) {
  const { t, i18n } = useTranslation();
  const valueText = useValueText();
  if (diff.changes.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        {t('soa.versions.noChanges')}
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      {diff.changes.map((c) => (
        <Stack key={c.controlId} gap={2}>
          <Group gap="xs">
            <Text fw={600} fz="sm">
              {controlIdIn(c, i18n.language)}
            </Text>
            <Badge variant="light" tt="none">
              {t(`soa.versions.kinds.${c.kind}`)}
            </Badge>
          </Group>
          {c.fields.map((f) => (
            <Text key={f.field} fz="sm" pl="md">
              {t(`soa.versions.fields.${f.field as Field}`)}:{' '}
              {valueText(f.field as Field, f.before)} → {valueText(f.field as Field, f.after)}
            </Text>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

/** Every version of the statement and the difference between any two. */
export function VersionsPanel({ soaId }: { soaId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const versions = useSoaVersions(soaId);
  const items = versions.data?.items ?? [];
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const fromId = from ?? items[1]?.id ?? null;
  const toId = to ?? items[0]?.id ?? null;
  const diff = useSoaDiff(soaId, fromId, toId);
  if (versions.isPending) return <LoadingRows rows={3} />;
  if (versions.isError) return <ErrorState error={versions.error} />;
  const options = items.map((v) => ({
    value: v.id,
    label: t('soa.versionBadge', { number: v.number, status: t(`soa.statuses.${v.status}`) }),
  }));
  return (
    <Stack gap="md">
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('soa.versions.number')}</Table.Th>
            <Table.Th>{t('soa.versions.status')}</Table.Th>
            <Table.Th>{t('soa.versions.approvedAt')}</Table.Th>
            <Table.Th>{t('soa.versions.counts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>{v.number}</Table.Td>
              <Table.Td>{t(`soa.statuses.${v.status}`)}</Table.Td>
              <Table.Td>{v.approvedAt ? format.dateTime(v.approvedAt) : '—'}</Table.Td>
              <Table.Td>
                {v.counts.applicable} / {v.counts.excluded}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2} fz="md">
        {t('soa.versions.compare')}
      </Title>
      <Group grow>
        <Select label={t('soa.versions.from')} data={options} value={fromId} onChange={setFrom} />
        <Select label={t('soa.versions.to')} data={options} value={toId} onChange={setTo} />
      </Group>
      {!fromId || !toId ? (
        <Text fz="sm" c="dimmed">
          {t('soa.versions.pick')}
        </Text>
      ) : diff.isError ? (
        <ErrorState error={diff.error} />
      ) : diff.data ? (
        <DiffList diff={diff.data} />
      ) : (
        <LoadingRows rows={2} />
      )}
    </Stack>
  );
}
