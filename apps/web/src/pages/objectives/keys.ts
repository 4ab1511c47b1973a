import type objectivesEn from '../../i18n/areas/objectives.en.json';

/** The labels of an objective's fields, named in the area's strings. */
export type FieldKey = keyof typeof objectivesEn.fields;
/** Why an objective is at risk or missed, as the server names it. */
export type ReasonKey = keyof typeof objectivesEn.reasons;
