import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAcknowledgeRole, useMyRoles } from '../../api/training';
import { ErrorState, FormError, LoadingRows } from '../../components/QueryStates';
import { useFormat } from '../../lib/format';
import { useBilingual } from './labels';

/** The ISMS roles I hold, their responsibilities, and my acknowledgement of the current wording. */
export function MyRolesPanel() {
  const { t } = useTranslation();
  const text = useBilingual();
  const format = useFormat();
  const roles = useMyRoles();
  const acknowledge = useAcknowledgeRole();
  if (roles.isPending) return <LoadingRows rows={2} />;
  if (roles.isError) return <ErrorState error={roles.error} onRetry={() => void roles.refetch()} />;
  if (roles.data.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        {t('training.my.noRoles')}
      </Text>
    );
  return (
    <Stack gap="sm">
      <FormError error={acknowledge.error} />
      {roles.data.map(({ assignment, role }) => {
        const done = assignment.acknowledgedAt !== null && !assignment.acknowledgementStale;
        return (
          <Card key={assignment.id} withBorder radius="md" padding="md">
            <Stack gap="xs">
              <Group justify="space-between">
                <Group gap="xs">
                  <Title order={3} fz="md">
                    {text(role.name, role.nameEn)}
                  </Title>
                  {assignment.unit && <Badge variant="light">{assignment.unit.name}</Badge>}
                  <Badge variant="outline" color="gray">
                    {t(`training.my.assignmentKind.${assignment.kind}`)}
                  </Badge>
                </Group>
                {done ? (
                  <Badge color="green" variant="light" leftSection={<IconCheck size={12} />}>
                    {t('training.my.acknowledgedOn', {
                      date: format.date(assignment.acknowledgedAt),
                    })}
                  </Badge>
                ) : (
                  <Button
                    size="xs"
                    loading={acknowledge.isPending && acknowledge.variables?.id === assignment.id}
                    onClick={() => acknowledge.mutate(assignment)}
                  >
                    {t('training.my.acknowledge')}
                  </Button>
                )}
              </Group>
              {assignment.acknowledgementStale && (
                <Alert color="orange" variant="light" p="xs">
                  {t('training.my.staleAcknowledgement')}
                </Alert>
              )}
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {text(role.responsibilities, role.responsibilitiesEn)}
              </Text>
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
