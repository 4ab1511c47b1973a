import { Card, Divider, SegmentedControl, Stack, Text } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayIdIn } from '@mamoru/contracts';
import { AreaStrings } from '../../../i18n/lazy-areas';
import { localized, type ConformityItem } from '../../../api/conformity';
import { ErrorState, LoadingRows } from '../../../components/QueryStates';
import { AttestationRow } from './AttestationRow';
import { useAttestations, type AttestationStatus } from './api';

const FILTERS = ['pending', 'approved', 'rejected', 'revoked'] as const;

/**
 * Every attestation of the organization: those waiting for a decision (decided
 * here by someone other than their requester), approved ones with their end.
 */
function List({ items }: { items: ConformityItem[] }) {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<AttestationStatus | 'all'>('pending');
  const list = useAttestations({ status: status === 'all' ? null : status });
  const labelOf = (id: string) => {
    const item = items.find((i) => i.id === id);
    return item
      ? `${displayIdIn(item, i18n.language)} ${localized(item.title, i18n.language)}`
      : id;
  };
  return (
    <Card withBorder radius="lg" padding="lg" data-testid="attestations">
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          {t('attestations.intro')}
        </Text>
        <SegmentedControl
          aria-label={t('attestations.filter.label')}
          value={status}
          onChange={(v) => setStatus(v as AttestationStatus | 'all')}
          data={[...FILTERS, 'all' as const].map((f) => ({
            value: f,
            label: t(`attestations.filter.${f}`),
          }))}
        />
        {list.isPending && <LoadingRows rows={3} label={t('attestations.loading')} />}
        {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
        {list.data?.items.length === 0 && <Text c="dimmed">{t('attestations.empty')}</Text>}
        {list.data?.items.map((a, i) => (
          <Fragment key={a.id}>
            {i > 0 && <Divider />}
            <AttestationRow a={a} itemLabel={labelOf(a.itemId)} />
          </Fragment>
        ))}
      </Stack>
    </Card>
  );
}

export function AttestationsCard({ items }: { items: ConformityItem[] }) {
  return (
    <AreaStrings area="attestations">
      <List items={items} />
    </AreaStrings>
  );
}
