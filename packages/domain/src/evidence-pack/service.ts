import type { Db, Executor } from '@mamoru/db';
import * as packsRepo from '@mamoru/db/repositories/evidence-pack-jobs';
import * as repo from '@mamoru/db/repositories/evidence-pack';
import {
  EVIDENCE_PACK_JOB,
  EVIDENCE_PACK_OWNER,
  type PackRow,
} from '@mamoru/db/repositories/evidence-pack-jobs';
import * as filesRepo from '@mamoru/db/repositories/files';
import type { JobRow } from '@mamoru/db/repositories/jobs';
import * as auditsRepo from '@mamoru/db/repositories/audits';
import { getOrganization } from '@mamoru/db/repositories/organizations';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { createJob, progressReporter, runJob, withInterruption } from '../jobs/service.ts';
import { openFile, fileStorage } from '../files/service.ts';
import { registerFileOwner } from '../files/owners.ts';
import type { PackLang } from './labels.ts';
import { PART_STEPS, type PackFile } from './parts.ts';
import { partsOf, zipPack, type PackManifest } from './zip.ts';

/**
 * The evidence pack (審査用エビデンス一式): a background job that renders
 * every part as PDF and XLSX as of a day, zips them with a manifest and keeps
 * the ZIP in the file store (owner 'evidence_pack', the job's id), so any
 * instance serves the download. The newest KEEP_PACKS packs keep their ZIP.
 */
export const KEEP_PACKS = 10;

export interface PackRequest {
  asOf?: string | undefined;
  auditId?: string | undefined;
  lang: PackLang;
}

/** What the job row keeps: the request while it runs, then the outcome too. */
export interface PackResult {
  request: { asOf: string; auditId: string | null; lang: PackLang };
  files?: number;
  emptyParts?: string[];
  bytes?: number;
  sha256?: string;
  filename?: string;
  pruned?: string[];
}

const dayAfter = (asOf: string) => new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000);
const today = (now: Date) => now.toISOString().slice(0, 10);

async function resolveRequest(db: Db, ctx: RequestContext, input: PackRequest, now: Date) {
  const org = ctx.actor.organizationId;
  if (input.auditId) {
    const audit = await auditsRepo.getAudit(db, org, input.auditId);
    if (!audit) throw notFound('audit');
    const day = await repo.auditDay(db, org, audit.id);
    return { asOf: day ?? today(now), auditId: audit.id, lang: input.lang };
  }
  const asOf = input.asOf ?? today(now);
  // A pack states what stood on a day; a day still to come has nothing to state yet.
  if (asOf > today(now)) throw invalid([{ field: 'asOf', code: 'evidence_pack_as_of_future' }]);
  return { asOf, auditId: null, lang: input.lang };
}

/** Creates the pack's job row, with its request; the caller then runs it in a job slot. */
export async function startPack(
  db: Db,
  ctx: RequestContext,
  input: PackRequest,
  now = new Date(),
): Promise<JobRow> {
  authorize(ctx.actor, 'evidence_packs:create');
  const request = await resolveRequest(db, ctx, input, now);
  const job = await createJob(db, ctx, EVIDENCE_PACK_JOB);
  const result: PackResult = { request };
  await packsRepo.setJobRequest(db, job.organizationId, job.id, result);
  return { ...job, result };
}

const filenameOf = (slugSource: string, asOf: string, lang: PackLang) => {
  const slug = slugSource
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `evidence-pack-${slug || 'organization'}-${asOf}-${lang}.zip`;
};

/**
 * Renders, zips and stores the pack; then the ZIPs of packs beyond the
 * newest KEEP_PACKS go. Reads run outside any transaction (exports do);
 * storing, pruning and the audit event are one transaction.
 */
export function runPack(
  db: Db,
  ctx: RequestContext,
  job: JobRow,
  options: { mamoruVersion: string; now?: () => Date },
) {
  authorize(ctx.actor, 'evidence_packs:create');
  const org = ctx.actor.organizationId;
  const clock = options.now ?? (() => new Date());
  return runJob(db, job, async () => {
    const { request } = job.result as PackResult;
    const organization = await getOrganization(db, org);
    const name = organization?.name ?? '';
    const before = dayAfter(request.asOf);
    const facts = { organization: name, asOf: request.asOf, lang: request.lang };
    const report = progressReporter(db, org, job.id, 0);
    const total = PART_STEPS.length + 1;
    const files: PackFile[] = [];
    for (const [i, step] of PART_STEPS.entries()) {
      await report({ phase: step.name, processed: i, total }, true);
      files.push(...(await step.build({ db, ctx, facts, before })));
    }
    await report({ phase: 'zipping', processed: PART_STEPS.length, total }, true);
    const audit = request.auditId ? await auditsRepo.getAudit(db, org, request.auditId) : null;
    const { zip, manifest } = await zipPack(files, {
      format: 'mamoru-evidence-pack',
      formatVersion: 1,
      mamoruVersion: options.mamoruVersion,
      organization: { id: org, name },
      asOf: request.asOf,
      audit: audit ? { id: audit.id, code: audit.code } : null,
      lang: request.lang,
      generatedAt: clock().toISOString(),
      generatedBy: { id: ctx.actor.userId, name: ctx.actor.displayName },
      auditHead: await repo.auditHeadBefore(db, org, before),
      parts: partsOf(files, request.lang),
    });
    const filename = filenameOf(name, request.asOf, request.lang);
    const stored = await db.transaction((tx) => store(tx, ctx, job.id, zip, filename, manifest));
    const result: PackResult = {
      request,
      files: manifest.files.length + 1,
      emptyParts: manifest.parts.filter((p) => p.empty).map((p) => p.key),
      bytes: zip.length,
      sha256: stored.sha256,
      filename,
      pruned: stored.pruned,
    };
    return { status: 'succeeded', result, processed: total, total };
  });
}

async function store(
  tx: Executor,
  ctx: RequestContext,
  jobId: string,
  zip: Buffer,
  filename: string,
  manifest: PackManifest,
) {
  const org = ctx.actor.organizationId;
  const content = await fileStorage().put(
    tx,
    org,
    (async function* () {
      yield zip;
    })(),
  );
  await filesRepo.insertFile(tx, {
    organizationId: org,
    blobId: content.ref,
    sha256: content.sha256,
    size: content.size,
    mediaType: 'application/zip',
    originalName: filename,
    ownerType: EVIDENCE_PACK_OWNER,
    ownerId: jobId,
    uploadedBy: ctx.actor.userId,
  });
  const pruned = await packsRepo.packsBeyond(tx, org, KEEP_PACKS, jobId);
  for (const id of pruned) {
    await filesRepo.deleteFiles(tx, org, { ownerType: EVIDENCE_PACK_OWNER, ownerId: id });
  }
  await recordAudit(tx, ctx, [
    {
      action: 'evidence_pack.created',
      entityType: 'evidence_pack',
      entityId: jobId,
      after: {
        asOf: manifest.asOf,
        lang: manifest.lang,
        audit: manifest.audit?.code ?? null,
        sha256: content.sha256,
        size: content.size,
        files: manifest.files.length,
        auditHead: manifest.auditHead?.seq ?? null,
        ...(pruned.length ? { pruned } : {}),
      },
    },
  ]);
  return { sha256: content.sha256, pruned };
}

/** The organization's packs, newest first (a running one reads as failed once its runner went away). */
export async function listPacks(db: Db, ctx: RequestContext, limit = 50) {
  authorize(ctx.actor, 'evidence_packs:read');
  const rows = await packsRepo.listPacks(db, ctx.actor.organizationId, limit);
  return rows.map(interrupted);
}

const interrupted = (row: PackRow): PackRow => {
  const asJob = withInterruption({
    ...row,
    organizationId: '',
    kind: EVIDENCE_PACK_JOB,
  });
  return { ...row, status: asJob.status, phase: asJob.phase, error: asJob.error };
};

export async function getPack(db: Db, ctx: RequestContext, id: string) {
  authorize(ctx.actor, 'evidence_packs:read');
  const row = await packsRepo.getPack(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('evidence_pack');
  return interrupted(row);
}

/**
 * The pack's ZIP as a verified stream; the download is recorded in the audit
 * trail first (who took the pack away, and which bytes).
 */
export async function downloadPack(db: Db, ctx: RequestContext, id: string) {
  const pack = await getPack(db, ctx, id);
  if (!pack.fileId) {
    throw pack.status === 'succeeded'
      ? conflict('evidence_pack_pruned')
      : conflict('evidence_pack_not_ready');
  }
  const opened = await openFile(db, ctx, pack.fileId);
  await db.transaction((tx) =>
    recordAudit(tx, ctx, [
      {
        action: 'evidence_pack.downloaded',
        entityType: 'evidence_pack',
        entityId: pack.id,
        after: { sha256: opened.file.sha256, size: opened.file.size },
      },
    ]),
  );
  return opened;
}

// The stored ZIPs are read like their pack; nobody attaches or detaches them by hand.
registerFileOwner(EVIDENCE_PACK_OWNER, {
  async authorizeRead(db, ctx, ownerId) {
    authorize(ctx.actor, 'evidence_packs:read');
    const row = await packsRepo.getPack(db, ctx.actor.organizationId, ownerId);
    if (!row) throw notFound('evidence_pack');
  },
  async authorizeWrite(_db, _ctx, _ownerId) {
    throw conflict('evidence_pack_files_fixed');
  },
});
