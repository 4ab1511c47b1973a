import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AreaStrings } from '../../i18n/lazy-areas';
import { Link } from 'react-router';
import { useIsmsRoles } from '../../api/people';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useSession } from '../../session/useSession';
import { useBilingual } from './shared';

/**
 * The ISMS roles beside the ISMS policy (5.1.c): who answers for what, so
 * readers of the policy see the people behind it. Shown to those who may read people.
 */
export function IsmsPolicyRolesPanel() {
  const { can } = useSession();
  // The document page is not of this area: its strings load with the panel.
  return can('people:read') ? (
    <Suspense fallback={null}>
      <AreaStrings area="people">
        <RolesTable />
      </AreaStrings>
    </Suspense>
  ) : null;
}

function RolesTable() {
  const { t } = useTranslation();
  const text = useBilingual();
  const roles = useIsmsRoles('true');
  return (
    <SectionCard
      id="policy-isms-roles"
      title={t('people.policyPanel.title')}
      description={t('people.policyPanel.hint')}
      actions={
        <Anchor component={Link} to="/people/roles" fz="sm">
          {t('people.policyPanel.open')}
        </Anchor>
      }
    >
      {roles.isPending ? (
        <LoadingRows rows={2} />
      ) : roles.isError ? (
        <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />
      ) : roles.data.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('people.policyPanel.empty')}
        </Text>
      ) : (
        <Table aria-label={t('people.policyPanel.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('people.roles.columns.role')}</Table.Th>
              <Table.Th>{t('people.policyPanel.responsibilities')}</Table.Th>
              <Table.Th>{t('people.policyPanel.people')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roles.data.map((role) => (
              <Table.Tr key={role.id}>
                <Table.Td>{text(role.name, role.nameEn)}</Table.Td>
                <Table.Td>
                  <Text fz="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
                    {text(role.responsibilities, role.responsibilitiesEn)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {role.assignments.length === 0 ? (
                    <Badge color="red" variant="light" tt="none">
                      {t('people.roles.vacant')}
                    </Badge>
                  ) : (
                    <Stack gap={2}>
                      {role.assignments.map((a) => (
                        <Group key={a.id} gap={4}>
                          <Text fz="sm">{a.user.name}</Text>
                          {a.kind === 'deputy' && (
                            <Text fz="xs" c="dimmed">
                              ({t('people.assignmentKind.deputy')})
                            </Text>
                          )}
                          {a.unit && (
                            <Text fz="xs" c="dimmed">
                              {a.unit.name}
                            </Text>
                          )}
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  );
}
