import { DUE_ITEM_KINDS, type DueItemKind } from '@mamoru/contracts';
import type { IncidentVisibility } from '@mamoru/db/repositories/incidents-access';
import type { Executor } from '@mamoru/db';
import type { RequestContext } from '../audit/trail.ts';
import { reachOf } from '../identity/actor.ts';
import type { Permission } from '../identity/permissions.ts';
import { incidentAccess } from '../incidents/access.ts';

/** The permission that lets a reader see a kind of item: the one that opens its page. */
export const KIND_PERMISSION: Record<DueItemKind, Permission> = {
  document_review: 'documents:read',
  risk_review: 'isms:read',
  treatment_action: 'isms:read',
  resource_plan: 'resources:read',
  control_check: 'controls:read',
  training_session: 'training:read',
  training_renewal: 'training:read',
  competence_expiry: 'people:read',
  incident_clock: 'incidents:read',
  legal_review: 'legal:read',
  audit: 'audits:read',
  audit_followup: 'audits:read',
  management_review: 'reviews:read',
  objective_measurement: 'objectives:read',
  objective: 'objectives:read',
  attestation_expiry: 'isms:read',
  improvement_action: 'improvement:read',
  approval: 'approvals:read',
};

export interface Visibility {
  /** Kinds the reader sees at all. */
  kinds: DueItemKind[];
  /** Of those, kinds seen only where the reader is responsible ('own' reach). */
  ownKinds: DueItemKind[];
  incidents?: IncidentVisibility;
  approver?: { userId: string; roles: readonly string[] };
}

/**
 * What a reader may see of the calendar: the kinds of the areas they may
 * read, 'own' reach narrowing a kind to the items they are responsible for.
 * Approvals are always the reader's own inbox (those they may decide);
 * incidents follow the incident area's visibility (confidential ones hidden).
 */
export async function visibilityOf(db: Executor, ctx: RequestContext): Promise<Visibility> {
  const { actor } = ctx;
  const kinds: DueItemKind[] = [];
  const ownKinds: DueItemKind[] = [];
  for (const kind of DUE_ITEM_KINDS) {
    const reach = reachOf(actor, KIND_PERMISSION[kind]);
    if (!reach) continue;
    // 'own' needs someone to be: a token of no user sees none of those.
    if (reach === 'own' && !actor.userId) continue;
    kinds.push(kind);
    if (reach === 'own' && kind !== 'approval') ownKinds.push(kind);
  }
  const v: Visibility = { kinds, ownKinds };
  if (kinds.includes('incident_clock')) {
    const access = await incidentAccess(db, ctx);
    v.incidents = { read: access.read, confidential: access.confidential, userId: access.userId };
  }
  if (actor.userId) v.approver = { userId: actor.userId, roles: actor.roles };
  else if (actor.kind !== 'system') v.kinds = v.kinds.filter((k) => k !== 'approval');
  return v;
}
