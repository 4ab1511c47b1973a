import { sql } from 'drizzle-orm';
import type { Db } from '@mamoru/db';
import * as orgs from '@mamoru/db/repositories/organizations';
import * as usersRepo from '@mamoru/db/repositories/users';
import type { SetupRequest } from '@mamoru/contracts';
import { conflict, invalid } from '../errors.ts';
import { recordAudit } from '../audit/trail.ts';
import { passwordProblems, hashPassword } from './password.ts';
import { auditableUser } from './presenters.ts';
import { seedDefaultRoles } from '../people/roles-defaults.ts';

// Serializes first-run setup across server instances.
const SETUP_LOCK = 727_002;

export async function isSetupNeeded(db: Db): Promise<boolean> {
  return (await orgs.countOrganizations(db)) === 0;
}

/**
 * First run: the organization and its first administrator, in one transaction.
 * Refused once any organization exists (further ones are created by admins).
 */
export async function setupOrganization(db: Db, input: SetupRequest, requestId: string | null) {
  const problems = await passwordProblems(input.password, 'password', input);
  if (problems.length) throw invalid(problems);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if ((await orgs.countOrganizations(tx)) > 0) throw conflict('setup_done');
    const organization = await orgs.insertOrganization(tx, {
      name: input.organizationName,
      defaultLocale: input.locale,
    });
    const user = await usersRepo.insertUser(tx, {
      organizationId: organization.id,
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      locale: input.locale,
      // The first person can administer and run the ISMS until others are invited.
      roles: ['admin', 'isms_manager'],
    });
    const actor = {
      kind: 'user' as const,
      userId: user.id,
      organizationId: organization.id,
      displayName: user.displayName,
      roles: [],
      grants: {},
    };
    await recordAudit(tx, { actor, requestId }, [
      {
        action: 'organization.created',
        entityType: 'organization',
        entityId: organization.id,
        after: organization,
      },
      { action: 'user.created', entityType: 'user', entityId: user.id, after: auditableUser(user) },
    ]);
    // The shipped ISMS roles, for the organization to edit (5.1.c).
    await seedDefaultRoles(tx, { actor, requestId });
    return { organization, user };
  });
}
