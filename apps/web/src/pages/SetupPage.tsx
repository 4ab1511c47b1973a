import { Button, Divider, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconRocket } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/types';
import { AuthLayout } from '../components/AuthLayout';
import { containsPersonal, PasswordRules } from '../components/PasswordRules';
import { FormError } from '../components/QueryStates';
import { currentLocale, isLocale, LOCALES } from '../i18n';
import { localeLabel } from '../lib/labels';
import { serverFieldErrors, unplacedErrors, validate, type FieldErrors } from '../lib/validation';
import { useSession } from '../session/useSession';

const FIELDS = ['organizationName', 'displayName', 'email', 'password', 'locale'] as const;

/** First run: the organization and its first administrator; ends signed in. */
export function SetupPage() {
  const { t } = useTranslation();
  const { completeSetup } = useSession();
  const [values, setValues] = useState({
    organizationName: '',
    displayName: '',
    email: '',
    password: '',
    locale: currentLocale() as Locale,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const set = (field: keyof typeof values) => (value: string) => {
    setValues((old) => ({ ...old, [field]: value }));
    setErrors(({ [field]: _, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { ...values, email: values.email.trim() };
    const found = validate((await import('./entry-schemas')).setupRequestSchema, input);
    if (!found.password && containsPersonal(input.password, input)) {
      found.password = t('passwordRules.personalError');
    }
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return;
    setPending(true);
    try {
      await completeSetup(input);
    } catch (error) {
      setFailure(error);
      setErrors(serverFieldErrors(error));
      setPending(false);
    }
  };

  return (
    <AuthLayout title={t('setup.title')} description={t('setup.description')} width={540}>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t('setup.title')}>
        <Stack gap="md">
          <FormError error={failure} extra={unplacedErrors(failure, FIELDS)} />
          <Divider label={t('setup.organizationSection')} labelPosition="left" />
          <TextInput
            label={t('setup.fields.organizationName')}
            description={t('setup.fields.organizationNameHint')}
            value={values.organizationName}
            onChange={(event) => set('organizationName')(event.currentTarget.value)}
            error={errors.organizationName}
            autoComplete="organization"
            required
            autoFocus
          />
          <Select
            label={t('setup.fields.locale')}
            description={t('setup.fields.localeHint')}
            data={LOCALES.map((locale) => ({ value: locale, label: localeLabel(locale) }))}
            value={values.locale}
            onChange={(value) => isLocale(value) && set('locale')(value)}
            allowDeselect={false}
            error={errors.locale}
          />
          <Divider label={t('setup.adminSection')} labelPosition="left" mt="xs" />
          <TextInput
            label={t('setup.fields.displayName')}
            value={values.displayName}
            onChange={(event) => set('displayName')(event.currentTarget.value)}
            error={errors.displayName}
            autoComplete="name"
            required
          />
          <TextInput
            label={t('auth.fields.email')}
            type="email"
            value={values.email}
            onChange={(event) => set('email')(event.currentTarget.value)}
            error={errors.email}
            autoComplete="email"
            required
          />
          <PasswordInput
            label={t('auth.fields.password')}
            value={values.password}
            onChange={(event) => set('password')(event.currentTarget.value)}
            error={errors.password}
            autoComplete="new-password"
            aria-invalid={Boolean(errors.password)}
            required
          />
          <PasswordRules
            id="setup-password-rules"
            password={values.password}
            email={values.email}
            displayName={values.displayName}
            organizationName={values.organizationName}
          />
          <Text fz="xs" c="dimmed">
            {t('setup.adminNote')}
          </Text>
          <Button
            type="submit"
            size="md"
            fullWidth
            loading={pending}
            leftSection={<IconRocket size={18} aria-hidden="true" />}
          >
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
