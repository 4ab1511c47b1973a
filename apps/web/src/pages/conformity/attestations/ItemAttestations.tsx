import { Button, Divider, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayIdIn } from '@mamoru/contracts';
import { AreaStrings } from '../../../i18n/lazy-areas';
import { useSession } from '../../../session/useSession';
import type { ConformityItem } from '../../../api/conformity';
import { LoadingRows } from '../../../components/QueryStates';
import { AttestationForm } from './AttestationForm';
import { AttestationRow } from './AttestationRow';
import { useAttestations } from './api';

/**
 * The attestation part of an item's panel: whether the item is met by one,
 * the attestations recorded for it, and (for the ISMS manager) a way to record one.
 */
function Section({ item }: { item: ConformityItem }) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const list = useAttestations({ itemId: item.id });
  const label = displayIdIn(item, i18n.language);
  return (
    <Stack gap={6} data-testid="item-attestations">
      <Divider />
      <Title order={3} fz="md">
        {t('attestations.section')}
      </Title>
      {item.basis === 'attestation' && item.attestation && (
        <Text fz="sm" c="teal.9" fw={600}>
          {t('attestations.metByAttestation', { date: item.attestation.validUntil })}
        </Text>
      )}
      {list.isPending && <LoadingRows rows={1} label={t('attestations.loading')} />}
      {list.data?.items.length === 0 && (
        <Text fz="sm" c="dimmed">
          {t('attestations.none')}
        </Text>
      )}
      {list.data?.items.map((a) => (
        <AttestationRow key={a.id} a={a} itemLabel={label} />
      ))}
      {can('conformity:attest') && (
        <>
          <Button
            variant="light"
            size="xs"
            w="fit-content"
            leftSection={<IconShieldCheck size={14} aria-hidden="true" />}
            onClick={() => setOpen(true)}
          >
            {t('attestations.record')}
          </Button>
          <AttestationForm
            itemId={item.id}
            itemLabel={label}
            opened={open}
            onClose={() => setOpen(false)}
          />
        </>
      )}
    </Stack>
  );
}

export function ItemAttestations({ item }: { item: ConformityItem }) {
  return (
    <AreaStrings area="attestations">
      <Section item={item} />
    </AreaStrings>
  );
}
