import { Modal, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/QueryStates';
import { problemFields } from '../../lib/problemFields';
import { useAuditors, useSetTeam, type Audit } from './api';

/**
 * Assigns the lead auditor and members. The server refuses (422) anyone not
 * independent of the scope and names the conflict beside the person.
 */
export function TeamModal({ audit, onClose }: { audit: Audit; onClose: () => void }) {
  const { t } = useTranslation();
  const auditors = useAuditors();
  const save = useSetTeam();
  const [lead, setLead] = useState<string | null>(audit.leadAuditor?.id ?? null);
  const [members, setMembers] = useState<string[]>(
    audit.team.filter((m) => m.role === 'member').map((m) => m.user.id),
  );
  const options = (auditors.data ?? [])
    .filter((a) => a.active)
    .map((a) => ({ value: a.user.id, label: a.user.name }));
  const labels = { leadUserId: t('audits.team.lead'), 'memberUserIds.*': t('audits.team.members') };
  const problems = problemFields(save.error, labels, ['leadUserId', 'memberUserIds.*']);
  // Each refused member's reason names the person, so they read well side by side.
  const memberErrors = Object.entries(problems.byField)
    .filter(([field]) => field.startsWith('memberUserIds.'))
    .map(([, message]) => message);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      { audit, input: { leadUserId: lead, memberUserIds: members.filter((m) => m !== lead) } },
      { onSuccess: onClose },
    );
  }

  return (
    <Modal opened onClose={onClose} size="lg" title={t('audits.team.title', { code: audit.code })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('audits.team.hint')}
          </Text>
          <FormError error={save.error} extra={problems.unplaced.map((u) => u.message)} />
          <Select
            label={t('audits.team.lead')}
            data={options}
            value={lead}
            onChange={setLead}
            error={problems.byField.leadUserId}
            clearable
            searchable
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <MultiSelect
            label={t('audits.team.members')}
            data={options.filter((o) => o.value !== lead)}
            value={members}
            onChange={setMembers}
            error={memberErrors.length ? memberErrors.join(' ') : undefined}
            searchable
            comboboxProps={{ withinPortal: true }}
          />
          <FormActions
            onCancel={onClose}
            submitLabel={t('audits.team.save')}
            loading={save.isPending}
            mt="sm"
          />
        </Stack>
      </form>
    </Modal>
  );
}
