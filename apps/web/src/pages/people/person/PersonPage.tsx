import { Anchor, Badge, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePerson } from '../../../api/people-competence';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingBlock } from '../../../components/QueryStates';
import { SectionCard } from '../../../components/SectionCard';
import { useFormat } from '../../../lib/format';
import { AgreementsCard } from './AgreementsCard';
import { CompetencesCard } from './CompetencesCard';
import { ProfileFormModal } from './ProfileFormModal';
import { TrainingCard } from './TrainingCard';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </Stack>
  );
}

/**
 * One person's record (5.2.2.d): job, education and experience, the ISMS roles
 * they hold, their competences with expiry and evidence, and signed agreements.
 */
export function PersonPage({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const person = usePerson(userId);
  const [editing, setEditing] = useState(false);
  if (person.isPending) return <LoadingBlock />;
  if (person.isError)
    return <ErrorState error={person.error} onRetry={() => void person.refetch()} />;
  const p = person.data;
  const none = t('people.person.notRecorded');

  return (
    <Stack gap="lg" maw={1200}>
      <Anchor component={Link} to="/people" fz="sm">
        {t('people.person.back')}
      </Anchor>
      <PageHeader
        title={p.user.name}
        eyebrow={t('areas.people.title')}
        description={[p.email, p.unit?.name].filter(Boolean).join(' · ')}
        icon={<IconUser size={32} aria-hidden="true" />}
        actions={
          <Group gap="sm">
            <Button component={Link} to={`/people/gaps?userId=${p.user.id}`} variant="default">
              {t('people.person.gaps')}
            </Button>
            {p.editable && (
              <Button
                leftSection={<IconPencil size={16} aria-hidden="true" />}
                onClick={() => setEditing(true)}
              >
                {t('people.person.edit')}
              </Button>
            )}
          </Group>
        }
      />
      <SectionCard id="person-profile" title={t('people.person.profile')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Field label={t('people.person.job')}>
            {p.job ? `${p.job.code} ${p.job.name}` : none}
          </Field>
          <Field label={t('people.person.joinedOn')}>
            {p.joinedOn ? format.date(p.joinedOn) : none}
          </Field>
          <Field label={t('people.person.education')}>{p.education || none}</Field>
          <Field label={t('people.person.experience')}>{p.experience || none}</Field>
        </SimpleGrid>
        {p.notes && <Field label={t('people.person.notes')}>{p.notes}</Field>}
      </SectionCard>
      <SectionCard id="person-roles" title={t('people.person.roles')}>
        {p.roles.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('people.person.noRoles')}
          </Text>
        ) : (
          <Table aria-label={t('people.person.roles')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.roles.columns.role')}</Table.Th>
                <Table.Th>{t('people.roles.columns.kind')}</Table.Th>
                <Table.Th>{t('people.roles.columns.unit')}</Table.Th>
                <Table.Th>{t('people.roles.columns.period')}</Table.Th>
                <Table.Th>{t('people.roles.columns.acknowledged')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.roles.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/people/roles?role=${r.roleId}`}>
                      {r.roleName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`people.assignmentKind.${r.kind}`)}</Table.Td>
                  <Table.Td>{r.unit?.name ?? '—'}</Table.Td>
                  <Table.Td>
                    {format.date(r.startsOn)} – {r.endsOn ? format.date(r.endsOn) : ''}
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      tt="none"
                      color={r.acknowledgedAt && !r.acknowledgementStale ? 'teal' : 'gray'}
                    >
                      {r.acknowledgedAt && !r.acknowledgementStale
                        ? t('people.roles.ackDone')
                        : t('people.roles.ackPending')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </SectionCard>
      <CompetencesCard profile={p} />
      <TrainingCard userId={p.user.id} />
      <AgreementsCard profile={p} />
      {editing && <ProfileFormModal profile={p} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
