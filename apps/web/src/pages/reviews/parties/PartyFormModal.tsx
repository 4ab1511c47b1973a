import { Button, Group, Modal, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../../components/QueryStates';
import { problemFields, unplacedText } from '../../../lib/problemFields';
import { PARTY_KINDS, useCreateParty, useUpdateParty, type InterestedParty } from './api';

/** Registers an interested party, or edits one (and retires or restores it). */
export function PartyFormModal({
  party,
  onClose,
}: {
  /** null: a new party. */
  party: InterestedParty | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateParty();
  const update = useUpdateParty();
  const saving = party ? update : create;
  const [name, setName] = useState(party?.name ?? '');
  const [kind, setKind] = useState<InterestedParty['kind']>(party?.kind ?? 'customer');
  const [expectations, setExpectations] = useState(party?.expectations ?? '');
  const [contact, setContact] = useState(party?.contact ?? '');
  const [active, setActive] = useState(party?.active ?? true);
  const [touched, setTouched] = useState(false);
  const problem = problemFields(saving.error, {
    name: t('reviewsParties.party.name'),
    kind: t('reviewsParties.party.kind'),
    expectations: t('reviewsParties.party.expectations'),
    contact: t('reviewsParties.party.contact'),
    active: t('reviewsParties.party.active'),
  });
  const nameError =
    touched && !name.trim() ? t('reviewsParties.form.required') : problem.error('name');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (!name.trim()) return;
    const body = { name, kind, expectations, contact };
    if (party) update.mutate({ party, body: { ...body, active } }, { onSuccess: onClose });
    else create.mutate(body, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(party ? 'reviewsParties.party.editTitle' : 'reviewsParties.party.newTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError error={saving.error} extra={problem.unplaced.map(unplacedText)} />
          <TextInput
            label={t('reviewsParties.party.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            error={nameError}
          />
          <Select
            label={t('reviewsParties.party.kind')}
            data={PARTY_KINDS.map((k) => ({ value: k, label: t(`reviewsParties.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v as InterestedParty['kind'])}
            allowDeselect={false}
            required
            error={problem.error('kind')}
          />
          <Textarea
            label={t('reviewsParties.party.expectations')}
            description={t('reviewsParties.party.expectationsHint')}
            value={expectations}
            onChange={(e) => setExpectations(e.currentTarget.value)}
            error={problem.error('expectations')}
            autosize
            minRows={2}
          />
          <TextInput
            label={t('reviewsParties.party.contact')}
            value={contact}
            onChange={(e) => setContact(e.currentTarget.value)}
            error={problem.error('contact')}
          />
          {party && (
            <Switch
              label={t('reviewsParties.party.active')}
              description={t('reviewsParties.party.activeHint')}
              checked={active}
              onChange={(e) => setActive(e.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('reviewsParties.form.cancel')}
            </Button>
            <Button type="submit" loading={saving.isPending}>
              {t('reviewsParties.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
