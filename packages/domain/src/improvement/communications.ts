import type { Db, Executor } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/improvement-communications';
import * as register from '@mamoru/db/repositories/improvement-register';
import type {
  CommunicationCreate,
  CommunicationListQuery,
  CommunicationUpdate,
} from '@mamoru/contracts';
import { diff } from '../audit/hash.ts';
import { recordAudit, type RequestContext } from '../audit/trail.ts';
import { forbidden, invalid, notFound, staleVersion } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { authorizeAll } from './improvements.ts';

/**
 * The communication log (4.2.4.c): which results and actions were told to which
 * interested parties, when and how, and whether they agreed.
 */
export const COMMUNICATION_ENTITY = 'improvement_communication';

const linkOf = (l: { type: string; id: string; label?: string | undefined }) => ({
  type: l.type,
  id: l.id,
  label: l.label ?? '',
});

const contentOf = (r: repo.CommunicationRow) => ({
  subject: r.subject,
  nonconformityId: r.nonconformityId,
  improvementId: r.improvementId,
  audience: r.audience,
  channel: r.channel,
  communicatedOn: r.communicatedOn,
  summary: r.summary,
  agreement: r.agreement,
  agreementNote: r.agreementNote,
  attachments: r.attachments,
  version: r.version,
});

/** What was communicated must be a nonconformity or improvement of the organization. */
async function checkSubjects(
  db: Executor,
  org: string,
  input: { nonconformityId?: string | null | undefined; improvementId?: string | null | undefined },
) {
  const errors = [];
  if (input.nonconformityId && !(await register.nonconformityRef(db, org, input.nonconformityId))) {
    errors.push({ field: 'nonconformityId', code: 'reference_not_found' });
  }
  if (input.improvementId && !(await register.getImprovement(db, org, input.improvementId))) {
    errors.push({ field: 'improvementId', code: 'reference_not_found' });
  }
  if (errors.length) throw invalid(errors);
}

export async function getCommunication(db: Db, ctx: RequestContext, id: string) {
  const reach = authorize(ctx.actor, 'improvement:read');
  const row = await repo.getCommunicationView(db, ctx.actor.organizationId, id);
  if (!row) throw notFound('communication');
  if (reach === 'own' && row.createdBy !== ctx.actor.userId) {
    throw forbidden('forbidden_not_owner', { permission: 'improvement:read' });
  }
  return row;
}

export async function listCommunications(db: Db, ctx: RequestContext, q: CommunicationListQuery) {
  const reach = authorize(ctx.actor, 'improvement:read');
  return repo.listCommunications(
    db,
    ctx.actor.organizationId,
    {
      nonconformityId: q.nonconformityId,
      improvementId: q.improvementId,
      agreement: q.agreement,
      channel: q.channel,
      visibleTo: reach === 'own' ? (ctx.actor.userId ?? '') : undefined,
    },
    q,
  );
}

export async function recordCommunication(db: Db, ctx: RequestContext, input: CommunicationCreate) {
  authorizeAll(ctx.actor, 'improvement:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    await checkSubjects(tx, org, input);
    const row = await repo.insertCommunication(tx, {
      organizationId: org,
      subject: input.subject ? linkOf(input.subject) : null,
      nonconformityId: input.nonconformityId ?? null,
      improvementId: input.improvementId ?? null,
      audience: input.audience,
      channel: input.channel,
      communicatedOn: input.communicatedOn,
      summary: input.summary,
      agreement: input.agreement,
      agreementNote: input.agreementNote,
      attachments: input.attachments.map(linkOf),
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, [
      {
        action: 'improvement_communication.recorded',
        entityType: COMMUNICATION_ENTITY,
        entityId: row.id,
        after: contentOf(row),
      },
    ]);
    return (await repo.getCommunicationView(tx, org, row.id))!;
  });
}

export async function updateCommunication(
  db: Db,
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
  patch: CommunicationUpdate,
) {
  authorizeAll(ctx.actor, 'improvement:manage');
  const org = ctx.actor.organizationId;
  return db.transaction(async (tx) => {
    const before = await repo.getCommunication(tx, org, id, true);
    if (!before) throw notFound('communication');
    if (before.version !== expectedVersion) throw staleVersion();
    await checkSubjects(tx, org, patch);
    const { subject, attachments, ...rest } = patch;
    const updated = await repo.updateCommunication(tx, org, id, expectedVersion, {
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      ...(subject !== undefined && { subject: subject ? linkOf(subject) : null }),
      ...(attachments !== undefined && { attachments: attachments.map(linkOf) }),
    });
    if (!updated) throw staleVersion();
    await recordAudit(tx, ctx, [
      {
        action: 'improvement_communication.updated',
        entityType: COMMUNICATION_ENTITY,
        entityId: id,
        ...diff(contentOf(before), contentOf(updated)),
      },
    ]);
    return (await repo.getCommunicationView(tx, org, id))!;
  });
}
