import { ApiError, asProblem, isJson } from '../api/client';
import { currentLocale, i18n } from '../i18n';

/** How far a download is: `total` is null when the server sends no Content-Length. */
export interface DownloadProgress {
  received: number;
  total: number | null;
}

/**
 * The file name the server chose: RFC 6266 `filename*=UTF-8''…` (Japanese
 * names) wins over the plain `filename="…"`.
 */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(disposition);
  if (extended?.[2]) {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(disposition);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim();
  return name || fallback;
}

/** The last path segment of a URL, as a name when the server gives none. */
function fallbackName(url: string) {
  const path = url.split('?')[0] ?? '';
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || 'download';
}

/** The wait a 429/503 asks for, in seconds, when it is given as a number. */
function retryAfterSeconds(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** A refused download: the server's problem+json, and how long it asked us to wait. */
export class DownloadError extends ApiError {
  readonly retryAfter: number | undefined;
  constructor(init: ConstructorParameters<typeof ApiError>[0] & { retryAfter?: number }) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}

/**
 * Fetches an export with the session cookie and reads its body chunk by chunk,
 * reporting progress, so the page can say "Downloading 40 %" instead of
 * leaving the browser silent while the server builds a PDF.
 */
export async function fetchDownload(
  url: string,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<{ blob: Blob; filename: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      headers: { 'Accept-Language': currentLocale() },
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new DownloadError({ status: 0, title: i18n.t('api.networkError'), cause });
  }
  if (!response.ok) {
    const body: unknown = isJson(response)
      ? await response.json().catch(() => undefined)
      : undefined;
    const problem = asProblem(body);
    const retryAfter = retryAfterSeconds(response);
    throw new DownloadError({
      status: response.status,
      title: problem?.title ?? i18n.t('api.unexpectedResponse', { status: response.status }),
      problem,
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    });
  }
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const chunks: BlobPart[] = [];
  let received = 0;
  onProgress({ received, total });
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ received, total });
    }
  }
  return {
    blob: new Blob(chunks, { type }),
    filename: filenameOf(response.headers.get('content-disposition'), fallbackName(url)),
  };
}

/** Hands a fetched file to the browser's download, as a link click on an object URL would. */
export function saveBlob(blob: Blob, filename: string) {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the URL only after the click returns.
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
