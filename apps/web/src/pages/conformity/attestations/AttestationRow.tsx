import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemDetails } from '../../../components/ProblemDetails';
import { useSignedInSession } from '../../../session/useSession';
import { AttestationFiles } from './AttestationFiles';
import { useDecideAttestation, useRevokeAttestation, type Attestation } from './api';

const COLORS = { pending: 'yellow', approved: 'green', rejected: 'gray', revoked: 'gray' } as const;

/** The state a reader cares about: an approved one may be expired or not yet valid. */
function stateOf(a: Attestation, today: string) {
  if (a.status !== 'approved') return a.status;
  if (a.expired) return 'expired';
  if (a.validFrom > today) return 'notYet';
  return 'approved';
}

/**
 * One attestation: statement, validity, who recorded and who decided, its
 * files, and the actions the reader may take (decide when someone else
 * recorded it; revoke an approved one).
 */
export function AttestationRow({ a, itemLabel }: { a: Attestation; itemLabel: string }) {
  const { t } = useTranslation();
  const { info, can } = useSignedInSession();
  const decide = useDecideAttestation();
  const revoke = useRevokeAttestation();
  const [note, setNote] = useState('');
  const state = stateOf(a, new Date().toISOString().slice(0, 10));
  const mine = a.requestedBy?.id === info.user.id;
  const mayDecide = a.status === 'pending' && can('conformity:attest_decide');
  const mayRevoke = a.status === 'approved' && can('conformity:attest');
  const error = decide.error ?? revoke.error;
  return (
    <Stack gap={6} data-testid={`attestation-${a.id}`}>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Text fz="sm" fw={600}>
          {itemLabel}
        </Text>
        <Badge
          variant="light"
          color={state === 'approved' ? 'green' : state === 'expired' ? 'red' : COLORS[a.status]}
        >
          {t(`attestations.status.${state}`)}
        </Badge>
      </Group>
      <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {a.statement}
      </Text>
      <Text fz="xs" c="dimmed">
        {t('attestations.validity')}: {a.validFrom} – {a.validUntil} ·{' '}
        {t('attestations.requestedBy')}: {a.requestedBy?.name ?? '—'}
        {a.decidedBy && ` · ${t('attestations.decidedBy')}: ${a.decidedBy.name}`}
        {a.decisionNote && ` · ${a.decisionNote}`}
      </Text>
      <AttestationFiles
        attestationId={a.id}
        editable={a.status === 'pending' && mine && can('conformity:attest')}
        itemLabel={itemLabel}
      />
      {mayDecide && mine && (
        <Text fz="xs" c="dimmed">
          {t('attestations.ownRequest')}
        </Text>
      )}
      {((mayDecide && !mine) || mayRevoke) && (
        <Group gap="xs" align="flex-end">
          <TextInput
            size="xs"
            label={mayRevoke ? t('attestations.revokeNote') : t('attestations.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          {mayDecide && !mine && (
            <>
              <Button
                size="xs"
                color="green"
                loading={decide.isPending}
                onClick={() => decide.mutate({ a, decision: 'approved', note })}
              >
                {t('attestations.approve')}
              </Button>
              <Button
                size="xs"
                variant="default"
                loading={decide.isPending}
                onClick={() => decide.mutate({ a, decision: 'rejected', note })}
              >
                {t('attestations.reject')}
              </Button>
            </>
          )}
          {mayRevoke && (
            <Button
              size="xs"
              variant="default"
              color="red"
              disabled={!note.trim()}
              loading={revoke.isPending}
              onClick={() => revoke.mutate({ a, note })}
            >
              {t('attestations.revoke')}
            </Button>
          )}
        </Group>
      )}
      {error && <ProblemDetails error={error} />}
    </Stack>
  );
}
