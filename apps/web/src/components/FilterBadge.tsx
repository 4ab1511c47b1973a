import { Badge, CloseButton, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A filter in force (often one a link put in the address), shown as a badge
 * whose close button removes it.
 */
export function FilterBadge({
  children,
  onRemove,
  removeLabel,
  ...props
}: Omit<BadgeProps, 'rightSection'> & {
  children: ReactNode;
  onRemove: () => void;
  /** The close button's name; "Remove filter" unless the filter has its own. */
  removeLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Badge
      size="lg"
      variant="light"
      tt="none"
      {...props}
      rightSection={
        <CloseButton
          size="xs"
          aria-label={removeLabel ?? t('common.removeFilter')}
          onClick={onRemove}
        />
      }
    >
      {children}
    </Badge>
  );
}
