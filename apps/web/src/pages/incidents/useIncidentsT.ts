import { useTranslation } from 'react-i18next';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * `t` under one part of the area's strings, for keys built from codes
 * (`common.types.${type}`); the locale tests check both languages hold every key.
 */
export function useIncidentsT(prefix = 'incidents'): Translate {
  const { t } = useTranslation();
  const plain = t as unknown as Translate;
  return (key, options) => plain(`${prefix}.${key}`, options);
}
