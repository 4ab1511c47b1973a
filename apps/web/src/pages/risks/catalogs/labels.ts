import type { LocalizedText } from '@mamoru/contracts';
import { i18n } from '../../../i18n';
import type { CatalogKind } from '../api/catalogs';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** The UI language as the API's bilingual texts key it. */
export function uiLang(language: string): 'ja' | 'en' {
  return language.startsWith('ja') ? 'ja' : 'en';
}

/** A bilingual text in the UI language, falling back to the other language when empty. */
export function textOf(text: LocalizedText | null | undefined, language: string) {
  if (!text) return '';
  const lang = uiLang(language);
  return text[lang] || text[lang === 'ja' ? 'en' : 'ja'];
}

/** Starter groups have names; an organization's own group shows as typed. */
export function groupLabel(kind: CatalogKind, group: string) {
  const key = `risks.${kind === 'threats' ? 'threatGroups' : 'vulnerabilityGroups'}.${group}`;
  return i18n.exists(key) ? (i18n.t as unknown as LooseT)(key) : group;
}

export const THREAT_GROUPS = [
  'physical_damage',
  'natural_events',
  'loss_of_services',
  'radiation',
  'compromise_of_information',
  'technical_failures',
  'unauthorized_actions',
  'compromise_of_functions',
] as const;

export const VULNERABILITY_GROUPS = [
  'hardware',
  'software',
  'network',
  'personnel',
  'site',
  'organization',
] as const;
