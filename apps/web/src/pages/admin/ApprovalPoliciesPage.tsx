import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  ThemeIcon,
  VisuallyHidden,
} from '@mantine/core';
import { IconDeviceFloppy, IconGavel, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useRoleMatrix } from '../../api/identity';
import type { ApprovalPolicy, RoleName } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorState, FormError, LoadingRows } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { useLabels } from '../../lib/labels';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useSession } from '../../session/useSession';

const policiesKey = ['approval-policies'] as const;

function PolicyRow({
  policy,
  approverRoles,
  editable,
}: {
  policy: ApprovalPolicy;
  approverRoles: string[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<string>(policy.approverRole);
  const [segregate, setSegregate] = useState(policy.segregateAuthor);
  const dirty = role !== policy.approverRole || segregate !== policy.segregateAuthor;
  const typeLabel = labels.approvalTypeLabel(policy.approvalType);

  const save = useMutation({
    mutationFn: () =>
      api.put<ApprovalPolicy>(
        `/api/v1/approval-policies/${encodeURIComponent(policy.approvalType)}`,
        {
          approverRole: role as RoleName,
          segregateAuthor: segregate,
        },
      ),
    onSuccess: () => {
      // A change waits for top management's approval before it applies.
      toast.success(t('approvalPolicies.requested'), typeLabel);
      void queryClient.invalidateQueries({ queryKey: policiesKey });
    },
  });

  const options = [...new Set([...approverRoles, policy.approverRole])];
  // Errors show at the row's select and switch; any other is listed, never as a raw path.
  const problem = problemFields(
    save.error,
    {
      approverRole: t('approvalPolicies.columns.approver'),
      segregateAuthor: t('approvalPolicies.columns.segregation'),
    },
    ['approverRole', 'segregateAuthor'],
  );

  return (
    <>
      <Table.Tr>
        <Table.Th scope="row" fw={400}>
          <Stack gap={0}>
            <Text fz="sm" fw={600}>
              {typeLabel}
            </Text>
            <Text fz="xs" c="dimmed" ff="monospace" translate="no">
              {policy.approvalType}
            </Text>
            {policy.pendingChange && (
              <Badge variant="light" color="yellow" tt="none" mt={4} miw="max-content">
                {t('approvalPolicies.pending', {
                  role: labels.roleLabel(policy.pendingChange.approverRole),
                  segregation: policy.pendingChange.segregateAuthor
                    ? t('common.on')
                    : t('common.off'),
                })}
              </Badge>
            )}
          </Stack>
        </Table.Th>
        <Table.Td>
          {editable ? (
            <Select
              aria-label={t('approvalPolicies.approverFor', { type: typeLabel })}
              data={options.map((value) => ({ value, label: labels.roleLabel(value) }))}
              value={role}
              onChange={(value) => value && setRole(value)}
              allowDeselect={false}
              error={problem.error('approverRole')}
              w={220}
              size="sm"
            />
          ) : (
            <Badge variant="light" color="indigo" tt="none" radius="sm">
              {labels.roleLabel(policy.approverRole)}
            </Badge>
          )}
        </Table.Td>
        <Table.Td>
          {editable ? (
            <Switch
              aria-label={t('approvalPolicies.segregationFor', { type: typeLabel })}
              checked={segregate}
              onChange={(event) => setSegregate(event.currentTarget.checked)}
              onLabel={t('common.on')}
              offLabel={t('common.off')}
              error={problem.error('segregateAuthor')}
              size="md"
            />
          ) : (
            <Badge variant="light" color={policy.segregateAuthor ? 'teal' : 'gray'} tt="none">
              {policy.segregateAuthor ? t('common.on') : t('common.off')}
            </Badge>
          )}
        </Table.Td>
        {editable && (
          <Table.Td ta="right">
            <Group gap="xs" justify="flex-end" wrap="nowrap" mih={30}>
              {(dirty || save.isPending) && (
                <>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="gray"
                    onClick={() => {
                      setRole(policy.approverRole);
                      setSegregate(policy.segregateAuthor);
                      save.reset();
                    }}
                  >
                    {t('common.undo')}
                  </Button>
                  <Button
                    size="xs"
                    loading={save.isPending}
                    onClick={() => save.mutate()}
                    leftSection={<IconDeviceFloppy size={14} aria-hidden="true" />}
                    aria-label={t('approvalPolicies.saveFor', { type: typeLabel })}
                  >
                    {t('common.save')}
                  </Button>
                </>
              )}
            </Group>
          </Table.Td>
        )}
      </Table.Tr>
      {save.isError && (
        <Table.Tr>
          <Table.Td colSpan={editable ? 4 : 3}>
            <FormError error={save.error} extra={problem.unplaced.map(unplacedText)} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** Who signs off each kind of object, and whether its author may not approve it. */
export function ApprovalPoliciesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const editable = can('approvals:configure');
  const matrix = useRoleMatrix();
  const policies = useQuery({
    queryKey: policiesKey,
    queryFn: ({ signal }) =>
      api.get<{ items: ApprovalPolicy[] }>('/api/v1/approval-policies', { signal }),
  });
  const approverRoles = matrix.data
    ? matrix.data.roles.filter((role) => matrix.data.grants[role]?.['approvals:decide'])
    : [];

  return (
    <Stack gap="xl" maw={1100}>
      <PageHeader
        title={t('approvalPolicies.title')}
        eyebrow={t('nav.administration')}
        description={t('approvalPolicies.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="indigo">
            <IconGavel size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
      />
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden="true" />}>
        {editable ? t('approvalPolicies.segregationHelp') : t('approvalPolicies.readOnly')}
      </Alert>
      <Card withBorder radius="lg" padding={0} shadow="xs">
        {policies.isPending ? (
          <Stack p="md">
            <LoadingRows rows={6} />
          </Stack>
        ) : policies.isError ? (
          <Stack p="md">
            <ErrorState
              error={policies.error}
              onRetry={() => void policies.refetch()}
              retrying={policies.isFetching}
            />
          </Stack>
        ) : policies.data.items.length === 0 ? (
          <EmptyBlock
            icon={<IconGavel size={28} stroke={1.5} aria-hidden="true" />}
            title={t('approvalPolicies.empty')}
          />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table
              verticalSpacing="sm"
              horizontalSpacing="md"
              aria-label={t('approvalPolicies.title')}
            >
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t('approvalPolicies.columns.type')}</Table.Th>
                  <Table.Th>{t('approvalPolicies.columns.approver')}</Table.Th>
                  <Table.Th>{t('approvalPolicies.columns.segregation')}</Table.Th>
                  {editable && (
                    <Table.Th>
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {policies.data.items.map((policy) => (
                  <PolicyRow
                    key={`${policy.approvalType}:${policy.approverRole}:${policy.segregateAuthor}`}
                    policy={policy}
                    approverRoles={approverRoles}
                    editable={editable}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
