import { Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../../../api/assets';
import { useAssign, type AssignmentKind, type IsmsRole } from '../../../api/people';
import { FormActions } from '../../../components/FormActions';
import { SaveProblem } from '../../../components/SaveProblem';
import { problemFields } from '../../../lib/problemFields';
import { PersonSelect, today, useBilingual } from '../shared';

/** Gives a role to a person, as holder or deputy (and for a unit where the role is per unit). */
export function AssignmentModal({ role, onClose }: { role: IsmsRole; onClose: () => void }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const assign = useAssign();
  const units = useOrgUnits();
  const [userId, setUserId] = useState<string | null>(null);
  const [kind, setKind] = useState<AssignmentKind>('holder');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [startsOn, setStartsOn] = useState(today());
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const labels = {
    userId: t('people.assignForm.person'),
    kind: t('people.assignForm.kind'),
    orgUnitId: t('people.assignForm.unit'),
    startsOn: t('people.assignForm.startsOn'),
    note: t('people.assignForm.note'),
  };
  const problem = problemFields(assign.error, labels);
  const missing = (ok: boolean) => (touched && !ok ? t('people.form.required') : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!userId || (role.perUnit && !unitId)) return;
    assign.mutate(
      {
        roleId: role.id,
        body: { userId, kind, orgUnitId: unitId, note, ...(startsOn ? { startsOn } : {}) },
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('people.assignForm.title', { name: text(role.name, role.nameEn) })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={assign.error}
            staleTitle={t('people.stale.title')}
            staleBody={t('people.stale.body')}
            fields={problem}
          />
          <PersonSelect
            label={labels.userId}
            value={userId}
            onChange={setUserId}
            required
            error={missing(Boolean(userId)) ?? problem.error('userId')}
          />
          <Select
            label={labels.kind}
            data={(['holder', 'deputy'] as const).map((k) => ({
              value: k,
              label: t(`people.assignmentKind.${k}`),
            }))}
            value={kind}
            onChange={(v) => v && setKind(v as AssignmentKind)}
            allowDeselect={false}
            error={problem.error('kind')}
          />
          {role.perUnit && (
            <Select
              label={labels.orgUnitId}
              searchable
              data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={unitId}
              onChange={setUnitId}
              required
              error={missing(Boolean(unitId)) ?? problem.error('orgUnitId')}
            />
          )}
          <TextInput
            type="date"
            label={labels.startsOn}
            value={startsOn}
            onChange={(e) => setStartsOn(e.currentTarget.value)}
            error={problem.error('startsOn')}
          />
          <Textarea
            label={labels.note}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={problem.error('note')}
          />
          <FormActions
            onCancel={onClose}
            submitLabel={t('people.assignForm.submit')}
            loading={assign.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
