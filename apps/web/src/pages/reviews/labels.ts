import { i18n } from '../../i18n';

type LooseT = (key: string, options?: Record<string, unknown>) => string;
const t = (key: string, options?: Record<string, unknown>) =>
  (i18n.t as unknown as LooseT)(key, options);

/**
 * A figure's label: the pack's keys are chosen by the server and may grow, so an
 * unknown key reads as a generic "count" rather than a raw key in either language.
 */
export function figureLabel(key: string) {
  return i18n.exists(`reviews.figures.${key}`)
    ? t(`reviews.figures.${key}`)
    : t('reviews.figures.other');
}

/** An item's status code in the reader's language; null hides a code we have no word for. */
export function itemStatusLabel(status: string | null) {
  if (!status) return null;
  return i18n.exists(`reviews.itemStatus.${status}`) ? t(`reviews.itemStatus.${status}`) : null;
}

export function itemKindLabel(kind: string) {
  return i18n.exists(`reviews.itemKind.${kind}`)
    ? t(`reviews.itemKind.${kind}`)
    : t('reviews.itemKind.other');
}

export function itemChangeLabel(change: string | null | undefined) {
  if (!change) return null;
  return i18n.exists(`reviews.itemChange.${change}`) ? t(`reviews.itemChange.${change}`) : null;
}
