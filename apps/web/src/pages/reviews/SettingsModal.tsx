import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveProblem } from '../../components/SaveProblem';
import { problemFields } from '../../lib/problemFields';
import { useSaveSettings, type ReviewSettings } from './api';

/** The months between reviews (1–12: the criteria ask for at least one a year). */
export function SettingsModal({
  settings,
  onClose,
}: {
  settings: ReviewSettings;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  const [months, setMonths] = useState<number | string>(settings.intervalMonths);
  const problem = problemFields(save.error, { intervalMonths: t('reviews.settings.interval') });
  const valid = typeof months === 'number' && months >= 1 && months <= 12;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    save.mutate({ settings, intervalMonths: months }, { onSuccess: onClose });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('reviews.settings.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SaveProblem
            error={save.error}
            staleTitle={t('reviews.stale.title')}
            staleBody={t('reviews.stale.body')}
            fields={problem}
          />
          <Text size="sm" c="dimmed">
            {t('reviews.settings.help')}
          </Text>
          <NumberInput
            label={t('reviews.settings.interval')}
            min={1}
            max={12}
            value={months}
            onChange={setMonths}
            error={
              (!valid ? t('reviews.settings.range') : undefined) ?? problem.error('intervalMonths')
            }
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!valid}>
              {t('reviews.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
