import type { Communication, Improvement, PreventiveProposal } from '@mamoru/contracts';
import type { ProposalView } from '@mamoru/db/repositories/improvement-proposals';
import type { CommunicationView } from '@mamoru/db/repositories/improvement-communications';
import type { ImprovementView } from '@mamoru/db/repositories/improvement-register';

/** Register codes as people say them: IMP-0001, NC-0001. */
export const improvementCode = (n: number) => `IMP-${String(n).padStart(4, '0')}`;
export const nonconformityCode = (n: number) => `NC-${String(n).padStart(4, '0')}`;

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
const link = (l: { type: string; id: string; label?: string } | null) =>
  l ? { type: l.type, id: l.id, label: l.label ?? '' } : null;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentImprovement(r: ImprovementView): Improvement {
  return {
    id: r.id,
    number: r.number,
    code: improvementCode(r.number),
    source: r.source as Improvement['source'],
    sourceLink: link(r.sourceLink ?? null),
    auditFindingId: r.auditFindingId,
    title: r.title,
    description: r.description,
    suggestedBy: person(r.suggestedBy, r.suggestedByName),
    status: r.status as Improvement['status'],
    decisionReason: r.decisionReason,
    decidedBy: person(r.decidedBy, r.decidedByName),
    decidedAt: iso(r.decidedAt),
    owner: person(r.ownerId, r.ownerName),
    dueDate: r.dueDate,
    implementation: r.implementation,
    implementedAt: iso(r.implementedAt),
    evidence: r.evidence.map((l) => link(l)!),
    objectiveId: r.objectiveId,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentCommunication(r: CommunicationView): Communication {
  return {
    id: r.id,
    subject: link(r.subject ?? null),
    nonconformity:
      r.nonconformityId && r.ncNumber !== null
        ? { id: r.nonconformityId, code: nonconformityCode(r.ncNumber), title: r.ncTitle ?? '' }
        : null,
    improvement:
      r.improvementId && r.improvementNumber !== null
        ? {
            id: r.improvementId,
            code: improvementCode(r.improvementNumber),
            title: r.improvementTitle ?? '',
          }
        : null,
    audience: r.audience,
    channel: r.channel as Communication['channel'],
    communicatedOn: r.communicatedOn,
    summary: r.summary,
    agreement: r.agreement as Communication['agreement'],
    agreementNote: r.agreementNote,
    attachments: r.attachments.map((l) => link(l)!),
    createdBy: person(r.createdBy, r.createdByName),
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentProposal(r: ProposalView): PreventiveProposal {
  return {
    id: r.id,
    risk: {
      id: r.riskId,
      code: r.riskCode,
      assetName: r.assetName,
      threatCode: r.threatCode,
      level: r.riskLevel,
    },
    reason: r.reason as PreventiveProposal['reason'],
    previousLevel: r.previousLevel,
    newLevel: r.newLevel,
    priority: r.priority as PreventiveProposal['priority'],
    status: r.status as PreventiveProposal['status'],
    decisionReason: r.decisionReason,
    decidedBy: person(r.decidedBy, r.decidedByName),
    decidedAt: iso(r.decidedAt),
    nonconformity:
      r.nonconformityId && r.ncNumber !== null
        ? { id: r.nonconformityId, code: nonconformityCode(r.ncNumber) }
        : null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}
