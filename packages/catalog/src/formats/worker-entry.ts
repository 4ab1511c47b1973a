// Runs readCatalogFile in a worker thread (see worker.ts) and posts back the
// result or the refusal as plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { LibraryValidationError } from '../errors.ts';
import { FormatError } from './errors.ts';
import { readCatalogFile, type ReadCatalogOptions } from './read.ts';

const { data, options } = workerData as { data: Uint8Array; options: ReadCatalogOptions };
try {
  parentPort!.postMessage({ ok: readCatalogFile(data, options) });
} catch (error) {
  if (error instanceof FormatError)
    parentPort!.postMessage({ format: { code: error.code, params: error.params } });
  else if (error instanceof LibraryValidationError)
    parentPort!.postMessage({
      validation: { sourceName: error.sourceName, issues: error.issues, what: error.message },
    });
  else throw error;
}
