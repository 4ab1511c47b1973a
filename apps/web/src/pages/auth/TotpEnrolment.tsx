import {
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorState, FormError, LoadingBlock } from '../../components/QueryStates';
import { serverFieldErrors } from '../../lib/validation';
import type { FactorAdded, TotpSetup } from './api';

/** The seed in groups of four, easier to type into an app by hand. */
function grouped(secret: string) {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Adds an authenticator app: a QR code (and the key, for typing), then a code
 * from the app to prove it works. The seed is asked for once per mount.
 */
export function TotpEnrolment({ onAdded }: { onAdded: (added: FactorAdded) => void }) {
  const { t } = useTranslation();
  const [label, setLabel] = useState(() => t('authentication.totp.defaultLabel'));
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A query, not an effect, so a re-render or React's double mount asks only once.
  const setup = useQuery({
    queryKey: ['me', 'factors', 'totp-setup'],
    queryFn: () => api.post<TotpSetup>('/api/v1/me/factors/totp'),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const confirm = useMutation({
    mutationFn: (body: { flowId: string; code: string; label: string }) =>
      api.post<FactorAdded>('/api/v1/me/factors/totp/confirm', body),
    onSuccess: onAdded,
    onError: (error) => {
      setErrors(serverFieldErrors(error));
      setCode('');
    },
  });

  if (setup.isPending) return <LoadingBlock label={t('authentication.totp.preparing')} />;
  if (setup.isError)
    return (
      <ErrorState
        error={setup.error}
        onRetry={() => void setup.refetch()}
        retrying={setup.isFetching}
      />
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) found.code = t('authentication.totp.codeInvalid');
    if (!label.trim()) found.label = t('authentication.labelRequired');
    setErrors(found);
    if (Object.keys(found).length === 0)
      confirm.mutate({ flowId: setup.data.flowId, code: digits, label: label.trim() });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('authentication.totp.formLabel')}>
      <Stack gap="md">
        <Text fz="sm">{t('authentication.totp.scan')}</Text>
        <Group align="flex-start" gap="lg" wrap="wrap">
          <Paper withBorder radius="md" p="xs" bg="white">
            <Image
              src={setup.data.qrCode}
              alt={t('authentication.totp.qrAlt')}
              w={176}
              h={176}
              data-testid="totp-qr"
            />
          </Paper>
          <Stack gap={6} style={{ flex: '1 1 200px' }}>
            <Text fz="sm" c="dimmed" id="totp-secret-label">
              {t('authentication.totp.manual')}
            </Text>
            <Code
              data-testid="totp-secret"
              data-secret={setup.data.secret}
              aria-labelledby="totp-secret-label"
              fz="sm"
              translate="no"
              style={{ wordBreak: 'break-all', userSelect: 'all' }}
            >
              {grouped(setup.data.secret)}
            </Code>
            <CopyButton value={setup.data.secret}>
              {({ copied, copy }) => (
                <Button
                  size="xs"
                  variant="default"
                  onClick={copy}
                  w="fit-content"
                  leftSection={
                    copied ? (
                      <IconCheck size={14} aria-hidden="true" />
                    ) : (
                      <IconCopy size={14} aria-hidden="true" />
                    )
                  }
                >
                  {copied ? t('common.copied') : t('authentication.totp.copyKey')}
                </Button>
              )}
            </CopyButton>
          </Stack>
        </Group>
        <FormError error={confirm.error} />
        <TextInput
          label={t('authentication.factorLabel')}
          description={t('authentication.factorLabelHint')}
          value={label}
          onChange={(event) => setLabel(event.currentTarget.value)}
          error={errors.label}
          maxLength={100}
          required
        />
        <TextInput
          label={t('authentication.totp.code')}
          description={t('authentication.totp.codeHint')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          error={errors.code}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
        />
        <Group justify="space-between" gap="sm">
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconRefresh size={16} aria-hidden="true" />}
            onClick={() => {
              confirm.reset();
              void setup.refetch();
            }}
          >
            {t('authentication.totp.newKey')}
          </Button>
          <Button type="submit" loading={confirm.isPending}>
            {t('authentication.totp.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
