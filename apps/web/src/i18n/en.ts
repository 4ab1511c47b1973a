import base from './en.json';
import approvalSummary from './areas/approval-summary.en.json';
import catalogPicker from './areas/catalog-picker.en.json';
import conformity from './areas/conformity.en.json';
import documents from './areas/documents.en.json';
import risks from './areas/risks.en.json';
import soa from './areas/soa.en.json';
import improvement from './areas/improvement.en.json';
import improvementRegister from './areas/improvement-register.en.json';

/**
 * The English strings: the shared file plus one file per large area (areas/<area>.en.json),
 * each under its own top-level key, so that areas grow without touching one file.
 * A module of its own so that a visitor downloads only the language shown (see index.ts).
 */
export const en = {
  ...base,
  risks,
  soa,
  documents,
  conformity,
  approvalSummary,
  catalogPicker,
  improvement,
  ...improvementRegister,
};
