import { Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementKindSchema } from '@mamoru/contracts';
import { type AgreementKind, type PersonAgreement } from '../../../api/people';
import { useAddAgreement, useUpdateAgreement } from '../../../api/people-competence';
import { FormActions } from '../../../components/FormActions';
import { SaveProblem } from '../../../components/SaveProblem';
import { problemFields } from '../../../lib/problemFields';
import { dateOrNull, today } from '../shared';

/** Records an agreement a person signed (kind, signed date, expiry); the copy is attached after. */
export function AgreementModal({
  userId,
  agreement,
  onClose,
}: {
  userId: string;
  agreement?: PersonAgreement;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddAgreement(userId);
  const update = useUpdateAgreement();
  const mutation = agreement ? update : add;
  const [kind, setKind] = useState<AgreementKind>(agreement?.kind ?? 'confidentiality');
  const [signedOn, setSignedOn] = useState(agreement?.signedOn ?? today());
  const [expiresOn, setExpiresOn] = useState(agreement?.expiresOn ?? '');
  const [note, setNote] = useState(agreement?.note ?? '');
  const [touched, setTouched] = useState(false);
  const labels = {
    kind: t('people.agreementForm.kind'),
    signedOn: t('people.agreementForm.signedOn'),
    expiresOn: t('people.agreementForm.expiresOn'),
    note: t('people.agreementForm.note'),
  };
  const problem = problemFields(mutation.error, labels);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!signedOn) return;
    const body = { kind, signedOn, expiresOn: dateOrNull(expiresOn), note };
    if (agreement) update.mutate({ item: agreement, body }, { onSuccess: onClose });
    else add.mutate(body, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={agreement ? t('people.agreementForm.editTitle') : t('people.agreementForm.addTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={mutation.error}
            staleTitle={t('people.stale.title')}
            staleBody={t('people.stale.body')}
            fields={problem}
          />
          <Select
            label={labels.kind}
            data={agreementKindSchema.options.map((k) => ({
              value: k,
              label: t(`people.agreementKind.${k}`),
            }))}
            value={kind}
            onChange={(v) => v && setKind(v as AgreementKind)}
            allowDeselect={false}
            error={problem.error('kind')}
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={labels.signedOn}
              value={signedOn}
              onChange={(e) => setSignedOn(e.currentTarget.value)}
              required
              error={
                (touched && !signedOn ? t('people.form.required') : undefined) ??
                problem.error('signedOn')
              }
            />
            <TextInput
              type="date"
              label={labels.expiresOn}
              value={expiresOn}
              onChange={(e) => setExpiresOn(e.currentTarget.value)}
              error={problem.error('expiresOn')}
            />
          </Group>
          <Textarea
            label={labels.note}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={problem.error('note')}
          />
          <FormActions
            onCancel={onClose}
            submitLabel={agreement ? t('people.form.save') : t('people.agreementForm.submit')}
            loading={mutation.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
