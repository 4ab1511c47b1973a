import { en as enBase } from './en.ts';
import { ja as jaBase } from './ja.ts';
import auditLabelsEn from './areas/audit-labels.en.json';
import auditLabelsJa from './areas/audit-labels.ja.json';
import peopleEn from './areas/people.en.json';
import peopleJa from './areas/people.ja.json';
import trainingEn from './areas/training.en.json';
import trainingJa from './areas/training.ja.json';
import incidentsEn from './areas/incidents.en.json';
import incidentsJa from './areas/incidents.ja.json';
import eventsEn from './areas/events.en.json';
import eventsJa from './areas/events.ja.json';
import recordsEn from './areas/records.en.json';
import recordsJa from './areas/records.ja.json';
import controlsEn from './areas/controls.en.json';
import controlsJa from './areas/controls.ja.json';
import riskChangesEn from './areas/risk-changes.en.json';
import riskChangesJa from './areas/risk-changes.ja.json';
import resourcesEn from './areas/resources.en.json';
import resourcesJa from './areas/resources.ja.json';
import objectivesEn from './areas/objectives.en.json';
import objectivesJa from './areas/objectives.ja.json';
import attestationsEn from './areas/attestations.en.json';
import attestationsJa from './areas/attestations.ja.json';
import legalEn from './areas/legal.en.json';
import auditsEn from './areas/audits.en.json';
import auditProgrammeEn from './areas/audit-programme.en.json';
import auditChecklistEn from './areas/audit-checklist.en.json';
import auditReportEn from './areas/audit-report.en.json';
import reviewsEn from './areas/reviews.en.json';
import reviewsPartiesEn from './areas/reviews-parties.en.json';
import legalJa from './areas/legal.ja.json';
import auditsJa from './areas/audits.ja.json';
import auditProgrammeJa from './areas/audit-programme.ja.json';
import auditChecklistJa from './areas/audit-checklist.ja.json';
import auditReportJa from './areas/audit-report.ja.json';
import reviewsJa from './areas/reviews.ja.json';
import reviewsPartiesJa from './areas/reviews-parties.ja.json';
import calendarEn from './areas/calendar.en.json';
import calendarJa from './areas/calendar.ja.json';
import notificationsEn from './areas/notifications.en.json';
import notificationsJa from './areas/notifications.ja.json';
import soaMigrationEn from './areas/soa-migration.en.json';
import soaMigrationJa from './areas/soa-migration.ja.json';
import catalogEn from './areas/catalog.en.json';
import catalogJa from './areas/catalog.ja.json';
import authenticationEn from './areas/authentication.en.json';
import authenticationJa from './areas/authentication.ja.json';
import ssoEn from './areas/sso.en.json';
import ssoJa from './areas/sso.ja.json';
import evidencePackEn from './areas/evidence-pack.en.json';
import evidencePackJa from './areas/evidence-pack.ja.json';
import type { Translation } from './index.ts';

/**
 * Every string of each language, the lazily loaded areas included
 * (lazy-areas.tsx): for tests, which render any page at once and check that
 * both languages hold the same keys. Typed as the whole Translation, so an
 * area added to lazy-areas.tsx and forgotten here fails the typecheck.
 */
export const en = {
  ...enBase,
  auditLabels: auditLabelsEn,
  people: peopleEn,
  training: trainingEn,
  incidents: incidentsEn,
  events: eventsEn,
  records: recordsEn,
  controls: controlsEn,
  riskChanges: riskChangesEn,
  resources: resourcesEn,
  objectives: objectivesEn,
  attestations: attestationsEn,
  legal: legalEn,
  audits: auditsEn,
  auditProgramme: auditProgrammeEn,
  auditChecklist: auditChecklistEn,
  auditReport: auditReportEn,
  reviews: reviewsEn,
  reviewsParties: reviewsPartiesEn,
  calendar: calendarEn,
  notifications: notificationsEn,
  soaMigration: soaMigrationEn,
  catalog: catalogEn,
  authentication: authenticationEn,
  sso: ssoEn,
  evidencePack: evidencePackEn,
} satisfies Translation;
export const ja = {
  ...jaBase,
  auditLabels: auditLabelsJa,
  people: peopleJa,
  training: trainingJa,
  incidents: incidentsJa,
  events: eventsJa,
  records: recordsJa,
  controls: controlsJa,
  riskChanges: riskChangesJa,
  resources: resourcesJa,
  objectives: objectivesJa,
  attestations: attestationsJa,
  legal: legalJa,
  audits: auditsJa,
  auditProgramme: auditProgrammeJa,
  auditChecklist: auditChecklistJa,
  auditReport: auditReportJa,
  reviews: reviewsJa,
  reviewsParties: reviewsPartiesJa,
  calendar: calendarJa,
  notifications: notificationsJa,
  soaMigration: soaMigrationJa,
  catalog: catalogJa,
  authentication: authenticationJa,
  sso: ssoJa,
  evidencePack: evidencePackJa,
} satisfies Translation;
