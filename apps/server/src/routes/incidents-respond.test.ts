import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { IncidentSettings, IncidentType, NonconformityDetail } from '@mamoru/contracts';
import { schema } from '@mamoru/db';
import { notificationsOf, obligationsOf } from '@mamoru/db/repositories/incidents-clocks';
import { describeEachDatabase } from '@mamoru/db/testing';
import { incidents } from '@mamoru/domain';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { etag, insertIncident, someRiskIds } from './incidents-respond.fixtures.ts';

const fields = (res: { json: () => { errors?: { field: string; code: string }[] } }) =>
  (res.json().errors ?? []).map((e) => `${e.field}:${e.code}`);

describeEachDatabase('incidents: notifications, related risks, raising', (ctx) => {
  let app: App;
  let manager: Client; // admin + ISMS manager (set-up)
  let staff: Client;
  let teamMember: Client; // staff, on the incident team through the settings' ISMS role
  let auditor: Client; // internal auditor: reads, never handles
  let otherOrg: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    staff = await createUserAndLogin(manager, { roles: ['staff'] });
    teamMember = await createUserAndLogin(manager, { roles: ['staff'] });
    auditor = await createUserAndLogin(manager, { roles: ['internal_auditor'] });
    otherOrg = (await addOrganization(app)).admin;
    // The APPI obligations, whose clocks the notifications stop.
    for (const org of [manager, otherOrg]) {
      expect((await org.post('/api/v1/incident-obligations/presets')).statusCode).toBe(200);
    }
  });
  afterAll(() => app.close());

  describe('on an incident', () => {
    it('records a notification, with a timeline entry, and its clock turns met', async () => {
      const incident = await insertIncident(manager);
      const org = manager.organization.id;
      const db = app.database.db;
      const preliminary = (await obligationsOf(db, org)).find(
        (o) => o.presetKey === 'appi_preliminary',
      )!;
      const clocks = async () =>
        incidents.clocksOf(
          { ...incident, type: incident.type as IncidentType },
          await obligationsOf(db, org),
          await notificationsOf(db, org, [incident.id]),
          'Asia/Tokyo',
          new Date('2026-04-02T00:00:00Z'),
        );
      const before = (await clocks()).find((c) => c.obligationId === preliminary.id)!;
      expect(before.status).toBe('pending');
      const res = await manager.post(`/api/v1/incidents/${incident.id}/notifications`, {
        obligationId: preliminary.id,
        recipient: 'PPC web form',
        sentAt: '2026-04-03T10:00:00+09:00',
        channel: 'web_form',
        summary: 'First report filed',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({
        obligationId: preliminary.id,
        recipient: 'PPC web form',
        sentAt: '2026-04-03T01:00:00.000Z',
        channel: 'web_form',
        sentBy: { id: manager.user.id },
      });
      const after = (await clocks()).find((c) => c.obligationId === preliminary.id)!;
      expect(after).toMatchObject({ status: 'met', sentAt: '2026-04-03T01:00:00.000Z' });
      const timeline = await db
        .select()
        .from(schema.incidentTimeline)
        .where(eq(schema.incidentTimeline.incidentId, incident.id));
      expect(timeline).toHaveLength(1);
      expect(timeline[0]).toMatchObject({ kind: 'notification', actorId: manager.user.id });
      expect(timeline[0]!.text).toContain('First report filed');
      // Sent before the discovery, or not yet sent: refused.
      for (const [sentAt, code] of [
        ['2026-04-01T23:00:00+09:00', 'sentAt:notification_before_discovery'],
        ['2999-01-01T00:00:00Z', 'sentAt:notification_in_future'],
      ] as const) {
        const wrong = await manager.post(`/api/v1/incidents/${incident.id}/notifications`, {
          recipient: 'PPC',
          sentAt,
          channel: 'email',
        });
        expect(wrong.statusCode, wrong.body).toBe(422);
        expect(fields(wrong)).toEqual([code]);
      }
      // An obligation of another organization is refused.
      const foreign = (await obligationsOf(db, otherOrg.organization.id))[0]!;
      const refused = await manager.post(`/api/v1/incidents/${incident.id}/notifications`, {
        obligationId: foreign.id,
        recipient: 'x',
        sentAt: '2026-04-03T10:00:00+09:00',
        channel: 'email',
      });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(fields(refused)).toEqual(['obligationId:reference_not_found']);
    });

    it('relates risks and asks for their reassessment', async () => {
      const incident = await insertIncident(manager);
      const [a, b, c] = await someRiskIds(manager, 3);
      const url = `/api/v1/incidents/${incident.id}`;
      const set = await manager.put(`${url}/risks`, { riskIds: [a, b] });
      expect(set.statusCode, set.body).toBe(200);
      expect(
        set
          .json()
          .items.map((r: { id: string }) => r.id)
          .sort(),
      ).toEqual([a, b].sort());
      const unknown = await manager.put(`${url}/risks`, { riskIds: [a, incident.id] });
      expect(unknown.statusCode).toBe(422);
      expect(fields(unknown)).toEqual(['riskIds.1:reference_not_found']);
      const stranger = await manager.post(`${url}/reassessment`, { riskIds: [c] });
      expect(fields(stranger)).toEqual(['riskIds.0:incident_risk_not_related']);
      const asked = await manager.post(`${url}/reassessment`, { riskIds: [a] });
      expect(asked.statusCode, asked.body).toBe(200);
      const byId = Object.fromEntries(
        asked.json().items.map((r: { id: string }) => [r.id, r] as const),
      );
      expect(byId[a!]).toMatchObject({ reassessed: false });
      expect(byId[a!].reassessmentRequestedAt).not.toBeNull();
      expect(byId[b!].reassessmentRequestedAt).toBeNull();
      // Replacing the set keeps the request of a risk that stays.
      const kept = await manager.put(`${url}/risks`, { riskIds: [a, c] });
      const keptA = kept.json().items.find((r: { id: string }) => r.id === a);
      expect(keptA.reassessmentRequestedAt).toBe(byId[a!].reassessmentRequestedAt);
      const events = await manager.get(
        `/api/v1/audit/events?action=incident.reassessment_requested`,
      );
      expect(events.body).toContain(incident.id);
    });

    it('raises a nonconformity linked back to the incident, dated in the organization’s time zone', async () => {
      // 01:00 on 1 April in Tokyo, still 31 March in UTC.
      const incident = await insertIncident(manager, {
        discoveredAt: new Date('2026-03-31T16:00:00Z'),
        rootCause: 'No disk encryption on loan laptops',
      });
      const res = await manager.post(`/api/v1/incidents/${incident.id}/raise`, {
        kind: 'nonconformity',
        severity: 'major',
      });
      expect(res.statusCode, res.body).toBe(201);
      const raised = res.json();
      expect(raised).toMatchObject({
        kind: 'nonconformity',
        title: incident.title,
        status: 'reported',
      });
      expect(raised.reference).toMatch(/^NC-\d{4}$/);
      const nc = (await manager.get(`/api/v1/nonconformities/${raised.id}`)).json<
        NonconformityDetail & { sourceLink?: { type: string; id: string } }
      >();
      expect(nc).toMatchObject({ source: 'incident', detectedOn: '2026-04-01', severity: 'major' });
      const [row] = await app.database.db
        .select()
        .from(schema.nonconformities)
        .where(eq(schema.nonconformities.id, raised.id));
      expect(row!.sourceLink).toMatchObject({ type: 'incident', id: incident.id });
      expect(row!.description).toBe('No disk encryption on loan laptops');
      const events = await manager.get('/api/v1/audit/events?action=incident.nonconformity_raised');
      expect(events.body).toContain(incident.id);
    });

    it('raises an improvement from the lessons learned', async () => {
      const incident = await insertIncident(manager, { lessonsLearned: 'Encrypt every laptop' });
      const res = await manager.post(`/api/v1/incidents/${incident.id}/raise`, {
        kind: 'improvement',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().reference).toMatch(/^IMP-\d{4}$/);
      const [row] = await app.database.db
        .select()
        .from(schema.improvements)
        .where(eq(schema.improvements.id, res.json().id));
      expect(row).toMatchObject({
        source: 'incident_lesson',
        description: 'Encrypt every laptop',
        sourceLink: { type: 'incident', id: incident.id },
      });
    });

    it('lets only those who handle the incident act on it', async () => {
      const incident = await insertIncident(manager, { reporterId: staff.user.id });
      const confidential = await insertIncident(manager, { confidential: true });
      const acts = (id: string) =>
        [
          [
            'post',
            `/api/v1/incidents/${id}/notifications`,
            {
              recipient: 'PPC',
              sentAt: '2026-04-03T10:00:00+09:00',
              channel: 'email',
            },
          ],
          ['put', `/api/v1/incidents/${id}/risks`, { riskIds: [] }],
          ['post', `/api/v1/incidents/${id}/reassessment`, {}],
          ['post', `/api/v1/incidents/${id}/raise`, { kind: 'improvement' }],
        ] as const;
      const expectAll = async (who: Client, id: string, status: number) => {
        for (const [method, url, body] of acts(id)) {
          const res = await who[method](url, body);
          expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
        }
      };
      // The reporter sees their report but does not handle it; the auditor reads, never handles.
      await expectAll(staff, incident.id, 403);
      await expectAll(auditor, incident.id, 403);
      // Confidential incidents are not even shown to them.
      await expectAll(auditor, confidential.id, 404);
      await expectAll(staff, confidential.id, 404);
      await expectAll(teamMember, incident.id, 404);

      // On the team through the settings' ISMS role, a staff member handles every incident.
      const role = (await manager.get('/api/v1/isms-roles'))
        .json()
        .items.find((r: { code: string }) => r.code === 'INCIDENT_LEAD');
      const assigned = await manager.post(`/api/v1/isms-roles/${role.id}/assignments`, {
        userId: teamMember.user.id,
      });
      expect(assigned.statusCode, assigned.body).toBe(201);
      const settings = (await manager.get('/api/v1/incident-settings')).json<IncidentSettings>();
      const teamed = await manager.patch(
        '/api/v1/incident-settings',
        { teamRoleId: role.id },
        etag(settings),
      );
      expect(teamed.statusCode, teamed.body).toBe(200);
      expect(teamed.json().team.role).toMatchObject({ id: role.id, code: 'INCIDENT_LEAD' });
      const sent = await teamMember.post(`/api/v1/incidents/${confidential.id}/notifications`, {
        recipient: 'The persons concerned',
        sentAt: '2026-04-04T09:00:00+09:00',
        channel: 'letter',
      });
      expect(sent.statusCode, sent.body).toBe(201);
      const raised = await teamMember.post(`/api/v1/incidents/${incident.id}/raise`, {
        kind: 'improvement',
      });
      expect(raised.statusCode, raised.body).toBe(201);
      // Handling is not managing: the settings stay closed to the team member.
      const patch = await teamMember.patch(
        '/api/v1/incident-settings',
        { triageTargetHours: 2 },
        etag(teamed.json()),
      );
      expect(patch.statusCode).toBe(403);
    });
  });
});
