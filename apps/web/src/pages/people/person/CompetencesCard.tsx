import { Button, Group, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PersonCompetence, type PersonProfile } from '../../../api/people';
import { useDeleteCompetence } from '../../../api/people-competence';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { SectionCard } from '../../../components/SectionCard';
import { useFormat } from '../../../lib/format';
import { OwnerFiles } from '../OwnerFiles';
import { ExpiryBadge } from '../shared';
import { CompetenceModal } from './CompetenceModal';

/** Qualifications, certificates and skills with their expiry and the evidence files. */
export function CompetencesCard({ profile }: { profile: PersonProfile }) {
  const { t } = useTranslation();
  const format = useFormat();
  const remove = useDeleteCompetence();
  const [editing, setEditing] = useState<PersonCompetence | 'new' | null>(null);
  const [removing, setRemoving] = useState<PersonCompetence | null>(null);
  const editable = profile.editable;

  return (
    <SectionCard
      id="person-competences"
      title={t('people.competences.title')}
      actions={
        editable && (
          <Button
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => setEditing('new')}
          >
            {t('people.competences.add')}
          </Button>
        )
      }
    >
      {profile.competences.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('people.competences.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table aria-label={t('people.competences.title')} verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.competences.columns.name')}</Table.Th>
                <Table.Th>{t('people.competences.columns.kind')}</Table.Th>
                <Table.Th>{t('people.competences.columns.obtainedOn')}</Table.Th>
                <Table.Th>{t('people.competences.columns.expiresOn')}</Table.Th>
                <Table.Th>{t('people.competences.columns.evidence')}</Table.Th>
                {editable && <Table.Th>{t('people.competences.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {profile.competences.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    {c.name}
                    {(c.issuer || c.requirement) && (
                      <Text fz="xs" c="dimmed">
                        {[
                          c.issuer,
                          c.requirement
                            ? t('people.competences.meets', { name: c.requirement.name })
                            : '',
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`people.personCompetenceKind.${c.kind}`)}</Table.Td>
                  <Table.Td>{c.obtainedOn ? format.date(c.obtainedOn) : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <span>{c.expiresOn ? format.date(c.expiresOn) : '—'}</span>
                      <ExpiryBadge expiry={c.expiry} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <OwnerFiles
                      ownerType="person_competence"
                      ownerId={c.id}
                      editable={editable}
                      label={t('people.files.uploadTo', { name: c.name })}
                    />
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setEditing(c)}
                          aria-label={t('people.competences.editNamed', { name: c.name })}
                        >
                          {t('people.competences.edit')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setRemoving(c)}
                          aria-label={t('people.competences.removeNamed', { name: c.name })}
                        >
                          {t('people.competences.remove')}
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
        <CompetenceModal
          userId={profile.user.id}
          competence={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={removing !== null}
        title={t('people.competences.removeTitle')}
        message={t('people.competences.removeBody', { name: removing?.name ?? '' })}
        confirmLabel={t('people.competences.remove')}
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
