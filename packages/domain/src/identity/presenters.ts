import type { OrganizationRow } from '@mamoru/db/repositories/organizations';
import type { UserRow } from '@mamoru/db/repositories/users';
import type { Organization, User } from '@mamoru/contracts';
import type { Role } from './permissions.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A user as the API shows it: never the password hash. */
export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    locale: row.locale === 'en' ? 'en' : 'ja',
    roles: row.roles as Role[],
    active: row.active,
    accessExpiresAt: iso(row.accessExpiresAt),
    orgUnitId: row.orgUnitId,
    createdAt: row.createdAt.toISOString(),
    passwordChangeRequired: row.mustChangePassword,
    version: row.version,
  };
}

export function presentOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    defaultLocale: row.defaultLocale === 'en' ? 'en' : 'ja',
    version: row.version,
  };
}

/** The audit snapshot of a user: what changed, never secrets. */
export function auditableUser(row: UserRow) {
  const { passwordHash: _p, createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}
