// Parsing a large catalog file is synchronous CPU work (a 5 MiB YAML file
// takes seconds): off the event loop, in a worker thread, the server keeps
// answering while a background import reads its file. Refusals come back as
// the same FormatError and LibraryValidationError as in the calling thread.
import { Worker } from 'node:worker_threads';
import { LibraryValidationError, type ValidationIssue } from '../errors.ts';
import { FormatError, type FormatErrorCode, type FormatParams } from './errors.ts';
import type { CatalogFile, ReadCatalogOptions } from './read.ts';

type Answer =
  | { ok: CatalogFile }
  | { format: { code: FormatErrorCode; params: FormatParams } }
  | { validation: { sourceName: string; issues: ValidationIssue[] } };

/** readCatalogFile in a worker thread: the same result, the same errors. */
export function readCatalogFileOffThread(
  data: Uint8Array,
  options: ReadCatalogOptions = {},
): Promise<CatalogFile> {
  return new Promise((resolve, reject) => {
    // worker-boot.mjs loads TypeScript like the server does (tsx), under Node and the tests alike.
    const worker = new Worker(new URL('./worker-boot.mjs', import.meta.url), {
      workerData: { data, options },
    });
    let settled = false;
    worker.once('message', (answer: Answer) => {
      settled = true;
      if ('ok' in answer) resolve(answer.ok);
      else if ('format' in answer)
        reject(new FormatError(answer.format.code, answer.format.params));
      else
        reject(
          new LibraryValidationError(
            answer.validation.sourceName,
            answer.validation.issues,
            'cannot be imported',
          ),
        );
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`catalog reader worker exited with code ${code}`));
    });
  });
}
