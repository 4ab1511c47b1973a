import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/QueryStates';
import { isStale, StaleAlert } from '../../components/SaveProblem';
import { useToast } from '../../components/Toasts';
import { useSaveSettings, type ResourceSettings } from './api';
import { useResourcesT } from './format';

/** The month each fiscal year starts in (managers only). */
export function SettingsModal({
  settings,
  onClose,
}: {
  settings: ResourceSettings;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { tr, locale } = useResourcesT();
  const toast = useToast();
  const save = useSaveSettings();
  const [month, setMonth] = useState(String(settings.fiscalYearStartMonth));
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const months = Array.from({ length: 12 }, (_, i) => ({
    value: String(i + 1),
    label: monthName.format(new Date(Date.UTC(2026, i, 1))),
  }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={tr('settings.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        {isStale(save.error) ? (
          <StaleAlert title={tr('settings.title')}>{tr('settings.stale')}</StaleAlert>
        ) : (
          <FormError error={save.error} />
        )}
        <Select
          label={tr('settings.startMonth')}
          data={months}
          value={month}
          onChange={(value) => value && setMonth(value)}
          allowDeselect={false}
        />
        <Text fz="sm" c="dimmed">
          {tr('settings.help')}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {tr('form.cancel')}
          </Button>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { settings, month: Number(month) },
                {
                  onSuccess: () => {
                    toast.success(tr('settings.saved'));
                    onClose();
                  },
                },
              )
            }
          >
            {tr('settings.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
