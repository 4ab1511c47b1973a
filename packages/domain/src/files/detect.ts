import { fileTypeFromBuffer } from 'file-type';
import { ALLOWED_FILE_TYPES } from '@mamoru/contracts';

/**
 * The media type of an upload from its first bytes, never from its name: a
 * renamed executable stays an executable. Text has no magic number, so bytes
 * that decode as UTF-8 without control characters count as text; only then
 * does a `.csv` name make it text/csv.
 */
export async function detectMediaType(head: Buffer, originalName: string): Promise<string> {
  if (head.length === 0) return 'application/octet-stream';
  const detected = await fileTypeFromBuffer(head);
  if (detected) return detected.mime;
  if (isText(head)) return /\.csv$/i.test(originalName) ? 'text/csv' : 'text/plain';
  return 'application/octet-stream';
}

export function isAllowedMediaType(mediaType: string): boolean {
  return (ALLOWED_FILE_TYPES as readonly string[]).includes(mediaType);
}

// Control characters other than tab, line feed, form feed and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

function isText(head: Buffer) {
  try {
    // `stream: true` lets the head end inside a multi-byte character.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return !CONTROL.test(text);
  } catch {
    return false;
  }
}
