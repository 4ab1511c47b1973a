import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconFingerprint } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FactorAdded } from './api';
import { passkeyErrorText, registerPasskey } from './webauthn';

/** Adds a passkey: a name for it, then the browser's own prompt (device, security key). */
export function PasskeyEnrolment({ onAdded }: { onAdded: (added: FactorAdded) => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(() => t('authentication.passkey.defaultLabel'));
  const [labelError, setLabelError] = useState<string | undefined>();
  const create = useMutation({ mutationFn: registerPasskey, onSuccess: onAdded });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) {
      setLabelError(t('authentication.labelRequired'));
      return;
    }
    setLabelError(undefined);
    create.mutate(label.trim());
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('authentication.passkey.formLabel')}>
      <Stack gap="md">
        <Text fz="sm">{t('authentication.passkey.explain')}</Text>
        {create.error && (
          <Alert
            color="red"
            variant="light"
            role="alert"
            icon={<IconAlertCircle size={18} aria-hidden="true" />}
            title={passkeyErrorText(t, create.error)}
          />
        )}
        <TextInput
          label={t('authentication.factorLabel')}
          description={t('authentication.passkey.labelHint')}
          value={label}
          onChange={(event) => setLabel(event.currentTarget.value)}
          error={labelError}
          maxLength={100}
          required
        />
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={create.isPending}
            leftSection={<IconFingerprint size={18} aria-hidden="true" />}
          >
            {t('authentication.passkey.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
