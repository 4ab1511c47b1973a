import {
  Badge,
  Card,
  Group,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoleMatrix } from '../../api/identity';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingRows } from '../../components/QueryStates';
import { useLabels } from '../../lib/labels';

function ReachBadge({ reach }: { reach: 'all' | 'own' | undefined }) {
  const { t } = useTranslation();
  if (!reach) {
    return (
      <Text c="gray.5" fz="sm" component="span">
        <span aria-hidden="true">—</span>
        <VisuallyHidden>{t('roles.reach.none')}</VisuallyHidden>
      </Text>
    );
  }
  return (
    <Badge
      size="sm"
      radius="sm"
      variant={reach === 'all' ? 'light' : 'outline'}
      color={reach === 'all' ? 'indigo' : 'teal.9'}
      tt="none"
      fw={600}
      miw={56}
    >
      {t(`roles.reach.${reach}`)}
    </Badge>
  );
}

/** The permission matrix: which role may do what, and over all objects or only its own. */
export function RolesPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const matrix = useRoleMatrix();

  const groups = new Map<string, string[]>();
  for (const permission of matrix.data?.permissions ?? []) {
    const resource = permission.split(':')[0] ?? permission;
    groups.set(resource, [...(groups.get(resource) ?? []), permission]);
  }
  const roles = matrix.data?.roles ?? [];

  return (
    <Stack gap="xl" maw={1400}>
      <PageHeader
        title={t('roles.title')}
        eyebrow={t('nav.administration')}
        description={t('roles.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="indigo">
            <IconShieldCheck size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
      />
      <Group gap="lg">
        <Group gap={8}>
          <ReachBadge reach="all" />
          <Text fz="sm" c="dimmed">
            {t('roles.legend.all')}
          </Text>
        </Group>
        <Group gap={8}>
          <ReachBadge reach="own" />
          <Text fz="sm" c="dimmed">
            {t('roles.legend.own')}
          </Text>
        </Group>
      </Group>
      <Card withBorder radius="lg" padding={0} shadow="xs">
        {matrix.isPending ? (
          <Stack p="md">
            <LoadingRows rows={8} />
          </Stack>
        ) : matrix.isError ? (
          <Stack p="md">
            <ErrorState
              error={matrix.error}
              onRetry={() => void matrix.refetch()}
              retrying={matrix.isFetching}
            />
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={1000}>
            <Table
              verticalSpacing="xs"
              horizontalSpacing="md"
              withColumnBorders
              highlightOnHover
              stickyHeader
              aria-label={t('roles.matrixLabel')}
            >
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th miw={240}>{t('roles.permission')}</Table.Th>
                  {roles.map((role) => (
                    <Table.Th key={role} ta="center" miw={110}>
                      <Tooltip label={labels.roleDescription(role)} multiline w={260} withArrow>
                        <Text fz="sm" fw={700} tabIndex={0} style={{ cursor: 'help' }}>
                          {labels.roleLabel(role)}
                        </Text>
                      </Tooltip>
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...groups].map(([resource, permissions]) => (
                  <Fragment key={resource}>
                    <Table.Tr bg="gray.0">
                      <Table.Th
                        colSpan={roles.length + 1}
                        scope="colgroup"
                        fz="xs"
                        c="gray.7"
                        tt="uppercase"
                        lts={0.4}
                      >
                        {labels.permissionGroupLabel(`${resource}:`)}
                      </Table.Th>
                    </Table.Tr>
                    {permissions.map((permission) => (
                      <Table.Tr key={permission}>
                        <Table.Th scope="row" fw={400}>
                          <Stack gap={0}>
                            <Text fz="sm" fw={500}>
                              {labels.permissionLabel(permission)}
                            </Text>
                            <Text fz="xs" c="dimmed" ff="monospace" translate="no">
                              {permission}
                            </Text>
                          </Stack>
                        </Table.Th>
                        {roles.map((role) => (
                          <Table.Td key={role} ta="center">
                            <ReachBadge reach={matrix.data.grants[role]?.[permission]} />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Fragment>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
