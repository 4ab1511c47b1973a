import { isApiError } from '../../api/client';
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

/**
 * A refused step (submit, distribute, prepare) as one line for a confirmation
 * dialog: the problem's title, then its detail and field messages, which say
 * what is missing (top management absent, the review not held yet).
 */
export function refusalText(error: unknown): string | null {
  if (!error) return null;
  if (!isApiError(error)) return error instanceof Error ? error.message : t('common.failed');
  if (error.status === 412) return t('reviews.stale.body');
  const parts = [error.title, error.detail, ...error.errors.map((e) => e.message)];
  return parts.filter((p): p is string => Boolean(p)).join(' ');
}
