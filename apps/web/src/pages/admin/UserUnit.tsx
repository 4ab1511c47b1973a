import { Select, Text, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrgUnits, type OrgUnit } from '../../api/assets';

function unitLabel(unit: OrgUnit, t: (key: 'users.unitInactive', o: { name: string }) => string) {
  const name = `${unit.code} ${unit.name}`;
  return unit.active ? name : t('users.unitInactive', { name });
}

/**
 * A select of the organization's units, for a user's primary unit and for the
 * users filter: the active units, plus `value` when it names a deactivated one,
 * so a user's current unit always shows.
 */
export function UserUnitSelect({
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const data = (units.data ?? [])
    .filter((unit) => unit.active || unit.id === value)
    .map((unit) => ({ value: unit.id, label: unitLabel(unit, t) }));
  return (
    <Select
      {...props}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={t('users.noUnitFound')}
      disabled={props.disabled || units.isPending}
      comboboxProps={{ withinPortal: true, hideDetached: false }}
    />
  );
}

/** The unit of a user in the list: its code and name, or "no unit". */
export function UserUnitName({ unitId }: { unitId: string | null }) {
  const { t } = useTranslation();
  const units = useOrgUnits();
  const unit = unitId ? units.data?.find((u) => u.id === unitId) : undefined;
  if (!unitId) {
    return (
      <Text span fz="sm" c="dimmed">
        {t('users.noUnit')}
      </Text>
    );
  }
  return (
    <Text span fz="sm">
      {unit ? unitLabel(unit, t) : '…'}
    </Text>
  );
}
