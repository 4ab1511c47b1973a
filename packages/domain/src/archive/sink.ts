// Writing an archive's parts into a database inside one transaction, then
// checking the result before the caller commits: importArchive (from a ZIP) and
// copyDatabase (from another database) both feed parts through it.
import type { Tx } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/archive-import';
import * as auditRepo from '@mamoru/db/repositories/audit';
import { verifyAuditChain } from '../audit/trail.ts';
import { CHUNK_SIZE } from '../files/storage.ts';
import { verifyStoredFiles } from '../files/verify.ts';
import { createHash } from 'node:crypto';
import type { ArchiveProgress } from './manifest.ts';
import type { ArchivePlan, TablePlan } from './plan.ts';
import type { Part } from './source.ts';
import type { ArchiveUpgrader } from './upgraders.ts';

/** An archive that cannot be imported, with each reason. */
export class ArchiveError extends Error {
  constructor(
    message: string,
    readonly problems: { part?: string; problem: string; detail?: string }[] = [],
  ) {
    super(
      problems.length
        ? `${message}:\n${problems.map((p) => `  ${p.part ? `${p.part}: ` : ''}${p.problem}${p.detail ? ` (${p.detail})` : ''}`).join('\n')}`
        : message,
    );
    this.name = 'ArchiveError';
  }
}

const BATCH_ROWS = 1000;
const BATCH_CHARS = 4 * 1024 * 1024;
/** Chunks per INSERT of evidence bytes (2 MiB). */
const CHUNKS_PER_INSERT = 8;

export interface SinkOptions {
  onProgress?: ((p: ArchiveProgress) => void) | undefined;
  upgraders?: ArchiveUpgrader[];
}

export class ImportSink {
  rows = 0;
  files = 0;
  private readonly tables: Map<string, TablePlan>;
  /** The columns each imported table part carried (its deferred columns are set from them). */
  private readonly carried = new Map<string, Set<string>>();
  private missingShipped: string[] = [];

  constructor(
    private readonly tx: Tx,
    private readonly plan: ArchivePlan,
    private readonly organizationIds: string[],
    private readonly options: SinkOptions = {},
  ) {
    this.tables = new Map(plan.tables.map((t) => [t.name, t]));
  }

  async begin() {
    await repo.prepareImport(this.tx);
    for (const t of this.plan.tables) {
      if (t.deferred.length > 0) await repo.createDeferredStash(this.tx, t.name);
    }
  }

  async part(part: Part) {
    if (part.kind === 'file') return this.file(part.path, part.sha256, part.data);
    if (part.kind === 'refs') {
      const rows: string[] = [];
      for await (const row of part.rows) rows.push(row);
      const key = this.plan.shipped.find((s) => s.table === part.table)?.key;
      if (!key) return; // nothing archived here references that table any more
      this.missingShipped.push(
        ...(await repo.mapShippedRows(this.tx, part.table, key, `[${rows.join(',')}]`)).map(
          (id) => `${part.table} ${id}`,
        ),
      );
      return;
    }
    return this.table(part.path, part.table, part.rows);
  }

  private async table(path: string, name: string, source: AsyncIterable<string>) {
    const table = this.tables.get(name);
    const upgraders = this.options.upgraders ?? [];
    let insert: repo.InsertPlan | null = null;
    let batch: string[] = [];
    let chars = 0;
    let count = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await repo.insertRows(this.tx, insert!, `[${batch.join(',')}]`).catch((error: unknown) => {
        const hint = this.missingShipped.length
          ? ` (this Mamoru does not ship: ${this.missingShipped.join(', ')})`
          : '';
        throw new Error(`${path}: ${(error as Error).message}${hint}`, { cause: error });
      });
      count += batch.length;
      this.options.onProgress?.({ part: path, rows: count });
      batch = [];
      chars = 0;
    };
    for await (const line of source) {
      let text = line;
      if (upgraders.length > 0) {
        let row: Record<string, unknown> | null = JSON.parse(line) as Record<string, unknown>;
        for (const u of upgraders) row = row && u.upgradeRow(name, row);
        if (!row) continue;
        text = JSON.stringify(row);
      }
      if (!table) throw new ArchiveError(`${path}: this database has no table ${name}`);
      insert ??= this.insertPlan(path, table, text);
      batch.push(text);
      chars += text.length;
      if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
    }
    await flush();
    this.rows += count;
    this.options.onProgress?.({ part: path, rows: count });
  }

  /** Maps the archive's columns (the keys of its first row) onto the table's. */
  private insertPlan(path: string, table: TablePlan, firstRow: string): repo.InsertPlan {
    const keys = new Set(Object.keys(JSON.parse(firstRow) as object));
    const known = new Set(table.table.columns.map((c) => c.name));
    const unknown = [...keys].filter((k) => !known.has(k));
    if (unknown.length > 0) {
      throw new ArchiveError(
        `${path}: this database's ${table.name} has no column ${unknown.join(', ')} ` +
          '(an archive of a newer Mamoru, or a migration without its archive upgrader)',
      );
    }
    this.carried.set(table.name, keys);
    return {
      table: table.name,
      columns: table.table.columns.filter((c) => keys.has(c.name)),
      deferred: table.deferred.filter((c) => keys.has(c)),
      mapped: table.mapped.filter((m) => keys.has(m.column)),
    };
  }

  /** One content's bytes, re-chunked, into every imported blob with its SHA-256. */
  private async file(path: string, sha256: string, data: AsyncIterable<Buffer>) {
    const blobs = await repo.blobsWithSha(this.tx, this.organizationIds, sha256);
    if (blobs.length === 0) throw new ArchiveError(`${path}: no evidence file has this content`);
    const hash = createHash('sha256');
    let seq = 0;
    let size = 0;
    let pending: Buffer[] = [];
    const write = async () => {
      for (const blob of blobs) await repo.insertChunks(this.tx, blob.id, seq, pending);
      seq += pending.length;
      pending = [];
    };
    let carry: Buffer = Buffer.alloc(0);
    for await (const chunk of data) {
      hash.update(chunk);
      size += chunk.length;
      carry = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      while (carry.length >= CHUNK_SIZE) {
        pending.push(carry.subarray(0, CHUNK_SIZE));
        carry = carry.subarray(CHUNK_SIZE);
        if (pending.length >= CHUNKS_PER_INSERT) await write();
      }
    }
    if (carry.length > 0) pending.push(carry);
    await write();
    if (hash.digest('hex') !== sha256)
      throw new ArchiveError(`${path}: bytes do not match the name`);
    for (const blob of blobs) {
      if (blob.size !== size)
        throw new ArchiveError(`${path}: ${size} bytes, the file record says ${blob.size}`);
      if (blob.chunk_count !== seq) await repo.setChunkCount(this.tx, blob.id, seq);
    }
    this.files += 1;
    this.options.onProgress?.({ part: path, rows: 0 });
  }

  /**
   * Sets the deferred back-references and the sequences, then proves the result:
   * each organization's audit chain up to the expected head, every evidence hash.
   */
  async finish(heads: Map<string, { seq: number; hash: string } | null>) {
    for (const t of this.plan.tables) {
      const deferred = t.deferred.filter((c) => this.carried.get(t.name)?.has(c));
      if (deferred.length > 0) {
        if (t.table.updateTrigger) throw new Error(`archive: ${t.name} cannot be updated`);
        await repo.applyDeferred(this.tx, t.name, t.table.primaryKey, deferred);
      }
      for (const s of t.table.sequences) {
        await repo.setSequenceToMax(this.tx, t.name, s.column, s.sequence);
      }
    }
    const problems: { part?: string; problem: string; detail?: string }[] = [];
    for (const id of this.organizationIds) {
      const chain = await verifyAuditChain(this.tx, id);
      if (!chain.ok) {
        problems.push({
          problem: `the audit chain of organization ${id} does not verify`,
          detail: `event #${chain.broken!.seq}: ${chain.broken!.reason}`,
        });
      }
      const expected = heads.get(id) ?? null;
      const head = await auditRepo.getAuditHead(this.tx, id);
      const actual = head ? { seq: head.lastSeq, hash: head.lastHash } : null;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        problems.push({
          problem: `the audit head of organization ${id} is not the one exported`,
          detail: `${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`,
        });
      }
      const files = await verifyStoredFiles(this.tx, { organizationId: id });
      for (const p of files.problems) {
        problems.push({ part: `files/${p.sha256}`, problem: `evidence file ${p.problem}` });
      }
    }
    if (problems.length > 0) throw new ArchiveError('the imported data does not verify', problems);
  }
}
