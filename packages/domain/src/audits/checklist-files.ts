import * as repo from '@mamoru/db/repositories/audits-checklists';
import { notFound } from '../errors.ts';
import { registerFileOwner } from '../files/owners.ts';
import { conductedAudit, readableAudit } from './checklist-access.ts';
import { LINE_ENTITY } from './findings-raise.ts';

// Evidence sampled for a checklist line goes into the evidence store as files of
// the line: whoever sees the audit sees them; the team adds them while auditing.
registerFileOwner(LINE_ENTITY, {
  async authorizeRead(db, ctx, ownerId) {
    const auditId = await repo.auditOfLine(db, ctx.actor.organizationId, ownerId);
    if (!auditId) throw notFound('checklist line');
    await readableAudit(db, ctx, auditId);
  },
  async authorizeWrite(db, ctx, ownerId) {
    const auditId = await repo.auditOfLine(db, ctx.actor.organizationId, ownerId);
    if (!auditId) throw notFound('checklist line');
    await conductedAudit(db, ctx, auditId);
  },
});
