import {
  Alert,
  Button,
  Checkbox,
  Chip,
  Code,
  CopyButton,
  Group,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiTokenCreateSchema } from '@mamoru/contracts';
import { api } from '../../api/client';
import { tokensKey, useRoleMatrix } from '../../api/identity';
import type { ApiTokenCreated } from '../../api/types';
import { FormError } from '../../components/QueryStates';
import { useLabels } from '../../lib/labels';
import {
  serverFieldErrors,
  unplacedErrors,
  validate,
  type FieldErrors,
} from '../../lib/validation';
import { useSignedInSession } from '../../session/useSession';

const EXPIRY_PRESETS = [30, 90, 180, 365];
const FIELDS = ['name', 'permissions', 'expiresInDays'];

/** The secret of a new token, shown once with a copy button and a warning. */
export function TokenSecret({ token, onDone }: { token: ApiTokenCreated; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert
        color="yellow"
        variant="light"
        icon={<IconAlertTriangle size={18} aria-hidden="true" />}
        title={t('profile.tokens.secretWarningTitle')}
      >
        {t('profile.tokens.secretWarning')}
      </Alert>
      <Stack gap={6}>
        <Text fz="sm" fw={500} id="token-secret-label">
          {t('profile.tokens.secretLabel', { name: token.name })}
        </Text>
        <Paper withBorder radius="md" p="sm" bg="gray.0">
          <Group gap="sm" wrap="nowrap" justify="space-between">
            <Code
              data-testid="token-secret"
              aria-labelledby="token-secret-label"
              fz="sm"
              bg="transparent"
              style={{ wordBreak: 'break-all', userSelect: 'all' }}
            >
              {token.token}
            </Code>
            <CopyButton value={token.token}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant={copied ? 'filled' : 'default'}
                  color={copied ? 'teal' : undefined}
                  onClick={copy}
                  leftSection={
                    copied ? (
                      <IconCheck size={14} aria-hidden="true" />
                    ) : (
                      <IconCopy size={14} aria-hidden="true" />
                    )
                  }
                  style={{ flex: 'none' }}
                >
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Paper>
      </Stack>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('profile.tokens.secretDone')}</Button>
      </Group>
    </Stack>
  );
}

/** Name, a subset of the user's own permissions and a lifetime; then the secret, once. */
export function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const { info } = useSignedInSession();
  const matrix = useRoleMatrix();
  const held = Object.keys(info.permissions);
  const order = matrix.data?.permissions ?? [...held].sort();
  const available = order.filter((permission) => held.includes(permission));

  const [name, setName] = useState('');
  const [permissions, setPermissions] = useState<string[]>([]);
  const [days, setDays] = useState<number | string>(90);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);

  const create = useMutation({
    mutationFn: (body: { name: string; permissions: string[]; expiresInDays: number }) =>
      api.post<ApiTokenCreated>('/api/v1/tokens', body),
    onSuccess: (token) => {
      setCreated(token);
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  const close = () => {
    setName('');
    setPermissions([]);
    setDays(90);
    setErrors({});
    setCreated(null);
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { name: name.trim(), permissions, expiresInDays: Number(days) };
    const found = validate(apiTokenCreateSchema, body);
    setErrors(found);
    if (Object.keys(found).length === 0) create.mutate(body);
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? t('profile.tokens.createdTitle') : t('profile.tokens.createTitle')}
      size="lg"
      radius="lg"
      centered
      closeOnClickOutside={!created}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {created ? (
        <TokenSecret token={created} onDone={close} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormError error={create.error} extra={unplacedErrors(create.error, FIELDS)} />
            <TextInput
              label={t('profile.tokens.name')}
              description={t('profile.tokens.nameHint')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              required
              data-autofocus
            />
            <Checkbox.Group
              label={t('profile.tokens.permissions')}
              description={t('profile.tokens.permissionsHint')}
              value={permissions}
              onChange={setPermissions}
              error={errors.permissions}
              required
            >
              <Group justify="flex-end" mt={-22} mb={6}>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() =>
                    setPermissions(permissions.length === available.length ? [] : available)
                  }
                >
                  {permissions.length === available.length
                    ? t('profile.tokens.selectNone')
                    : t('profile.tokens.selectAll')}
                </Button>
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing="xs">
                {available.map((permission) => (
                  <Checkbox
                    key={permission}
                    value={permission}
                    label={labels.permissionLabel(permission)}
                    description={permission}
                  />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            <Stack gap={6}>
              <NumberInput
                label={t('profile.tokens.expiresInDays')}
                description={t('profile.tokens.expiresInDaysHint')}
                value={days}
                onChange={setDays}
                min={1}
                max={366}
                allowDecimal={false}
                error={errors.expiresInDays}
                required
                maw={220}
              />
              <Chip.Group value={String(days)} onChange={(value) => setDays(Number(value))}>
                <Group gap={6} aria-label={t('profile.tokens.presets')} role="group">
                  {EXPIRY_PRESETS.map((preset) => (
                    <Chip key={preset} value={String(preset)} size="xs" variant="outline">
                      {t('profile.tokens.days', { count: preset })}
                    </Chip>
                  ))}
                </Group>
              </Chip.Group>
            </Stack>
            <Group justify="flex-end" gap="sm" mt="xs">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={create.isPending}
                leftSection={<IconKey size={16} aria-hidden="true" />}
              >
                {t('profile.tokens.createSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
