import { Button, Group, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PersonAgreement, type PersonProfile } from '../../../api/people';
import { useDeleteAgreement } from '../../../api/people-competence';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { SectionCard } from '../../../components/SectionCard';
import { useFormat } from '../../../lib/format';
import { OwnerFiles } from '../OwnerFiles';
import { AgreementModal } from './AgreementModal';

/** Confidentiality and other agreements the person signed (annex 6.1), with the signed copies. */
export function AgreementsCard({ profile }: { profile: PersonProfile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const remove = useDeleteAgreement();
  const [editing, setEditing] = useState<PersonAgreement | 'new' | null>(null);
  const [removing, setRemoving] = useState<PersonAgreement | null>(null);
  const editable = profile.editable;
  const kindOf = (a: PersonAgreement) => t(`people.agreementKind.${a.kind}`);

  return (
    <SectionCard
      id="person-agreements"
      title={t('people.agreements.title')}
      actions={
        editable && (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => setEditing('new')}
          >
            {t('people.agreements.add')}
          </Button>
        )
      }
    >
      {profile.agreements.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('people.agreements.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table aria-label={t('people.agreements.title')} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.agreements.columns.kind')}</Table.Th>
                <Table.Th>{t('people.agreements.columns.signedOn')}</Table.Th>
                <Table.Th>{t('people.agreements.columns.expiresOn')}</Table.Th>
                <Table.Th>{t('people.agreements.columns.copy')}</Table.Th>
                {editable && <Table.Th>{t('people.agreements.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profile.agreements.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {kindOf(a)}
                    {a.note && (
                      <Text fz="xs" c="dimmed">
                        {a.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{format.date(a.signedOn)}</Table.Td>
                  <Table.Td>{a.expiresOn ? format.date(a.expiresOn) : '—'}</Table.Td>
                  <Table.Td>
                    <OwnerFiles
                      ownerType="person_agreement"
                      ownerId={a.id}
                      editable={editable}
                      label={t('people.files.uploadTo', { name: kindOf(a) })}
                    />
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setEditing(a)}
                          aria-label={t('people.agreements.editNamed', { name: kindOf(a) })}
                        >
                          {t('people.agreements.edit')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setRemoving(a)}
                          aria-label={t('people.agreements.removeNamed', { name: kindOf(a) })}
                        >
                          {t('people.agreements.remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <AgreementModal
          userId={profile.user.id}
          agreement={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={removing !== null}
        title={t('people.agreements.removeTitle')}
        message={t('people.agreements.removeBody', { name: removing ? kindOf(removing) : '' })}
        confirmLabel={t('people.agreements.remove')}
        danger
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (removing) remove.mutate(removing, { onSuccess: () => setRemoving(null) });
        }}
        pending={remove.isPending}
        error={remove.error?.message ?? null}
      />
    </SectionCard>
  );
}
