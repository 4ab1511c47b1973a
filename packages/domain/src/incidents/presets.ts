import type { IncidentType } from '@mamoru/contracts';

/**
 * Notification obligations shipped with Mamoru, loaded on request: a personal
 * data breach under Japan's Act on the Protection of Personal Information
 * (APPI). The texts are our own summary of what the organization must do, not
 * the law's or the regulator's wording; organizations adjust them as they see
 * fit (an obligation once loaded is theirs to edit).
 */

export interface ObligationPreset {
  key: string;
  name: { ja: string; en: string };
  recipient: string;
  appliesToTypes: IncidentType[];
  requiresPersonalData: boolean;
  deadlineDays: number | null;
  deadlineDaysWrongfulIntent: number | null;
  deadlineHours: number | null;
  sortOrder: number;
}

/** Breaches and suspected ones count: the duty starts when a breach is likely, not proven. */
const APPI_TYPES: IncidentType[] = ['incident', 'suspected'];
const PPC = '個人情報保護委員会 (Personal Information Protection Commission)';

export const OBLIGATION_PRESETS: readonly ObligationPreset[] = [
  {
    key: 'appi_preliminary',
    name: {
      ja: '個人データ漏えい等の速報（委員会へ、発覚から目安3〜5日）',
      en: 'First report of a personal data breach to the commission (aim for about 3–5 days after discovery)',
    },
    recipient: PPC,
    appliesToTypes: APPI_TYPES,
    requiresPersonalData: true,
    // The clock shows the earlier end of the guidance, so the team is warned in time.
    deadlineDays: 3,
    deadlineDaysWrongfulIntent: null,
    deadlineHours: null,
    sortOrder: 10,
  },
  {
    key: 'appi_final',
    name: {
      ja: '個人データ漏えい等の確報（委員会へ、30日以内・不正目的のおそれは60日以内）',
      en: 'Full report of a personal data breach to the commission (30 days; 60 when wrongful intent is suspected)',
    },
    recipient: PPC,
    appliesToTypes: APPI_TYPES,
    requiresPersonalData: true,
    deadlineDays: 30,
    deadlineDaysWrongfulIntent: 60,
    deadlineHours: null,
    sortOrder: 20,
  },
  {
    key: 'appi_persons',
    name: {
      ja: '本人への通知（状況に応じて速やかに）',
      en: 'Notice to the persons whose data is involved (as soon as the situation allows)',
    },
    recipient: '本人 (the persons concerned)',
    appliesToTypes: APPI_TYPES,
    requiresPersonalData: true,
    // No fixed number of days: tracked as open until a notice is recorded.
    deadlineDays: null,
    deadlineDaysWrongfulIntent: null,
    deadlineHours: null,
    sortOrder: 30,
  },
];
