import {
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  Pill,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../../api/assets';
import { useUserDirectory } from '../../api/identity';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/QueryStates';
import { serverFieldErrors, unplacedErrors } from '../../lib/validation';
import { useSession } from '../../session/useSession';
import { EvidenceLinkFields } from '../records/EvidenceLinkFields';
import { useSaveAuditor, type InternalAuditor } from './api';

const FIELDS = ['userId', 'qualifications', 'training', 'unitIds', 'evidence', 'active'];
type Link = { type: string; id: string; label: string };

/** Registers an internal auditor or edits an entry (units are checked for independence). */
export function AuditorFormModal({
  auditor,
  registeredUserIds,
  onClose,
}: {
  auditor: InternalAuditor | null;
  registeredUserIds: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const users = useUserDirectory(can('users:read'));
  const units = useOrgUnits();
  const save = useSaveAuditor();
  const [userId, setUserId] = useState<string | null>(auditor?.user.id ?? null);
  const [qualifications, setQualifications] = useState(auditor?.qualifications ?? '');
  const [training, setTraining] = useState(auditor?.training ?? '');
  const [unitIds, setUnitIds] = useState(auditor?.units.map((u) => u.id) ?? []);
  const [evidence, setEvidence] = useState<Link[]>(auditor?.evidence ?? []);
  const [draft, setDraft] = useState<Link>({ type: '', id: '', label: '' });
  const [active, setActive] = useState(auditor?.active ?? true);
  const [missing, setMissing] = useState(false);
  const errors = serverFieldErrors(save.error);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!auditor && !userId) {
      setMissing(true);
      return;
    }
    const body = {
      qualifications: qualifications.trim(),
      training: training.trim(),
      unitIds,
      evidence: evidence.filter((l) => l.type && l.id),
      ...(auditor ? { active } : { userId: userId! }),
    };
    save.mutate({ auditor, body }, { onSuccess: onClose });
  }

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        auditor
          ? t('audits.auditors.editTitle', { name: auditor.user.name })
          : t('audits.auditors.createTitle')
      }
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <FormError error={save.error} extra={unplacedErrors(save.error, FIELDS)} />
          {!auditor && (
            <Select
              label={t('audits.auditors.user')}
              data={(users.data ?? [])
                .filter((u) => !registeredUserIds.includes(u.id))
                .map((u) => ({ value: u.id, label: u.displayName }))}
              value={userId}
              onChange={(v) => {
                setUserId(v);
                setMissing(false);
              }}
              error={errors.userId ?? (missing ? t('validation.required') : undefined)}
              searchable
              required
              comboboxProps={{ withinPortal: true }}
              data-autofocus
            />
          )}
          <Textarea
            label={t('audits.auditors.qualifications')}
            value={qualifications}
            onChange={(e) => setQualifications(e.currentTarget.value)}
            error={errors.qualifications}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('audits.auditors.training')}
            value={training}
            onChange={(e) => setTraining(e.currentTarget.value)}
            error={errors.training}
            autosize
            minRows={2}
          />
          <MultiSelect
            label={t('audits.auditors.units')}
            data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={unitIds}
            onChange={setUnitIds}
            error={errors.unitIds}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('audits.auditors.evidence')}
            </Text>
            {evidence.length > 0 && (
              <Pill.Group>
                {evidence.map((l, i) => (
                  <Pill
                    key={`${l.type}:${l.id}`}
                    withRemoveButton
                    onRemove={() => setEvidence(evidence.filter((_, j) => j !== i))}
                  >
                    {l.label || l.id}
                  </Pill>
                ))}
              </Pill.Group>
            )}
            <EvidenceLinkFields link={draft} onChange={setDraft} />
            <Group justify="flex-end">
              <Button
                variant="default"
                size="xs"
                disabled={!draft.type || !draft.id}
                onClick={() => {
                  setEvidence([...evidence, draft]);
                  setDraft({ type: '', id: '', label: '' });
                }}
              >
                {t('audits.auditors.addEvidence')}
              </Button>
            </Group>
          </Stack>
          {auditor && (
            <Checkbox
              label={t('audits.auditors.active')}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={auditor ? t('common.saveChanges') : t('audits.auditors.create')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Modal>
  );
}
