// Registers the file owner type of document versions (attachments).
import './files.ts';
// Registers the approval summary of document versions.
import './summary.ts';

export { createDocument, updateDocument, getDocument, listDocuments } from './service.ts';
export {
  listVersions,
  getVersion,
  startDraft,
  updateDraft,
  requestVersionApproval,
  issueVersion,
  withdrawDocument,
  diffVersions,
} from './versions.ts';
export {
  toRead,
  acknowledgeDocument,
  acknowledgementReport,
  recordReview,
  listReviews,
} from './distribution.ts';
export { listVersionFiles } from './files.ts';
export { exportVersionPdf, watermarkOf, type ExportLang } from './export.ts';
export { DOCUMENT_ENTITY, DOCUMENT_VERSION_ENTITY } from './common.ts';
export * from './presenters.ts';
