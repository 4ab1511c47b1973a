// The archive's container: a ZIP written with yazl (one entry at a time, each
// streamed with backpressure, so memory stays flat) and read with yauzl.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open as openFile, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import yauzl from 'yauzl';
import yazl from 'yazl';

/** One fixed entry time: two exports of the same data are the same bytes. */
const ENTRY_TIME = new Date(2000, 0, 1);

export interface WrittenPart {
  path: string;
  sha256: string;
  bytes: number;
}

/** Writes `${file}.partial` and renames it to `file` only once it is complete and synced. */
export class ArchiveWriter {
  private readonly zip = new yazl.ZipFile();
  private readonly partial: string;
  private readonly done: Promise<void>;

  constructor(private readonly file: string) {
    this.partial = `${file}.partial`;
    this.done = pipeline(this.zip.outputStream as Readable, createWriteStream(this.partial));
    // An early failure of the file surfaces at the next write; never as an unhandled rejection.
    this.done.catch(() => undefined);
  }

  /** Adds one entry from chunks of bytes (or text, as UTF-8), hashing them on the way. */
  async addPart(path: string, content: AsyncIterable<Buffer | string>): Promise<WrittenPart> {
    const input = new PassThrough();
    this.zip.addReadStream(input, path, { mtime: ENTRY_TIME, mode: 0o100644, compress: true });
    const hash = createHash('sha256');
    let bytes = 0;
    try {
      for await (const chunk of content) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        if (buffer.length === 0) continue;
        hash.update(buffer);
        bytes += buffer.length;
        if (!input.write(buffer)) await Promise.race([once(input, 'drain'), this.done]);
      }
    } finally {
      input.end();
    }
    return { path, sha256: hash.digest('hex'), bytes };
  }

  /** Adds the last entry, ends the ZIP, syncs it to disk and gives it its final name. */
  async finish(lastPath: string, last: Buffer) {
    this.zip.addBuffer(last, lastPath, { mtime: ENTRY_TIME, mode: 0o100644, compress: true });
    this.zip.end();
    await this.done;
    const handle = await openFile(this.partial, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(this.partial, this.file);
  }

  /** Stops writing and removes the partial file. */
  async abort() {
    (this.zip.outputStream as Readable).destroy();
    await this.done.catch(() => undefined);
    await rm(this.partial, { force: true });
  }
}

/** Random access to the entries of an archive file. */
export class ArchiveReader {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: Map<string, yauzl.Entry>,
  ) {}

  static async open(file: string): Promise<ArchiveReader> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, z) =>
        error ? reject(error) : resolve(z),
      ),
    );
    const entries = new Map<string, yauzl.Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
    return new ArchiveReader(zip, entries);
  }

  async stream(path: string): Promise<Readable> {
    const entry = this.entries.get(path);
    if (!entry) throw new Error(`${path}: not in the archive`);
    return new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
    );
  }

  async readAll(path: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.stream(path)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  close() {
    this.zip.close();
  }
}

/** Counts bytes and hashes what flows through, for a part read back. */
export class PartHash {
  private readonly hash = createHash('sha256');
  bytes = 0;
  update(chunk: Buffer) {
    this.hash.update(chunk);
    this.bytes += chunk.length;
  }
  digest() {
    return this.hash.digest('hex');
  }
}

/** Buffers of a stream, each also given to the hash. */
export async function* hashedChunks(stream: AsyncIterable<Buffer>, hash: PartHash) {
  for await (const chunk of stream) {
    hash.update(chunk);
    yield chunk;
  }
}

/** The lines of a UTF-8 stream (each ended by \n), each also hashed as bytes. */
export async function* lines(stream: AsyncIterable<Buffer>, hash: PartHash) {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    hash.update(chunk);
    rest += decoder.write(chunk);
    let start = 0;
    for (let end = rest.indexOf('\n'); end >= 0; end = rest.indexOf('\n', start)) {
      yield rest.slice(start, end);
      start = end + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.end();
  if (rest.length > 0) yield rest;
}
