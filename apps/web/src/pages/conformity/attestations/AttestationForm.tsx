import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemDetails } from '../../../components/ProblemDetails';
import { AttestationFiles } from './AttestationFiles';
import { useRecordAttestation, type Attestation } from './api';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Records an attestation for one item: the statement and validity first, then
 * (once it exists) its evidence files, while it still waits for a decision.
 */
export function AttestationForm({
  itemId,
  itemLabel,
  opened,
  onClose,
}: {
  itemId: string;
  itemLabel: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordAttestation();
  const today = new Date();
  const [statement, setStatement] = useState('');
  const [validFrom, setValidFrom] = useState(isoDay(today));
  const [validUntil, setValidUntil] = useState(
    isoDay(new Date(today.getFullYear() + 1, today.getMonth(), today.getDate())),
  );
  const [saved, setSaved] = useState<Attestation | null>(null);
  const close = () => {
    setSaved(null);
    setStatement('');
    record.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('attestations.recordTitle', { item: itemLabel })}
    >
      {saved ? (
        <Stack gap="sm">
          <Text fz="sm">{t('attestations.filesAfter')}</Text>
          <AttestationFiles attestationId={saved.id} editable itemLabel={itemLabel} />
          <Group justify="flex-end">
            <Button onClick={close}>{t('attestations.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            record.mutate(
              { itemId, statement, validFrom, validUntil },
              { onSuccess: (a) => setSaved(a) },
            );
          }}
        >
          <Stack gap="sm">
            <Textarea
              label={t('attestations.statement')}
              description={t('attestations.statementHint')}
              value={statement}
              onChange={(e) => setStatement(e.currentTarget.value)}
              required
              autosize
              minRows={3}
            />
            <Group grow>
              <TextInput
                type="date"
                label={t('attestations.validFrom')}
                value={validFrom}
                onChange={(e) => setValidFrom(e.currentTarget.value)}
                required
              />
              <TextInput
                type="date"
                label={t('attestations.validUntil')}
                value={validUntil}
                onChange={(e) => setValidUntil(e.currentTarget.value)}
                required
              />
            </Group>
            {record.error && <ProblemDetails error={record.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('attestations.cancel')}
              </Button>
              <Button type="submit" loading={record.isPending}>
                {t('attestations.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
