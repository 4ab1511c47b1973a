import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAddMember,
  useUpdateMember,
  type CommitteeMember,
  type CommitteePosition,
} from '../../../api/people';
import { FormActions } from '../../../components/FormActions';
import { SaveProblem } from '../../../components/SaveProblem';
import { problemFields } from '../../../lib/problemFields';
import { dateOrNull, PersonSelect, today } from '../shared';

const POSITIONS: CommitteePosition[] = ['chair', 'secretary', 'member'];

/** Seats a person on the committee, or changes their position or the day they left. */
export function MemberModal({
  member,
  onClose,
}: {
  member?: CommitteeMember;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddMember();
  const update = useUpdateMember();
  const mutation = member ? update : add;
  const [userId, setUserId] = useState<string | null>(member?.user.id ?? null);
  const [position, setPosition] = useState<CommitteePosition>(member?.position ?? 'member');
  const [joinedOn, setJoinedOn] = useState(member?.joinedOn ?? today());
  const [leftOn, setLeftOn] = useState(member?.leftOn ?? '');
  const [touched, setTouched] = useState(false);
  const labels = {
    userId: t('people.memberForm.person'),
    position: t('people.memberForm.position'),
    joinedOn: t('people.memberForm.joinedOn'),
    leftOn: t('people.memberForm.leftOn'),
  };
  const problem = problemFields(mutation.error, labels);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (member) {
      update.mutate(
        { member, body: { position, leftOn: dateOrNull(leftOn) } },
        { onSuccess: onClose },
      );
    } else if (userId) {
      add.mutate({ userId, position, ...(joinedOn ? { joinedOn } : {}) }, { onSuccess: onClose });
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={member ? t('people.memberForm.editTitle') : t('people.memberForm.addTitle')}
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
          <PersonSelect
            label={labels.userId}
            value={userId}
            onChange={setUserId}
            disabled={Boolean(member)}
            extra={member ? [member.user] : []}
            required
            error={
              (touched && !userId ? t('people.form.required') : undefined) ??
              problem.error('userId')
            }
          />
          <Select
            label={labels.position}
            data={POSITIONS.map((p) => ({ value: p, label: t(`people.position.${p}`) }))}
            value={position}
            onChange={(v) => v && setPosition(v as CommitteePosition)}
            allowDeselect={false}
            error={problem.error('position')}
          />
          {member ? (
            <TextInput
              type="date"
              label={labels.leftOn}
              value={leftOn}
              onChange={(e) => setLeftOn(e.currentTarget.value)}
              error={problem.error('leftOn')}
            />
          ) : (
            <TextInput
              type="date"
              label={labels.joinedOn}
              value={joinedOn}
              onChange={(e) => setJoinedOn(e.currentTarget.value)}
              error={problem.error('joinedOn')}
            />
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={member ? t('people.form.save') : t('people.memberForm.submit')}
            loading={mutation.isPending}
          />
        </Stack>
      </form>
    </Modal>
  );
}
