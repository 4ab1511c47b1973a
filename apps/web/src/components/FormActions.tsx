import { Button, Group, type GroupProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A form's closing row: cancel, then the submit button (busy while the save
 * runs, disabled when the form may not be sent).
 */
export function FormActions({
  onCancel,
  cancelLabel,
  submitLabel,
  loading,
  disabled,
  ...group
}: {
  onCancel: () => void;
  /** Defaults to the common "Cancel". */
  cancelLabel?: string;
  submitLabel: string;
  loading: boolean;
  disabled?: boolean;
} & Pick<GroupProps, 'gap' | 'mt'>) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" {...group}>
      <Button variant="default" onClick={onCancel}>
        {cancelLabel ?? t('common.cancel')}
      </Button>
      <Button type="submit" loading={loading} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
