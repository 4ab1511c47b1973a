import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Incident, IncidentListItem } from '@mamoru/contracts';
import type { App } from '../testing/app.ts';
import {
  createUser,
  createUserAndLogin,
  login,
  setupOrganization,
  type Client,
} from '../testing/identity.ts';
import { createOrgUnit } from '../testing/isms.ts';

/**
 * The people of the incidents tests: the ISMS manager (the team by
 * permission), two staff members, the auditors, top management, and a staff
 * member on the team through the settings' unit; and the requests they send.
 */
export async function incidentPeople(app: App) {
  const { admin } = await setupOrganization(app);
  const people = {
    admin,
    manager: await createUserAndLogin(admin, { roles: ['isms_manager'] }),
    staff: await createUserAndLogin(admin, { roles: ['staff'] }),
    colleague: await createUserAndLogin(admin, { roles: ['staff'] }),
    auditor: await createUserAndLogin(admin, { roles: ['internal_auditor'] }),
    external: await createUserAndLogin(admin, { roles: ['external_auditor'] }),
    top: await createUserAndLogin(admin, { roles: ['top_management'] }),
  };
  // The incident team is the security unit; its member holds only the staff role.
  const unit = await createOrgUnit(admin, { name: 'Security team' });
  const member = await createUser(admin, { roles: ['staff'] });
  const db = app.database.db;
  await db.execute(sql`update users set org_unit_id = ${unit.id} where id = ${member.user.id}`);
  await db.execute(sql`insert into incident_settings (organization_id, team_unit_id)
    values (${admin.organization.id}, ${unit.id})`);
  return { ...people, teamMember: await login(app, member.email, member.password) };
}

export const etag = (i: { version: number }) => ({
  headers: { 'if-match': `"${i.version}"` },
});

export async function report(as: Client, body: Record<string, unknown> = {}) {
  const res = await as.post('/api/v1/incidents', {
    type: 'incident',
    title: 'Laptop lost on the train',
    description: 'Left on the Yamanote line',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ incident: Incident; merged: boolean }>().incident;
}

export const triage = (as: Client, i: Incident, body: Record<string, unknown> = {}) =>
  as.post(
    `/api/v1/incidents/${i.id}/triage`,
    { severity: 'high', urgency: 'critical', ...body },
    etag(i),
  );

export const move = (as: Client, i: Incident, body: Record<string, unknown>) =>
  as.post(`/api/v1/incidents/${i.id}/transitions`, body, etag(i));

export const ids = (res: { json: () => { items: IncidentListItem[] } }) =>
  res.json().items.map((i) => i.id);
