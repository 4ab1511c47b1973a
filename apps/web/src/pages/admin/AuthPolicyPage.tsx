import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  ThemeIcon,
} from '@mantine/core';
import { IconDeviceFloppy, IconInfoCircle, IconShieldLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roleSchema } from '@mamoru/contracts';
import { api } from '../../api/client';
import { ifMatch, type RoleName } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, FormError, LoadingRows } from '../../components/QueryStates';
import { useToast } from '../../components/Toasts';
import { useLabels } from '../../lib/labels';
import { problemFields, unplacedText } from '../../lib/problemFields';
import { useSession } from '../../session/useSession';
import { authPolicyKey, useAuthPolicy, type AuthPolicy } from '../auth/api';

type Values = Pick<AuthPolicy, 'mfaRequired' | 'mfaRoles' | 'stepUpMinutes'>;

function PolicyForm({ policy, editable }: { policy: AuthPolicy; editable: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [mfaRequired, setMfaRequired] = useState(policy.mfaRequired);
  const [mfaRoles, setMfaRoles] = useState<string[]>(policy.mfaRoles);
  const [minutes, setMinutes] = useState<number | string>(policy.stepUpMinutes);
  const [local, setLocal] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: (body: Values) =>
      api.put<AuthPolicy>('/api/v1/admin/auth-policy', body, { headers: ifMatch(policy.version) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(authPolicyKey, saved);
      toast.success(t('authentication.policy.saved'));
    },
  });
  const problem = problemFields(
    save.error,
    {
      mfaRequired: t('authentication.policy.mfaRequired'),
      mfaRoles: t('authentication.policy.roles'),
      stepUpMinutes: t('authentication.policy.stepUpMinutes'),
    },
    ['mfaRequired', 'mfaRoles', 'stepUpMinutes'],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const value = Number(minutes);
    if (!Number.isInteger(value) || value < 1 || value > 120)
      found.stepUpMinutes = t('authentication.policy.minutesRange');
    if (mfaRequired === 'roles' && mfaRoles.length === 0)
      found.mfaRoles = t('authentication.policy.rolesRequired');
    setLocal(found);
    if (Object.keys(found).length) return;
    save.mutate({
      mfaRequired,
      mfaRoles: (mfaRequired === 'roles' ? mfaRoles : []) as RoleName[],
      stepUpMinutes: value,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('authentication.policy.title')}>
      <Stack gap="lg" p="lg">
        <FormError error={save.error} extra={problem.unplaced.map(unplacedText)} />
        <Radio.Group
          label={t('authentication.policy.mfaRequired')}
          description={t('authentication.policy.mfaRequiredHint')}
          value={mfaRequired}
          onChange={(value) => setMfaRequired(value as AuthPolicy['mfaRequired'])}
          error={problem.error('mfaRequired')}
        >
          <Stack gap="xs" mt="xs">
            {(['off', 'roles', 'all'] as const).map((option) => (
              <Radio
                key={option}
                value={option}
                label={t(`authentication.policy.options.${option}`)}
                description={t(`authentication.policy.optionHints.${option}`)}
                disabled={!editable}
              />
            ))}
          </Stack>
        </Radio.Group>
        {mfaRequired === 'roles' && (
          <Checkbox.Group
            label={t('authentication.policy.roles')}
            description={t('authentication.policy.rolesHint')}
            value={mfaRoles}
            onChange={setMfaRoles}
            error={local.mfaRoles ?? problem.error('mfaRoles')}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
              {roleSchema.options.map((role) => (
                <Checkbox
                  key={role}
                  value={role}
                  label={labels.roleLabel(role)}
                  disabled={!editable}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
        )}
        <NumberInput
          label={t('authentication.policy.stepUpMinutes')}
          description={t('authentication.policy.stepUpHint')}
          value={minutes}
          onChange={setMinutes}
          min={1}
          max={120}
          allowDecimal={false}
          error={local.stepUpMinutes ?? problem.error('stepUpMinutes')}
          disabled={!editable}
          maw={240}
          required
        />
        {editable && (
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={save.isPending}
              leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
            >
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** The organization's sign-in policy: who needs a second factor, how long a step-up lasts. */
export function AuthPolicyPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const editable = can('organization:manage');
  const policy = useAuthPolicy();

  return (
    <Stack gap="xl" maw={900}>
      <PageHeader
        title={t('authentication.policy.title')}
        eyebrow={t('nav.administration')}
        description={t('authentication.policy.description')}
        icon={
          <ThemeIcon size={52} radius="md" variant="light" color="indigo">
            <IconShieldLock size={28} stroke={1.6} aria-hidden="true" />
          </ThemeIcon>
        }
      />
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} aria-hidden="true" />}>
        {editable ? t('authentication.policy.help') : t('authentication.policy.readOnly')}
      </Alert>
      <Card withBorder radius="lg" padding={0} shadow="xs">
        {policy.isPending ? (
          <Stack p="md">
            <LoadingRows rows={4} />
          </Stack>
        ) : policy.isError ? (
          <Stack p="md">
            <ErrorState
              error={policy.error}
              onRetry={() => void policy.refetch()}
              retrying={policy.isFetching}
            />
          </Stack>
        ) : (
          // A new version (saved here or elsewhere) starts the form from what the server holds.
          <PolicyForm key={policy.data.version} policy={policy.data} editable={editable} />
        )}
      </Card>
    </Stack>
  );
}
