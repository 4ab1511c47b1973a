import { Badge, Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PersonCompetence } from '../../api/people';
import { usePeopleChoices } from '../../api/people';

/** A ja/en pair in the UI language; the Japanese text stands in for a missing English one. */
export function useBilingual() {
  const { i18n } = useTranslation();
  return (ja: string, en: string) => (i18n.language === 'en' && en.trim() ? en : ja);
}

const EXPIRY_COLOR = { valid: 'teal', expiring: 'orange', expired: 'red', none: 'gray' } as const;

/** How a competence stands against its expiry date. */
export function ExpiryBadge({ expiry }: { expiry: PersonCompetence['expiry'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={EXPIRY_COLOR[expiry]} variant="light" tt="none">
      {t(`people.expiry.${expiry}`)}
    </Badge>
  );
}

/** Today as a calendar date (YYYY-MM-DD, UTC like the server). */
export const today = () => new Date().toISOString().slice(0, 10);

/** A calendar date or null from an input's text. */
export const dateOrNull = (value: string) => (value ? value : null);

/** Chooses one of the people the caller reaches (ISMS role holders, committee members). */
export function PersonSelect(
  props: Omit<SelectProps, 'data'> & { extra?: { id: string; name: string }[] },
) {
  const { extra = [], ...rest } = props;
  const people = usePeopleChoices();
  const data = (people.data ?? []).map((p) => ({ value: p.user.id, label: p.user.name }));
  for (const e of extra)
    if (!data.some((d) => d.value === e.id)) data.push({ value: e.id, label: e.name });
  return <Select searchable data={data} disabled={people.isPending} {...rest} />;
}
