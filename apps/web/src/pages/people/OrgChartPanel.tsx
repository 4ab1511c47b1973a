import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconHierarchy2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrgChart, type OrgChart } from '../../api/people';
import { EmptyBlock, ErrorState, LoadingRows } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';

type Unit = OrgChart['units'][number];
type Holder = OrgChart['organizationRoles'][number];

function Holders({ holders }: { holders: Holder[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {holders.map((h) => (
        <Badge
          key={`${h.roleId}-${h.user.id}-${h.kind}`}
          variant={h.kind === 'holder' ? 'light' : 'outline'}
          tt="none"
        >
          {h.name}: {h.user.name}
          {h.kind === 'deputy' ? ` (${t('people.assignmentKind.deputy')})` : ''}
        </Badge>
      ))}
    </Group>
  );
}

/** One unit with its head, size and role holders, and its sub-units indented beneath. */
function UnitNode({
  unit,
  byParent,
  depth,
}: {
  unit: Unit;
  byParent: Map<string | null, Unit[]>;
  depth: number;
}) {
  const { t } = useTranslation();
  const children = byParent.get(unit.id) ?? [];
  return (
    <Stack gap="xs" ml={depth === 0 ? 0 : 'lg'} component="li" style={{ listStyle: 'none' }}>
      <Card withBorder radius="md" padding="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={3} fz="md">
              {unit.name}
            </Title>
            <Text fz="xs" c="dimmed">
              {unit.code}
            </Text>
          </Group>
          <Text fz="sm">
            {t('people.orgChart.head')}:{' '}
            {unit.head ? (
              <Anchor component={Link} to={`/people/${unit.head.id}`}>
                {unit.head.name}
              </Anchor>
            ) : (
              t('people.orgChart.noHead')
            )}
            {' · '}
            <Anchor component={Link} to={`/people?unitId=${unit.id}`}>
              {t('people.orgChart.members', { count: unit.memberCount })}
            </Anchor>
          </Text>
          {unit.roles.length > 0 && <Holders holders={unit.roles} />}
        </Stack>
      </Card>
      {children.length > 0 && (
        <Stack gap="xs" component="ul" p={0} m={0}>
          {children.map((c) => (
            <UnitNode key={c.id} unit={c} byParent={byParent} depth={depth + 1} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** The organization chart: units as a tree, organization-wide role holders and the committee. */
export function OrgChartPanel() {
  const { t } = useTranslation();
  const chart = useOrgChart();
  if (chart.isPending) return <LoadingRows />;
  if (chart.isError) return <ErrorState error={chart.error} onRetry={() => void chart.refetch()} />;
  const { units, organizationRoles, committee } = chart.data;
  const ids = new Set(units.map((u) => u.id));
  const byParent = new Map<string | null, Unit[]>();
  for (const u of units) {
    // A unit whose parent is not in the chart is shown at the top rather than lost.
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), u]);
  }
  return (
    <Stack gap="lg">
      <SectionCard id="org-roles" title={t('people.orgChart.organizationRoles')}>
        {organizationRoles.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('people.orgChart.noRoles')}
          </Text>
        ) : (
          <Holders holders={organizationRoles} />
        )}
        <Text fz="sm" fw={500}>
          {t('people.orgChart.committee')}
        </Text>
        {committee.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('people.committee.noMembers')}
          </Text>
        ) : (
          <Group gap={6}>
            {committee.map((m) => (
              <Badge key={m.id} variant="light" color="grape" tt="none">
                {t(`people.position.${m.position}`)}: {m.user.name}
              </Badge>
            ))}
          </Group>
        )}
      </SectionCard>
      <SectionCard id="org-units" title={t('people.orgChart.units')}>
        {units.length === 0 ? (
          <EmptyBlock
            icon={<IconHierarchy2 size={28} aria-hidden="true" />}
            title={t('people.orgChart.noUnits')}
            description={t('people.orgChart.noUnitsHint')}
          />
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} aria-label={t('people.orgChart.units')}>
            {(byParent.get(null) ?? []).map((u) => (
              <UnitNode key={u.id} unit={u} byParent={byParent} depth={0} />
            ))}
          </Stack>
        )}
      </SectionCard>
    </Stack>
  );
}
