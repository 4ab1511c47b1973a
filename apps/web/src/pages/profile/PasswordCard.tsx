import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordChangeSchema } from '@mamoru/contracts';
import { api } from '../../api/client';
import { mySessionsKey } from '../../api/identity';
import { containsPersonal, PasswordRules } from '../../components/PasswordRules';
import { FormError } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toasts';
import {
  serverFieldErrors,
  unplacedErrors,
  validate,
  type FieldErrors,
} from '../../lib/validation';
import { useSignedInSession } from '../../session/useSession';

const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'];

/** Current and new password (POST /me/password); every other session ends. */
export function PasswordCard() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const { info } = useSignedInSession();
  const [values, setValues] = useState({
    currentPassword: '',
    newPassword: '',
    confirmPassword: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});

  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post('/api/v1/me/password', body),
    onSuccess: () => {
      setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
      setErrors({});
      toast.success(t('profile.password.changed'), t('profile.password.changedDetail'));
      void queryClient.invalidateQueries({ queryKey: mySessionsKey });
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { currentPassword: values.currentPassword, newPassword: values.newPassword };
    const found = validate(passwordChangeSchema, body);
    if (!found.newPassword && containsPersonal(body.newPassword, info.user)) {
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
    <SectionCard
      id="profile-password"
      title={t('profile.password.title')}
      description={t('profile.password.description')}
    >
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
          <PasswordRules
            id="profile-password-rules"
            password={values.newPassword}
            email={info.user.email}
            displayName={info.user.displayName}
          />
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
    </SectionCard>
  );
}
