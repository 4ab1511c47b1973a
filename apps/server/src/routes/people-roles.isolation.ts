import { expect } from 'vitest';
import type { Client } from '../testing/identity.ts';

/**
 * The ISMS roles' lines of tenant-isolation.test.ts: what organization B
 * keeps, and one probe per route that takes an id.
 */
export interface RolesOfB {
  roleId: string;
  assignmentId: string;
  /** A second user of B, whom the control assigns. */
  otherUserId: string;
  /** Strings of B that must not appear in A's lists. */
  values: string[];
}

/**
 * B's shipped roles, its own role held by B's manager (who acknowledges it in
 * a control), made by B's ISMS manager.
 */
export async function createRolesOfB(managerB: Client, otherUserId: string): Promise<RolesOfB> {
  const defaults = await managerB.post('/api/v1/isms-roles/defaults');
  expect(defaults.statusCode, defaults.body).toBe(201);
  const role = await managerB.post('/api/v1/isms-roles', {
    code: 'B_ROLE',
    name: 'Role of B',
    responsibilities: 'Responsibilities of B',
  });
  expect(role.statusCode, role.body).toBe(201);
  const roleId = role.json<{ id: string }>().id;
  const assignment = await managerB.post(`/api/v1/isms-roles/${roleId}/assignments`, {
    userId: managerB.user.id,
    note: 'Assignment note of B',
  });
  expect(assignment.statusCode, assignment.body).toBe(201);
  const assignmentId = assignment.json<{ id: string }>().id;
  return {
    roleId,
    assignmentId,
    otherUserId,
    values: [roleId, 'Role of B', 'Responsibilities of B', assignmentId, 'Assignment note of B'],
  };
}

interface Probe<B> {
  route: string;
  url: (b: B) => string;
  body?: (b: B) => unknown;
  headers?: (b: B) => Record<string, string>;
  control: { as: 'managerB'; status: number };
}

/** Reads first, then the writes in the order their ETags follow. */
export function roleProbes<B extends { roles: RolesOfB }>(): Probe<B>[] {
  const as = (status: number) => ({ as: 'managerB' as const, status });
  const ifMatch = (v: number) => () => ({ 'if-match': `"${v}"` });
  const role = (b: B) => `/api/v1/isms-roles/${b.roles.roleId}`;
  const assignment = (b: B) => `/api/v1/isms-role-assignments/${b.roles.assignmentId}`;
  return [
    { route: 'GET /api/v1/isms-roles/:id', url: role, control: as(200) },
    {
      route: 'PATCH /api/v1/isms-roles/:id',
      url: role,
      body: () => ({ nameEn: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    {
      route: 'POST /api/v1/isms-roles/:id/assignments',
      url: (b) => `${role(b)}/assignments`,
      body: (b) => ({ userId: b.roles.otherUserId, kind: 'deputy' }),
      control: as(201),
    },
    {
      route: 'PATCH /api/v1/isms-role-assignments/:id',
      url: assignment,
      body: () => ({ note: 'Changed across tenants' }),
      headers: ifMatch(1),
      control: as(200),
    },
    {
      route: 'POST /api/v1/isms-role-assignments/:id/acknowledge',
      url: (b) => `${assignment(b)}/acknowledge`,
      control: as(200),
    },
  ];
}

/** Lists that must never show B's rows to A. */
export const ROLE_LISTS = ['/api/v1/isms-roles?active=all', '/api/v1/my-roles'];
