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

/**
 * Reads a chosen JSON file. Refuses files over `maxBytes` and text that is not
 * JSON, saying where the parser stopped.
 */
export async function readJsonFile(file: File, maxBytes: number): Promise<unknown> {
  if (file.size > maxBytes) {
    throw new FileProblem(
      i18n.t('catalog.file.tooLarge', {
        name: file.name,
        max: Math.round(maxBytes / (1024 * 1024)),
      }),
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

/** What kind of catalog file a parsed document looks like (the server decides for good). */
export function catalogFileKind(
  document: unknown,
): { kind: 'native'; id: string } | { kind: 'oscal'; title: string } | { kind: 'unknown' } {
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    return { kind: 'unknown' };
  }
  const shape = document as Record<string, unknown>;
  if ('formatVersion' in shape) {
    return { kind: 'native', id: typeof shape.id === 'string' ? shape.id : '' };
  }
  if (shape.catalog && typeof shape.catalog === 'object') {
    const metadata = (shape.catalog as { metadata?: { title?: unknown } }).metadata;
    return { kind: 'oscal', title: typeof metadata?.title === 'string' ? metadata.title : '' };
  }
  return { kind: 'unknown' };
}
