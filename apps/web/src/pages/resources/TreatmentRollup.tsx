import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { SectionCard } from '../../components/SectionCard';
import { useFormat } from '../../lib/format';
import type { ResourceSummary } from './api';
import { useResourcesT } from './format';

/** Risk treatment actions due in the fiscal year, with their budgets (4.2.2.f beside 4.2.2.b). */
export function TreatmentRollup({ treatment }: { treatment: ResourceSummary['treatment'] }) {
  const { tr, yen } = useResourcesT();
  const { date } = useFormat();
  return (
    <SectionCard
      id="resources-treatment"
      title={tr('treatment.title')}
      description={tr('treatment.description')}
      actions={
        <Anchor component={Link} to="/treatment-plan" fz="sm">
          {tr('treatment.open')}
        </Anchor>
      }
    >
      {treatment.items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {tr('treatment.none')}
        </Text>
      ) : (
        <>
          <Text fz="sm">
            {tr('treatment.summary', {
              count: treatment.actions,
              funded: treatment.funded,
              budget: yen(treatment.budget),
            })}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={tr('treatment.tableLabel')} verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{tr('treatment.code')}</Table.Th>
                  <Table.Th>{tr('treatment.action')}</Table.Th>
                  <Table.Th>{tr('treatment.due')}</Table.Th>
                  <Table.Th ta="right">{tr('treatment.budget')}</Table.Th>
                  <Table.Th>{tr('treatment.resources')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {treatment.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.code}</Table.Td>
                    <Table.Td>{a.title}</Table.Td>
                    <Table.Td>{date(a.dueDate)}</Table.Td>
                    <Table.Td ta="right">{a.budget !== null ? yen(a.budget) : ''}</Table.Td>
                    <Table.Td>{a.resources}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </SectionCard>
  );
}
