import {
  Alert,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../lib/download';

/**
 * Recovery codes, shown once: copy, download as text, and a check that they
 * are kept somewhere safe before the person moves on.
 */
export function RecoveryCodes({
  codes,
  account,
  doneLabel,
  onDone,
}: {
  codes: string[];
  /** Who the codes belong to, written at the top of the downloaded file. */
  account: string;
  doneLabel: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  const text = codes.join('\n');
  const download = () => {
    const header = t('authentication.recovery.fileHeader', {
      account,
      date: new Date().toISOString().slice(0, 10),
    });
    saveBlob(
      new Blob([`${header}\n\n${text}\n`], { type: 'text/plain;charset=utf-8' }),
      'mamoru-recovery-codes.txt',
    );
  };
  return (
    <Stack gap="md">
      <Alert
        color="yellow"
        variant="light"
        icon={<IconAlertTriangle size={18} aria-hidden="true" />}
        title={t('authentication.recovery.onceTitle')}
      >
        {t('authentication.recovery.onceBody')}
      </Alert>
      <Paper withBorder radius="md" p="md" bg="gray.0">
        <SimpleGrid
          cols={2}
          spacing="xs"
          component="ol"
          data-testid="recovery-codes"
          aria-label={t('authentication.recovery.listLabel')}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {codes.map((code) => (
            <li key={code}>
              <Code fz="md" bg="transparent" translate="no" style={{ userSelect: 'all' }}>
                {code}
              </Code>
            </li>
          ))}
        </SimpleGrid>
      </Paper>
      <Group gap="sm">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'filled' : 'default'}
              color={copied ? 'teal' : undefined}
              onClick={copy}
              leftSection={
                copied ? (
                  <IconCheck size={16} aria-hidden="true" />
                ) : (
                  <IconCopy size={16} aria-hidden="true" />
                )
              }
            >
              {copied ? t('common.copied') : t('authentication.recovery.copy')}
            </Button>
          )}
        </CopyButton>
        <Button
          variant="default"
          onClick={download}
          leftSection={<IconDownload size={16} aria-hidden="true" />}
        >
          {t('authentication.recovery.download')}
        </Button>
      </Group>
      <Checkbox
        label={t('authentication.recovery.saved')}
        checked={saved}
        onChange={(event) => setSaved(event.currentTarget.checked)}
      />
      <Group justify="flex-end">
        <Button disabled={!saved} onClick={onDone}>
          {doneLabel}
        </Button>
      </Group>
    </Stack>
  );
}
