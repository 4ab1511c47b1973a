import { CATALOG_IMPORT_EXTENSIONS, CATALOG_IMPORT_HARD_MAX_BYTES } from '@mamoru/contracts';
import { i18n } from '../i18n';

/** The text of a chosen file (File.text(), or FileReader where that is missing). */
function fileText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}

/** A chosen file that could not be used, with a message in the UI language. */
export class FileProblem extends Error {
  override name = 'FileProblem';
}

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

/**
 * Reads a chosen JSON file. Refuses files over `maxBytes` and text that is not
 * JSON, saying where the parser stopped.
 */
export async function readJsonFile(file: File, maxBytes: number): Promise<unknown> {
  if (file.size > maxBytes) {
    throw new FileProblem(
      i18n.t('catalog.file.tooLarge', { name: file.name, max: megabytes(maxBytes) }),
    );
  }
  const text = await fileText(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new FileProblem(
      i18n.t('catalog.file.notJson', {
        name: file.name,
        reason: error instanceof Error ? error.message : String(error),
      }),
    );
  }
}

/** What the catalog import's file picker offers. */
export const CATALOG_FILE_ACCEPT = [
  ...CATALOG_IMPORT_EXTENSIONS,
  'application/json',
  'application/yaml',
  'application/xml',
  'text/xml',
].join(',');

/**
 * The checks a chosen catalog file gets before it is sent: not empty, not
 * over the hard cap, and named like one of the accepted formats. Which format
 * it holds the server tells from its content.
 */
export function checkCatalogFile(file: File): void {
  if (file.size === 0) throw new FileProblem(i18n.t('catalog.file.empty', { name: file.name }));
  if (file.size > CATALOG_IMPORT_HARD_MAX_BYTES) {
    throw new FileProblem(
      i18n.t('catalog.file.tooLarge', {
        name: file.name,
        max: megabytes(CATALOG_IMPORT_HARD_MAX_BYTES),
      }),
    );
  }
  const name = file.name.toLowerCase();
  if (!CATALOG_IMPORT_EXTENSIONS.some((ext) => name.endsWith(ext))) {
    throw new FileProblem(
      i18n.t('catalog.file.extension', {
        name: file.name,
        extensions: CATALOG_IMPORT_EXTENSIONS.join(', '),
      }),
    );
  }
}
