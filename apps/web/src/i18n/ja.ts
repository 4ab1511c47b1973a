import base from './ja.json';
import approvalSummary from './areas/approval-summary.ja.json';
import catalogPicker from './areas/catalog-picker.ja.json';
import conformity from './areas/conformity.ja.json';
import documents from './areas/documents.ja.json';
import risks from './areas/risks.ja.json';
import soa from './areas/soa.ja.json';
import improvement from './areas/improvement.ja.json';
import improvementRegister from './areas/improvement-register.ja.json';

/** The Japanese strings, built like en.ts and loaded only when Japanese is shown. */
export const ja = {
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
