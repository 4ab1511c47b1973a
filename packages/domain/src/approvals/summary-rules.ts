import type { LocalizedText } from '@mamoru/contracts';

/** A value as the summary shows it: lists joined, nothing as empty, structures as JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(valueText).join(', ');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function isText(value: unknown): value is LocalizedText {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort();
  return keys.length === 2 && keys[0] === 'en' && keys[1] === 'ja';
}

/** The value in both languages: a translated text as is, any other value the same in both. */
export function bilingual(value: unknown): LocalizedText {
  if (isText(value)) return { ja: value.ja, en: value.en };
  if (Array.isArray(value) && value.some(isText)) {
    const texts = value.map(bilingual);
    return { ja: texts.map((t) => t.ja).join('、'), en: texts.map((t) => t.en).join(', ') };
  }
  const text = valueText(value);
  return { ja: text, en: text };
}

export function fact(label: LocalizedText, value: unknown) {
  return { label, value: bilingual(value) };
}

/**
 * The labelled fields whose text differs between the approved version and the
 * one asked for, in the order of `labels`; with no approved version every
 * non-empty field counts as added.
 */
export function fieldChanges<K extends string>(
  labels: Record<K, LocalizedText>,
  before: Partial<Record<K, unknown>> | null,
  after: Partial<Record<K, unknown>>,
) {
  const empty = { ja: '', en: '' };
  return (Object.keys(labels) as K[])
    .map((key) => ({
      label: labels[key],
      before: before ? bilingual(before[key]) : empty,
      after: bilingual(after[key]),
    }))
    .filter((c) => c.before.ja !== c.after.ja || c.before.en !== c.after.en);
}

/** At most `limit` items, and how many were left out. */
export function firstOf<T>(items: readonly T[], limit: number) {
  return { items: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}
