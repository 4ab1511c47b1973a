import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * `t` under the area's strings, for keys built from codes (`kinds.${kind}`),
 * with yen and hours in the UI language; the locale tests check both
 * languages hold every key.
 */
export function useResourcesT() {
  const { t, i18n } = useTranslation();
  const plain = t as unknown as Translate;
  const locale = i18n.resolvedLanguage ?? 'en';
  // One object per language, so charts built from it are not rebuilt on every render.
  return useMemo(() => {
    const tr: Translate = (key, options) => plain(`resources.${key}`, options);
    const yenFormat = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'JPY',
      maximumFractionDigits: 0,
    });
    const number = new Intl.NumberFormat(locale);
    return {
      tr,
      locale,
      yen: (value: number) => yenFormat.format(value),
      hours: (value: number) => tr('totals.hoursValue', { value: number.format(value) }),
      list: (items: string[]) => new Intl.ListFormat(locale).format(items),
    };
  }, [plain, locale]);
}
