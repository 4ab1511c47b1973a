import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentObligation, IncidentSettings } from '@mamoru/contracts';
import { describeEachDatabase } from '@mamoru/db/testing';
import { buildTestApp, type App } from '../testing/app.ts';
import {
  addOrganization,
  createUserAndLogin,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { createOrgUnit } from '../testing/isms.ts';
import { etag } from './incidents-respond.fixtures.ts';

const fields = (res: { json: () => { errors?: { field: string; code: string }[] } }) =>
  (res.json().errors ?? []).map((e) => `${e.field}:${e.code}`);

describeEachDatabase('incidents: settings and notification obligations', (ctx) => {
  let app: App;
  let manager: Client; // admin + ISMS manager (set-up)
  let managerJa: Client; // an ISMS manager reading Japanese
  let staff: Client;
  let auditor: Client; // internal auditor: reads, never handles
  let otherOrg: Client;

  beforeAll(async () => {
    app = await buildTestApp(ctx.database);
    ({ admin: manager } = await setupOrganization(app));
    managerJa = await createUserAndLogin(manager, { roles: ['isms_manager'], locale: 'ja' });
    staff = await createUserAndLogin(manager, { roles: ['staff'] });
    auditor = await createUserAndLogin(manager, { roles: ['internal_auditor'] });
    otherOrg = (await addOrganization(app)).admin;
  });
  afterAll(() => app.close());

  describe('settings', () => {
    it('answers the defaults before any are saved, to every reader', async () => {
      for (const reader of [manager, staff, auditor]) {
        const res = await reader.get('/api/v1/incident-settings');
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers.etag).toBe('"0"');
        expect(res.json<IncidentSettings>()).toMatchObject({
          team: { role: null, unit: null },
          triageTargetHours: 24,
          timeZone: 'Asia/Tokyo',
          version: 0,
        });
        expect(res.json<IncidentSettings>().priorityMatrix).toHaveLength(4);
      }
    });

    it('refuses an unknown time zone naming the field, in the user’s language', async () => {
      const res = await manager.patch(
        '/api/v1/incident-settings',
        { timeZone: 'Mars/Olympus_Mons' },
        etag({ version: 0 }),
      );
      expect(res.statusCode, res.body).toBe(422);
      expect(fields(res)).toEqual(['timeZone:time_zone_unknown']);
      expect(res.json().errors[0].message).toContain('time zone');
      const ja = await managerJa.patch(
        '/api/v1/incident-settings',
        { timeZone: 'Mars/Olympus_Mons' },
        etag({ version: 0 }),
      );
      expect(ja.json().errors[0].message).toContain('タイムゾーン');
    });

    it('refuses a matrix that is not 4 × 4 priorities of 1 to 4', async () => {
      for (const priorityMatrix of [
        [
          [1, 2, 3, 4],
          [1, 2, 3, 4],
          [1, 2, 3, 4],
        ],
        [
          [1, 2, 3, 4],
          [1, 2, 3, 4],
          [1, 2, 3, 4],
          [1, 2, 3, 5],
        ],
      ]) {
        const res = await manager.patch(
          '/api/v1/incident-settings',
          { priorityMatrix },
          etag({ version: 0 }),
        );
        expect(res.statusCode, res.body).toBe(400);
        expect(fields(res).join()).toContain('body.priorityMatrix');
      }
    });

    it('refuses a team role or unit not of the organization', async () => {
      expect((await otherOrg.post('/api/v1/isms-roles/defaults')).statusCode).toBe(201);
      const foreignRole = (await otherOrg.get('/api/v1/isms-roles')).json().items[0].id;
      const foreignUnit = (await createOrgUnit(otherOrg)).id;
      const res = await manager.patch(
        '/api/v1/incident-settings',
        { teamRoleId: foreignRole, teamUnitId: foreignUnit },
        etag({ version: 0 }),
      );
      expect(res.statusCode, res.body).toBe(422);
      expect(fields(res)).toEqual([
        'teamRoleId:reference_not_found',
        'teamUnitId:reference_not_found',
      ]);
    });

    it('saves with If-Match 0 first, then only with the current version', async () => {
      const matrix = [
        [4, 4, 4, 3],
        [4, 3, 3, 2],
        [3, 2, 2, 1],
        [2, 1, 1, 1],
      ];
      const saved = await manager.patch(
        '/api/v1/incident-settings',
        { priorityMatrix: matrix, triageTargetHours: 8, timeZone: 'Asia/Tokyo' },
        etag({ version: 0 }),
      );
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json<IncidentSettings>()).toMatchObject({
        priorityMatrix: matrix,
        triageTargetHours: 8,
        version: 1,
      });
      const stale = await manager.patch(
        '/api/v1/incident-settings',
        { triageTargetHours: 4 },
        etag({ version: 0 }),
      );
      expect(stale.statusCode).toBe(412);
      const events = await manager.get('/api/v1/audit/events?action=incident_settings.updated');
      expect(events.body).toContain('incident_settings.updated');
    });

    it('is changed only by managers of incidents', async () => {
      for (const who of [staff, auditor]) {
        const res = await who.patch(
          '/api/v1/incident-settings',
          { triageTargetHours: 2 },
          etag({ version: 1 }),
        );
        expect(res.statusCode, res.body).toBe(403);
      }
    });
  });

  describe('obligations', () => {
    let obligations: IncidentObligation[];

    it('loads the APPI presets once: a second call adds nothing', async () => {
      const first = await manager.post('/api/v1/incident-obligations/presets');
      expect(first.statusCode, first.body).toBe(200);
      obligations = first.json<{ items: IncidentObligation[] }>().items;
      expect(
        obligations.map((o) => [o.presetKey, o.deadlineDays, o.deadlineDaysWrongfulIntent]),
      ).toEqual([
        ['appi_preliminary', 3, null],
        ['appi_final', 30, 60],
        ['appi_persons', null, null],
      ]);
      for (const o of obligations) {
        expect(o.appliesToTypes).toEqual(['incident', 'suspected']);
        expect(o.requiresPersonalData).toBe(true);
        expect(o.name.ja).not.toBe('');
        expect(o.name.en).not.toBe('');
      }
      const second = await manager.post('/api/v1/incident-obligations/presets');
      expect(second.json<{ items: IncidentObligation[] }>().items.map((o) => o.id)).toEqual(
        obligations.map((o) => o.id),
      );
      const logged = await manager.get(
        '/api/v1/audit/events?action=incident_obligation.presets_loaded',
      );
      expect(logged.json().items).toHaveLength(1);
    });

    it('counts a clock in days or in hours, never both', async () => {
      const both = await manager.post('/api/v1/incident-obligations', {
        name: { ja: '顧客への通知', en: 'Notice to the customer' },
        appliesToTypes: ['incident'],
        deadlineDays: 2,
        deadlineHours: 24,
      });
      expect(both.statusCode, both.body).toBe(400);
      expect(fields(both)).toContain('body.deadlineHours:custom');
      const created = await manager.post('/api/v1/incident-obligations', {
        name: { ja: '顧客への通知', en: 'Notice to the customer' },
        recipient: 'Customer under contract',
        appliesToTypes: ['incident', 'malfunction'],
        deadlineHours: 72,
      });
      expect(created.statusCode, created.body).toBe(201);
      const own = created.json<IncidentObligation>();
      expect(own).toMatchObject({ presetKey: null, deadlineHours: 72, deadlineDays: null });
      // Days alone are fine in the request, but the stored hours would make two clocks.
      const mixed = await manager.patch(
        `/api/v1/incident-obligations/${own.id}`,
        { deadlineDays: 3 },
        etag(own),
      );
      expect(mixed.statusCode, mixed.body).toBe(422);
      expect(fields(mixed)).toEqual(['deadlineHours:deadline_days_or_hours']);
      const switched = await manager.patch(
        `/api/v1/incident-obligations/${own.id}`,
        { deadlineDays: 3, deadlineHours: null, active: false },
        etag(own),
      );
      expect(switched.statusCode, switched.body).toBe(200);
      expect(switched.json()).toMatchObject({ deadlineDays: 3, deadlineHours: null, version: 2 });
      const stale = await manager.patch(
        `/api/v1/incident-obligations/${own.id}`,
        { sortOrder: 5 },
        etag(own),
      );
      expect(stale.statusCode).toBe(412);
      // Inactive ones are listed too (the settings page edits them).
      const list = await auditor.get('/api/v1/incident-obligations');
      expect(list.json().items.map((o: IncidentObligation) => o.id)).toContain(own.id);
    });

    it('is kept only by managers of incidents', async () => {
      for (const who of [staff, auditor]) {
        expect((await who.post('/api/v1/incident-obligations/presets')).statusCode).toBe(403);
        const res = await who.post('/api/v1/incident-obligations', {
          name: { ja: 'x', en: 'x' },
          appliesToTypes: ['incident'],
        });
        expect(res.statusCode).toBe(403);
      }
    });
  });
});
