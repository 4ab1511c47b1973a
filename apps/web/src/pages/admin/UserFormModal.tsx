import {
  Alert,
  Button,
  Checkbox,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { IconAlertCircle, IconInfoCircle, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { roleSchema, userCreateSchema, userUpdateSchema } from '@mamoru/contracts';
import { api } from '../../api/client';
import { usersKey } from '../../api/identity';
import { ifMatch, type Locale, type RoleName, type User } from '../../api/types';
import { containsPersonal, PasswordRules } from '../../components/PasswordRules';
import { FormActions } from '../../components/FormActions';
import { FormError } from '../../components/QueryStates';
import { isStale, StaleAlert } from '../../components/SaveProblem';
import { useToast } from '../../components/Toasts';
import { currentLocale, isLocale, LOCALES } from '../../i18n';
import { endOfDayIso, toDateInput } from '../../lib/format';
import { useLabels } from '../../lib/labels';
import {
  serverFieldErrors,
  unplacedErrors,
  validate,
  type FieldErrors,
} from '../../lib/validation';
import { useSignedInSession } from '../../session/useSession';
import { UserUnitSelect } from './UserUnit';

const ROLES = roleSchema.options;
const EXTERNAL = 'external_auditor';
const FIELDS = [
  'email',
  'displayName',
  'password',
  'locale',
  'roles',
  'active',
  'accessExpiresAt',
  'orgUnitId',
];

interface FormValues {
  email: string;
  displayName: string;
  password: string;
  locale: Locale;
  roles: RoleName[];
  active: boolean;
  /** YYYY-MM-DD or '' */
  accessExpiresOn: string;
  orgUnitId: string | null;
}

function valuesOf(user: User | null): FormValues {
  return {
    email: user?.email ?? '',
    displayName: user?.displayName ?? '',
    password: '',
    locale: user?.locale ?? currentLocale(),
    roles: user?.roles ?? ['staff'],
    active: user?.active ?? true,
    accessExpiresOn: toDateInput(user?.accessExpiresAt),
    orgUnitId: user?.orgUnitId ?? null,
  };
}

/** The external auditor rule, checked before the server checks it again. */
function externalAuditorErrors(
  values: FormValues,
  t: (key: 'users.form.externalAlone' | 'users.form.externalExpiry') => string,
) {
  const errors: FieldErrors = {};
  if (values.roles.includes(EXTERNAL)) {
    if (values.roles.length > 1) errors.roles = t('users.form.externalAlone');
    if (!values.accessExpiresOn) errors.accessExpiresAt = t('users.form.externalExpiry');
  }
  return errors;
}

/**
 * Creates a user, or edits one (roles, unit, active, name, language, access expiry).
 * Edits send If-Match with the version that was read; a 412 means someone
 * else changed the user meanwhile, and the form offers to reload.
 */
export function UserFormModal({
  user,
  opened,
  onClose,
}: {
  /** The user to edit; null creates a new one. */
  user: User | null;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { info, updateUser } = useSignedInSession();
  const [base, setBase] = useState<User | null>(user);
  const [values, setValues] = useState<FormValues>(() => valuesOf(user));
  const [errors, setErrors] = useState<FieldErrors>({});
  const editing = base !== null;
  const isSelf = base?.id === info.user.id;

  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]) => {
    setValues((old) => ({ ...old, [field]: value }));
    const errorField = field === 'accessExpiresOn' ? 'accessExpiresAt' : field;
    setErrors(({ [errorField]: _, ...rest }) => rest);
  };

  const save = useMutation({
    mutationFn: async (): Promise<User> => {
      const expiry = values.accessExpiresOn ? endOfDayIso(values.accessExpiresOn) : null;
      if (!base) {
        return api.post<User>('/api/v1/users', {
          email: values.email.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
          locale: values.locale,
          roles: values.roles,
          accessExpiresAt: expiry,
          orgUnitId: values.orgUnitId,
        });
      }
      const changes: Record<string, unknown> = {};
      if (values.displayName.trim() !== base.displayName)
        changes.displayName = values.displayName.trim();
      if (values.locale !== base.locale) changes.locale = values.locale;
      if (values.active !== base.active) changes.active = values.active;
      if ([...values.roles].sort().join() !== [...base.roles].sort().join())
        changes.roles = values.roles;
      if (values.accessExpiresOn !== toDateInput(base.accessExpiresAt))
        changes.accessExpiresAt = expiry;
      if (values.orgUnitId !== base.orgUnitId) changes.orgUnitId = values.orgUnitId;
      return api.patch<User>(`/api/v1/users/${base.id}`, changes, {
        headers: ifMatch(base.version),
      });
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      if (saved.id === info.user.id) updateUser(saved);
      toast.success(
        editing ? t('users.form.updated') : t('users.form.created'),
        // Privileged roles wait for a second person: say so rather than show them as granted.
        saved.pendingRoleGrant ? t('users.grantRequested') : saved.displayName,
      );
      onClose();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  const reload = useMutation({
    mutationFn: () => api.get<User>(`/api/v1/users/${base!.id}`),
    onSuccess: (fresh) => {
      setBase(fresh);
      setValues(valuesOf(fresh));
      setErrors({});
      save.reset();
      void queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });

  const stale = isStale(save.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const expiry = values.accessExpiresOn ? endOfDayIso(values.accessExpiresOn) : null;
    const found = editing
      ? validate(userUpdateSchema, {
          displayName: values.displayName.trim(),
          roles: values.roles,
          active: values.active,
          locale: values.locale,
          accessExpiresAt: expiry,
          orgUnitId: values.orgUnitId,
        })
      : validate(userCreateSchema, {
          email: values.email.trim(),
          displayName: values.displayName.trim(),
          password: values.password,
          locale: values.locale,
          roles: values.roles,
          accessExpiresAt: expiry,
          orgUnitId: values.orgUnitId,
        });
    Object.assign(found, { ...externalAuditorErrors(values, t), ...found });
    if (!editing && !found.password && containsPersonal(values.password, values)) {
      found.password = t('passwordRules.personalError');
    }
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  };

  const external = values.roles.includes(EXTERNAL);
  const [tomorrow] = useState(() => toDateInput(new Date(Date.now() + 86_400_000)));

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={
        editing
          ? t('users.form.editTitle', { name: base.displayName })
          : t('users.form.createTitle')
      }
      size="lg"
      radius="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        onSubmit={submit}
        noValidate
        aria-label={
          editing
            ? t('users.form.editTitle', { name: base.displayName })
            : t('users.form.createTitle')
        }
      >
        <Stack gap="md">
          {stale ? (
            <StaleAlert
              icon={<IconAlertCircle size={18} aria-hidden="true" />}
              title={t('users.form.staleTitle')}
            >
              <Stack gap="xs" align="flex-start">
                {t('users.form.staleBody')}
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconRefresh size={14} aria-hidden="true" />}
                  onClick={() => reload.mutate()}
                  loading={reload.isPending}
                >
                  {t('users.form.reload')}
                </Button>
              </Stack>
            </StaleAlert>
          ) : (
            <FormError
              error={save.error ?? reload.error}
              extra={unplacedErrors(save.error, FIELDS)}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('users.fields.displayName')}
              value={values.displayName}
              onChange={(event) => set('displayName', event.currentTarget.value)}
              error={errors.displayName}
              required
              data-autofocus
            />
            <TextInput
              label={t('users.fields.email')}
              type="email"
              value={values.email}
              onChange={(event) => set('email', event.currentTarget.value)}
              error={errors.email}
              required={!editing}
              disabled={editing}
              description={editing ? t('users.form.emailFixed') : undefined}
            />
          </SimpleGrid>
          {!editing && (
            <Stack gap="xs">
              <PasswordInput
                label={t('users.fields.initialPassword')}
                description={t('users.form.initialPasswordHint')}
                value={values.password}
                onChange={(event) => set('password', event.currentTarget.value)}
                error={errors.password}
                aria-invalid={Boolean(errors.password)}
                autoComplete="new-password"
                required
              />
              <PasswordRules
                id="user-password-rules"
                password={values.password}
                email={values.email}
                displayName={values.displayName}
              />
            </Stack>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('users.fields.locale')}
              data={LOCALES.map((value) => ({ value, label: labels.localeLabel(value) }))}
              value={values.locale}
              onChange={(value) => isLocale(value) && set('locale', value)}
              allowDeselect={false}
              error={errors.locale}
            />
            <TextInput
              type="date"
              label={t('users.fields.accessExpiresAt')}
              description={
                external ? t('users.form.expiryRequired') : t('users.form.expiryOptional')
              }
              value={values.accessExpiresOn}
              min={tomorrow}
              onChange={(event) => set('accessExpiresOn', event.currentTarget.value)}
              error={errors.accessExpiresAt}
              required={external}
            />
          </SimpleGrid>
          <UserUnitSelect
            label={t('users.fields.orgUnit')}
            description={t('users.form.orgUnitHint')}
            placeholder={t('users.noUnit')}
            value={values.orgUnitId}
            onChange={(value) => set('orgUnitId', value)}
            error={errors.orgUnitId}
          />
          <Checkbox.Group
            label={t('users.fields.roles')}
            description={t('users.form.rolesHint')}
            value={values.roles}
            onChange={(roles) =>
              set(
                'roles',
                roles.filter((role): role is RoleName =>
                  (ROLES as readonly string[]).includes(role),
                ),
              )
            }
            error={errors.roles}
            required
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={6}>
              {ROLES.map((role) => (
                <Checkbox
                  key={role}
                  value={role}
                  label={labels.roleLabel(role)}
                  description={labels.roleDescription(role)}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          {external && (
            <Alert
              color="blue"
              variant="light"
              icon={<IconInfoCircle size={18} aria-hidden="true" />}
            >
              {t('users.form.externalRule')}
            </Alert>
          )}
          {editing && (
            <Switch
              label={t('users.fields.active')}
              description={isSelf ? t('users.form.activeSelf') : t('users.form.activeHint')}
              checked={values.active}
              onChange={(event) => set('active', event.currentTarget.checked)}
              error={errors.active}
              disabled={isSelf}
            />
          )}
          <FormActions
            onCancel={onClose}
            submitLabel={editing ? t('common.saveChanges') : t('users.form.createSubmit')}
            loading={save.isPending}
            disabled={stale}
            gap="sm"
            mt="xs"
          />
        </Stack>
      </form>
    </Modal>
  );
}
