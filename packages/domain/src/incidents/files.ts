import { incidentAccessRow } from '@mamoru/db/repositories/incidents-access';
import { forbidden } from '../errors.ts';
import { registerFileOwner } from '../files/owners.ts';
import { assertSees, handlesIncident, incidentAccess, INCIDENT_ENTITY } from './access.ts';
import { closedRefusal } from './update.ts';

// Evidence files of an incident (kept in the evidence store with their
// SHA-256): read by whoever sees the incident; attached or removed by its
// handlers, and by its reporter while it is open (a screenshot of what they saw).
registerFileOwner(INCIDENT_ENTITY, {
  async authorizeRead(db, ctx, ownerId) {
    const access = await incidentAccess(db, ctx);
    assertSees(access, await incidentAccessRow(db, ctx.actor.organizationId, ownerId));
  },
  async authorizeWrite(db, ctx, ownerId) {
    const access = await incidentAccess(db, ctx);
    const row = await incidentAccessRow(db, ctx.actor.organizationId, ownerId);
    assertSees(access, row);
    const ownReport = !!access.userId && row.reporterId === access.userId;
    if (!handlesIncident(access, row) && !ownReport) {
      throw forbidden('forbidden', { permission: 'incidents:handle' });
    }
    if (row.status === 'closed') throw closedRefusal();
  },
});
