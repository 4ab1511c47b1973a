import type { EvidenceFile, Problem } from '@mamoru/contracts';

export interface UploadFailure {
  status: number;
  title: string;
}

/**
 * Uploads one file as multipart/form-data with XMLHttpRequest, the one
 * browser API that reports upload progress (fetch does not).
 */
export function uploadRecordFile(
  recordId: string,
  file: File,
  options: { csrfToken: string; language: string; onProgress: (fraction: number) => void },
): Promise<EvidenceFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ ownerType: 'record', ownerId: recordId });
    xhr.open('POST', `/api/v1/files?${query.toString()}`);
    xhr.setRequestHeader('X-CSRF-Token', options.csrfToken);
    xhr.setRequestHeader('Accept-Language', options.language);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText) as unknown;
        } catch {
          return undefined;
        }
      })();
      if (xhr.status === 201) resolve(body as EvidenceFile);
      else {
        const failure: UploadFailure = {
          status: xhr.status,
          title: (body as Partial<Problem> | undefined)?.title ?? `HTTP ${xhr.status}`,
        };
        reject(failure);
      }
    };
    xhr.onerror = () => reject({ status: 0, title: '' } satisfies UploadFailure);
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
