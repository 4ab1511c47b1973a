import { use, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from 'i18next';
import type { Locale } from '@mamoru/contracts';
import type auditLabelsEn from './areas/audit-labels.en.json';
import type peopleEn from './areas/people.en.json';
import type trainingEn from './areas/training.en.json';
import type incidentsEn from './areas/incidents.en.json';
import type eventsEn from './areas/events.en.json';
import type recordsEn from './areas/records.en.json';
import type controlsEn from './areas/controls.en.json';
import type attestationsEn from './areas/attestations.en.json';
import type riskChangesEn from './areas/risk-changes.en.json';
import type resourcesEn from './areas/resources.en.json';
import type legalEn from './areas/legal.en.json';
import type objectivesEn from './areas/objectives.en.json';

/**
 * Strings of areas a first visit does not need, in chunks of their own per
 * language, so the log-in page and the dashboard stay within their download
 * budget (e2e/tests/delivery.test.ts) however many areas the product grows.
 * A page of such an area renders inside <AreaStrings>, which waits for them.
 */
export interface LazyAreaStrings {
  /** Labels of every audit action and object type, for the audit log. */
  auditLabels: typeof auditLabelsEn;
  people: typeof peopleEn;
  training: typeof trainingEn;
  incidents: typeof incidentsEn;
  /** The ISMS event log. */
  events: typeof eventsEn;
  records: typeof recordsEn;
  /** Control operation and checks. */
  controls: typeof controlsEn;
  /** Attestations of requirement items (the conformity page). */
  attestations: typeof attestationsEn;
  /** Reviews of change on the risk assessments tab (4.2.3.c). */
  riskChanges: typeof riskChangesEn;
  /** ISMS resources and budget per fiscal year. */
  resources: typeof resourcesEn;
  /** The legal register. */
  legal: typeof legalEn;
  /** ISMS objectives and their measurements. */
  objectives: typeof objectivesEn;
}
export type LazyArea = keyof LazyAreaStrings;

const loaders: Record<LazyArea, Record<Locale, () => Promise<{ default: unknown }>>> = {
  auditLabels: {
    en: () => import('./areas/audit-labels.en.json'),
    ja: () => import('./areas/audit-labels.ja.json'),
  },
  people: {
    en: () => import('./areas/people.en.json'),
    ja: () => import('./areas/people.ja.json'),
  },
  training: {
    en: () => import('./areas/training.en.json'),
    ja: () => import('./areas/training.ja.json'),
  },
  incidents: {
    en: () => import('./areas/incidents.en.json'),
    ja: () => import('./areas/incidents.ja.json'),
  },
  events: {
    en: () => import('./areas/events.en.json'),
    ja: () => import('./areas/events.ja.json'),
  },
  records: {
    en: () => import('./areas/records.en.json'),
    ja: () => import('./areas/records.ja.json'),
  },
  controls: {
    en: () => import('./areas/controls.en.json'),
    ja: () => import('./areas/controls.ja.json'),
  },
  attestations: {
    en: () => import('./areas/attestations.en.json'),
    ja: () => import('./areas/attestations.ja.json'),
  },
  riskChanges: {
    en: () => import('./areas/risk-changes.en.json'),
    ja: () => import('./areas/risk-changes.ja.json'),
  },
  resources: {
    en: () => import('./areas/resources.en.json'),
    ja: () => import('./areas/resources.ja.json'),
  },
  legal: {
    en: () => import('./areas/legal.en.json'),
    ja: () => import('./areas/legal.ja.json'),
  },
  objectives: {
    en: () => import('./areas/objectives.en.json'),
    ja: () => import('./areas/objectives.ja.json'),
  },
};

// One promise per area and language, so React's use() sees the same one on every render.
const loading = new Map<string, Promise<void>>();

/** Adds an area's strings for a language to i18next, fetching them once. */
export function loadAreaStrings(area: LazyArea, locale: Locale): Promise<void> {
  const key = `${area}:${locale}`;
  let promise = loading.get(key);
  if (!promise) {
    promise = loaders[area][locale]().then((m) => {
      i18n.addResourceBundle(locale, 'translation', { [area]: m.default }, true, false);
    });
    loading.set(key, promise);
  }
  return promise;
}

/** Renders its children once the area's strings in the current language are there. */
export function AreaStrings({ area, children }: { area: LazyArea; children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  const language = instance.resolvedLanguage ?? instance.language;
  const locale: Locale = language === 'ja' ? 'ja' : 'en';
  if (!instance.getResource(locale, 'translation', area)) use(loadAreaStrings(area, locale));
  return <>{children}</>;
}
