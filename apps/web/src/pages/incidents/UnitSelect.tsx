import { Select, type SelectProps } from '@mantine/core';
import { useOrgUnits } from '../../api/assets';

/**
 * A unit picker that asks for the units only when shown: callers render it
 * for readers of the scope alone (others may not list the organization's units).
 */
export function UnitSelect({
  activeOnly = false,
  ...props
}: Omit<SelectProps, 'data'> & { activeOnly?: boolean }) {
  const units = useOrgUnits();
  return (
    <Select
      clearable
      searchable
      {...props}
      data={(units.data ?? [])
        .filter((u) => !activeOnly || u.active)
        .map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}
