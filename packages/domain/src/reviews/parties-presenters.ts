import type { InterestedParty, PartyFeedback } from '@mamoru/contracts';
import type { FeedbackView, PartyView } from '@mamoru/db/repositories/reviews-parties';

export function presentParty(r: PartyView): InterestedParty {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as InterestedParty['kind'],
    expectations: r.expectations,
    contact: r.contact,
    active: r.active,
    feedbackCount: Number(r.feedbackCount),
    openFeedbackCount: Number(r.openFeedbackCount),
    lastFeedbackOn: r.lastFeedbackOn,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentFeedback(r: FeedbackView): PartyFeedback {
  return {
    id: r.id,
    party: { id: r.partyId, name: r.partyName, kind: r.partyKind as InterestedParty['kind'] },
    receivedOn: r.receivedOn,
    channel: r.channel as PartyFeedback['channel'],
    content: r.content,
    sentiment: r.sentiment as PartyFeedback['sentiment'],
    response: r.response,
    respondedOn: r.respondedOn,
    recordedBy: r.recordedBy ? { id: r.recordedBy, name: r.recordedByName ?? '' } : null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
