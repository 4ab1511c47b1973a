import { useTranslation } from 'react-i18next';
import { useOrgUnits } from '../../api/assets';
import { useUserDirectory } from '../../api/identity';
import { useSession } from '../../session/useSession';

export type Party = { type: 'user' | 'unit'; id: string };

/** A party as one select value: `unit:<id>` or `user:<id>`. */
export const partyValue = (party: Party | null | undefined) =>
  party ? `${party.type}:${party.id}` : null;

export function partyOf(value: string | null): Party | null {
  const match = /^(user|unit):(.+)$/.exec(value ?? '');
  return match ? { type: match[1] as Party['type'], id: match[2]! } : null;
}

/**
 * Units and users who can own an asset, grouped, for a select. With `keyed`
 * the values carry the kind (`unit:<id>`), as edits need; without, the bare id
 * the list filter takes.
 */
export function useOwnerOptions(keyed: boolean, current?: Party & { name: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const units = useOrgUnits();
  const users = useUserDirectory(can('users:read'));
  const value = (type: Party['type'], id: string) => (keyed ? `${type}:${id}` : id);
  const unitItems = (units.data ?? []).map((u) => ({
    value: value('unit', u.id),
    label: `${u.code} ${u.name}`,
  }));
  const userItems = (users.data ?? []).map((u) => ({
    value: value('user', u.id),
    label: u.displayName,
  }));
  // The current owner stays selectable even if the directory cannot list it.
  if (current && keyed) {
    const items = current.type === 'unit' ? unitItems : userItems;
    const v = value(current.type, current.id);
    if (!items.some((i) => i.value === v)) items.push({ value: v, label: current.name });
  }
  return [
    { group: t('assets.form.ownerUnit'), items: unitItems },
    { group: t('assets.form.ownerUser'), items: userItems },
  ].filter((group) => group.items.length > 0);
}
