import { Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { personCompetenceKindSchema } from '@mamoru/contracts';
import { type PersonCompetence } from '../../../api/people';
import {
  useAddCompetence,
  useRequirements,
  useUpdateCompetence,
} from '../../../api/people-competence';
import { FormActions } from '../../../components/FormActions';
import { SaveProblem } from '../../../components/SaveProblem';
import { problemFields } from '../../../lib/problemFields';
import { dateOrNull, useBilingual } from '../shared';

type Kind = PersonCompetence['kind'];

/** Records a qualification, certificate or skill of a person, optionally meeting a requirement. */
export function CompetenceModal({
  userId,
  competence,
  onClose,
}: {
  userId: string;
  competence?: PersonCompetence;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const text = useBilingual();
  const add = useAddCompetence(userId);
  const update = useUpdateCompetence();
  const mutation = competence ? update : add;
  const requirements = useRequirements({});
  const [kind, setKind] = useState<Kind>(competence?.kind ?? 'certificate');
  const [name, setName] = useState(competence?.name ?? '');
  const [issuer, setIssuer] = useState(competence?.issuer ?? '');
  const [requirementId, setRequirementId] = useState<string | null>(
    competence?.requirement?.id ?? null,
  );
  const [obtainedOn, setObtainedOn] = useState(competence?.obtainedOn ?? '');
  const [expiresOn, setExpiresOn] = useState(competence?.expiresOn ?? '');
  const [note, setNote] = useState(competence?.note ?? '');
  const [touched, setTouched] = useState(false);
  const labels = {
    kind: t('people.competenceForm.kind'),
    name: t('people.competenceForm.name'),
    issuer: t('people.competenceForm.issuer'),
    requirementId: t('people.competenceForm.requirement'),
    obtainedOn: t('people.competenceForm.obtainedOn'),
    expiresOn: t('people.competenceForm.expiresOn'),
    note: t('people.competenceForm.note'),
  };
  const problem = problemFields(mutation.error, labels);
  const requirementData = (requirements.data ?? [])
    .filter((r) => r.kind !== 'training')
    .map((r) => ({
      value: r.id,
      label: `${text(r.name, r.nameEn)} (${r.role?.name ?? r.job?.name ?? ''})`,
    }));
  if (
    competence?.requirement &&
    !requirementData.some((r) => r.value === competence.requirement!.id)
  )
    requirementData.push({ value: competence.requirement.id, label: competence.requirement.name });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!name.trim()) return;
    const body = {
      kind,
      name,
      issuer,
      requirementId,
      obtainedOn: dateOrNull(obtainedOn),
      expiresOn: dateOrNull(expiresOn),
      note,
    };
    if (competence) update.mutate({ item: competence, body }, { onSuccess: onClose });
    else add.mutate(body, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={
        competence ? t('people.competenceForm.editTitle') : t('people.competenceForm.addTitle')
      }
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
            data={personCompetenceKindSchema.options.map((k) => ({
              value: k,
              label: t(`people.personCompetenceKind.${k}`),
            }))}
            value={kind}
            onChange={(v) => v && setKind(v as Kind)}
            allowDeselect={false}
            error={problem.error('kind')}
          />
          <TextInput
            label={labels.name}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            error={
              (touched && !name.trim() ? t('people.form.required') : undefined) ??
              problem.error('name')
            }
          />
          <TextInput
            label={labels.issuer}
            value={issuer}
            onChange={(e) => setIssuer(e.currentTarget.value)}
            error={problem.error('issuer')}
          />
          <Select
            label={labels.requirementId}
            description={t('people.competenceForm.requirementHint')}
            searchable
            clearable
            data={requirementData}
            value={requirementId}
            onChange={setRequirementId}
            error={problem.error('requirementId')}
          />
          <Group grow align="flex-start">
            <TextInput
              type="date"
              label={labels.obtainedOn}
              value={obtainedOn}
              onChange={(e) => setObtainedOn(e.currentTarget.value)}
              error={problem.error('obtainedOn')}
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
            submitLabel={competence ? t('people.form.save') : t('people.competenceForm.submit')}
            loading={mutation.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
