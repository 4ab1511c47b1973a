import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordChangeSchema } from '@mamoru/contracts';
import { api } from '../api/client';
import { serverFieldErrors, unplacedErrors, validate, type FieldErrors } from '../lib/validation';
import { useSignedInSession } from '../session/useSession';
import { containsPersonal, PasswordRules } from './PasswordRules';
import { FormError } from './QueryStates';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'];
const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

/**
 * Current, new and repeated password (POST /me/password), with the rules
 * ticked off while typing; used on the profile page and on the forced change
 * after an administrator set the password.
 */
export function PasswordChangeForm({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { info } = useSignedInSession();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const context = {
    email: info.user.email,
    displayName: info.user.displayName,
    organizationName: info.organization.name,
  };

  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post('/api/v1/me/password', body),
    onSuccess: () => {
      setValues(EMPTY);
      setErrors({});
      onChanged();
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { currentPassword: values.currentPassword, newPassword: values.newPassword };
    const found = validate(passwordChangeSchema, body);
    if (!found.newPassword && containsPersonal(body.newPassword, context)) {
      found.newPassword = t('passwordRules.personalError');
    }
    if (!found.newPassword && values.confirmPassword !== values.newPassword) {
      found.confirmPassword = t('profile.password.mismatch');
    }
    setErrors(found);
    if (Object.keys(found).length === 0) change.mutate(body);
  };

  const field = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const value = event.currentTarget.value;
      setValues((old) => ({ ...old, [name]: value }));
      setErrors(({ [name]: _, ...rest }) => rest);
    },
    error: errors[name],
    // PasswordInput does not mark its inner input itself.
    'aria-invalid': Boolean(errors[name]),
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={change.error} extra={unplacedErrors(change.error, FIELDS)} />
        <PasswordInput
          label={t('profile.password.current')}
          autoComplete="current-password"
          required
          {...field('currentPassword')}
        />
        <PasswordInput
          label={t('profile.password.new')}
          autoComplete="new-password"
          required
          {...field('newPassword')}
        />
        <PasswordInput
          label={t('profile.password.confirm')}
          autoComplete="new-password"
          required
          {...field('confirmPassword')}
        />
        <PasswordRules id={`${id}-rules`} password={values.newPassword} {...context} />
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={change.isPending}
            leftSection={<IconKey size={16} aria-hidden="true" />}
          >
            {t('profile.password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
