import { useTranslation } from 'react-i18next';

/**
 * `t` under one part of the area's strings, for keys built from stored codes
 * (`channels.${channel}`); the locale tests check every key exists in both languages.
 */
export function useAreaT(prefix: string) {
  const { t } = useTranslation();
  const plain = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  return (key: string, options?: Record<string, unknown>) => plain(`${prefix}.${key}`, options);
}
