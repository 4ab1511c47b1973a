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
import type auditsEn from './areas/audits.en.json';
import type auditProgrammeEn from './areas/audit-programme.en.json';
import type auditChecklistEn from './areas/audit-checklist.en.json';
import type auditReportEn from './areas/audit-report.en.json';
import type reviewsEn from './areas/reviews.en.json';
import type reviewsPartiesEn from './areas/reviews-parties.en.json';
import type calendarEn from './areas/calendar.en.json';
import type notificationsEn from './areas/notifications.en.json';
import type soaMigrationEn from './areas/soa-migration.en.json';
import type catalogEn from './areas/catalog.en.json';
import type authenticationEn from './areas/authentication.en.json';
import type ssoEn from './areas/sso.en.json';
import type evidencePackEn from './areas/evidence-pack.en.json';

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
  /** Internal audits: the register, the programme, checklists and reports (4.2.3.e, 6). */
  audits: typeof auditsEn;
  auditProgramme: typeof auditProgrammeEn;
  auditChecklist: typeof auditChecklistEn;
  auditReport: typeof auditReportEn;
  /** Management review (6.1–6.3). */
  reviews: typeof reviewsEn;
  /** Interested parties and their feedback (a review input). */
  reviewsParties: typeof reviewsPartiesEn;
  /** The PDCA calendar and its feed. */
  calendar: typeof calendarEn;
  /** The notification centre, email preferences and the organization's email settings. */
  notifications: typeof notificationsEn;
  /** The migration of the statement of applicability to ISO/IEC 27001:2022. */
  soaMigration: typeof soaMigrationEn;
  /** The catalog pages: libraries, controls, import, export, overlay. */
  catalog: typeof catalogEn;
  /** Second factors: the log-in's second step, enrolment, step-up, profile and admin pages. */
  authentication: typeof authenticationEn;
  /** Single sign-on: the log-in page's SSO step and the identity providers page. */
  sso: typeof ssoEn;
  /** The evidence pack for the certification audit. */
  evidencePack: typeof evidencePackEn;
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
  audits: {
    en: () => import('./areas/audits.en.json'),
    ja: () => import('./areas/audits.ja.json'),
  },
  auditProgramme: {
    en: () => import('./areas/audit-programme.en.json'),
    ja: () => import('./areas/audit-programme.ja.json'),
  },
  auditChecklist: {
    en: () => import('./areas/audit-checklist.en.json'),
    ja: () => import('./areas/audit-checklist.ja.json'),
  },
  auditReport: {
    en: () => import('./areas/audit-report.en.json'),
    ja: () => import('./areas/audit-report.ja.json'),
  },
  reviews: {
    en: () => import('./areas/reviews.en.json'),
    ja: () => import('./areas/reviews.ja.json'),
  },
  reviewsParties: {
    en: () => import('./areas/reviews-parties.en.json'),
    ja: () => import('./areas/reviews-parties.ja.json'),
  },
  calendar: {
    en: () => import('./areas/calendar.en.json'),
    ja: () => import('./areas/calendar.ja.json'),
  },
  notifications: {
    en: () => import('./areas/notifications.en.json'),
    ja: () => import('./areas/notifications.ja.json'),
  },
  soaMigration: {
    en: () => import('./areas/soa-migration.en.json'),
    ja: () => import('./areas/soa-migration.ja.json'),
  },
  catalog: {
    en: () => import('./areas/catalog.en.json'),
    ja: () => import('./areas/catalog.ja.json'),
  },
  authentication: {
    en: () => import('./areas/authentication.en.json'),
    ja: () => import('./areas/authentication.ja.json'),
  },
  sso: {
    en: () => import('./areas/sso.en.json'),
    ja: () => import('./areas/sso.ja.json'),
  },
  evidencePack: {
    en: () => import('./areas/evidence-pack.en.json'),
    ja: () => import('./areas/evidence-pack.ja.json'),
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

/** Several areas at once, fetched in parallel; one promise per set and language. */
function loadAreasStrings(areas: readonly LazyArea[], locale: Locale): Promise<void> {
  if (areas.length === 1) return loadAreaStrings(areas[0]!, locale);
  const key = `${areas.join('+')}:${locale}`;
  let promise = loading.get(key);
  if (!promise) {
    promise = Promise.all(areas.map((area) => loadAreaStrings(area, locale))).then(() => {});
    loading.set(key, promise);
  }
  return promise;
}

/** Renders its children once the areas' strings in the current language are there. */
export function AreaStrings({
  area,
  children,
}: {
  area: LazyArea | readonly LazyArea[];
  children: ReactNode;
}) {
  const { i18n: instance } = useTranslation();
  const language = instance.resolvedLanguage ?? instance.language;
  const locale: Locale = language === 'ja' ? 'ja' : 'en';
  const areas = typeof area === 'string' ? [area] : area;
  if (areas.some((one) => !instance.getResource(locale, 'translation', one)))
    use(loadAreasStrings(areas, locale));
  return <>{children}</>;
}
