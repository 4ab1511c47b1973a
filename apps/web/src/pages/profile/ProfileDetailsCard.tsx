import { Badge, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { profileUpdateSchema } from '@mamoru/contracts';
import { api } from '../../api/client';
import type { Locale, User } from '../../api/types';
import { FormError } from '../../components/QueryStates';
import { SectionCard } from '../../components/SectionCard';
import { useToast } from '../../components/Toasts';
import { isLocale, LOCALES } from '../../i18n';
import { useLabels } from '../../lib/labels';
import {
  serverFieldErrors,
  unplacedErrors,
  validate,
  type FieldErrors,
} from '../../lib/validation';
import { useSignedInSession } from '../../session/useSession';

/** Display name and language (PATCH /me); email and roles are shown, set by an administrator. */
export function ProfileDetailsCard() {
  const { t } = useTranslation();
  const toast = useToast();
  const labels = useLabels();
  const { info, updateUser } = useSignedInSession();
  const { user } = info;
  const [displayName, setDisplayName] = useState(user.displayName);
  const [locale, setLocaleValue] = useState<Locale>(user.locale);
  const [errors, setErrors] = useState<FieldErrors>({});

  const save = useMutation({
    mutationFn: (body: { displayName: string; locale: Locale }) =>
      api.patch<User>('/api/v1/me', body),
    onSuccess: (saved) => {
      updateUser(saved);
      setDisplayName(saved.displayName);
      setLocaleValue(saved.locale);
      toast.success(t('profile.details.saved'));
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { displayName: displayName.trim(), locale };
    const found = validate(profileUpdateSchema, body);
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate(body);
  };

  const dirty = displayName.trim() !== user.displayName || locale !== user.locale;

  return (
    <SectionCard
      id="profile-details"
      title={t('profile.details.title')}
      description={t('profile.details.description')}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError
            error={save.error}
            extra={unplacedErrors(save.error, ['displayName', 'locale'])}
          />
          <TextInput
            label={t('profile.details.displayName')}
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            error={errors.displayName}
            autoComplete="name"
            required
          />
          <Select
            label={t('profile.details.language')}
            description={t('profile.details.languageHint')}
            data={LOCALES.map((value) => ({ value, label: labels.localeLabel(value) }))}
            value={locale}
            onChange={(value) => isLocale(value) && setLocaleValue(value)}
            allowDeselect={false}
            error={errors.locale}
          />
          <Stack gap={4}>
            <Text fz="sm" fw={500}>
              {t('profile.details.email')}
            </Text>
            <Text fz="sm" c="dimmed">
              {user.email}
            </Text>
          </Stack>
          <Stack gap={6}>
            <Text fz="sm" fw={500}>
              {t('profile.details.roles')}
            </Text>
            <Group gap={6}>
              {user.roles.map((role) => (
                <Badge key={role} variant="light" color="indigo" radius="sm">
                  {labels.roleLabel(role)}
                </Badge>
              ))}
            </Group>
            <Text fz="xs" c="dimmed">
              {t('profile.details.rolesHint')}
            </Text>
          </Stack>
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={save.isPending}
              disabled={!dirty}
              leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
