import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IsmsRole, RoleAssignment } from '../../../api/people';
import { SectionCard } from '../../../components/SectionCard';
import { useFormat } from '../../../lib/format';
import { useBilingual } from '../shared';
import { AssignmentModal } from './AssignmentModal';
import { EndAssignmentModal } from './EndAssignmentModal';

/** One role: what it answers for, its holders and deputies (per unit where it is held so). */
export function RoleCard({
  role,
  manage,
  onEdit,
}: {
  role: IsmsRole;
  manage: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useBilingual();
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<RoleAssignment | null>(null);
  const holders = role.assignments.filter((a) => a.kind === 'holder');
  const missingDeputy =
    role.active && role.requiresDeputy && !role.assignments.some((a) => a.kind === 'deputy');
  const headingId = `role-${role.id}`;

  return (
    <SectionCard
      id={headingId}
      title={text(role.name, role.nameEn)}
      description={
        <Group gap={6} component="span">
          <Badge variant="outline" tt="none" size="sm">
            {role.code}
          </Badge>
          {role.perUnit && (
            <Badge variant="light" tt="none" size="sm">
              {t('people.roles.perUnit')}
            </Badge>
          )}
          {role.requiresDeputy && (
            <Badge variant="light" tt="none" size="sm" color="grape">
              {t('people.roles.requiresDeputy')}
            </Badge>
          )}
          {!role.active && (
            <Badge variant="light" tt="none" size="sm" color="gray">
              {t('people.roles.inactive')}
            </Badge>
          )}
          {role.active && holders.length === 0 && (
            <Badge variant="filled" tt="none" size="sm" color="red">
              {t('people.roles.vacant')}
            </Badge>
          )}
          {missingDeputy && (
            <Badge variant="filled" tt="none" size="sm" color="orange">
              {t('people.roles.noDeputy')}
            </Badge>
          )}
        </Group>
      }
      actions={
        manage && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPencil size={14} aria-hidden="true" />}
              onClick={onEdit}
              aria-label={t('people.roles.editNamed', { name: text(role.name, role.nameEn) })}
            >
              {t('people.roles.edit')}
            </Button>
            {role.active && (
              <Button
                size="xs"
                leftSection={<IconUserPlus size={14} aria-hidden="true" />}
                onClick={() => setAssigning(true)}
                aria-label={t('people.roles.assignNamed', { name: text(role.name, role.nameEn) })}
              >
                {t('people.roles.assign')}
              </Button>
            )}
          </Group>
        )
      }
    >
      <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {text(role.responsibilities, role.responsibilitiesEn) ||
          t('people.roles.noResponsibilities')}
      </Text>
      <Text fz="xs" c="dimmed">
        {t('people.roles.requirementCount', { count: role.requirementCount })}
      </Text>
      {role.assignments.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('people.roles.noAssignments')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table
            aria-label={t('people.roles.assignmentsOf', { name: text(role.name, role.nameEn) })}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.roles.columns.person')}</Table.Th>
                <Table.Th>{t('people.roles.columns.kind')}</Table.Th>
                {role.perUnit && <Table.Th>{t('people.roles.columns.unit')}</Table.Th>}
                <Table.Th>{t('people.roles.columns.period')}</Table.Th>
                <Table.Th>{t('people.roles.columns.acknowledged')}</Table.Th>
                {manage && <Table.Th>{t('people.roles.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {role.assignments.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/people/${a.user.id}`}>
                      {a.user.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`people.assignmentKind.${a.kind}`)}</Table.Td>
                  {role.perUnit && <Table.Td>{a.unit?.name ?? '—'}</Table.Td>}
                  <Table.Td>
                    {format.date(a.startsOn)} – {a.endsOn ? format.date(a.endsOn) : ''}
                  </Table.Td>
                  <Table.Td>
                    {a.acknowledgedAt && !a.acknowledgementStale ? (
                      <Badge color="teal" variant="light" tt="none">
                        {t('people.roles.ackDone')}
                      </Badge>
                    ) : (
                      <Badge color={a.acknowledgedAt ? 'orange' : 'gray'} variant="light" tt="none">
                        {a.acknowledgedAt
                          ? t('people.roles.ackStale')
                          : t('people.roles.ackPending')}
                      </Badge>
                    )}
                  </Table.Td>
                  {manage && (
                    <Table.Td>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => setEnding(a)}
                        aria-label={t('people.roles.endNamed', { name: a.user.name })}
                      >
                        {t('people.roles.end')}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {assigning && <AssignmentModal role={role} onClose={() => setAssigning(false)} />}
      {ending && <EndAssignmentModal assignment={ending} onClose={() => setEnding(null)} />}
    </SectionCard>
  );
}
