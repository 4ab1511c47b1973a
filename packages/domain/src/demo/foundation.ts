import { randomBytes } from 'node:crypto';
import type { Db } from '@mamoru/db';
import * as usersRepo from '@mamoru/db/repositories/users';
import type { RequestContext } from '../audit/trail.ts';
import { createAsset } from '../assets/service.ts';
import { listLevels } from '../assets/classifications.ts';
import { actorForUser } from '../identity/sessions.ts';
import { createUser } from '../identity/users.ts';
import { createLocation, createOrgUnit } from '../scope/structure.ts';
import { DEMO_ASSETS, DEMO_LOCATIONS, DEMO_PEOPLE, DEMO_UNITS } from './data.ts';

/**
 * The sample company's structure for `mamoru demo` (create.ts): its units,
 * locations, people (each with a context to act as) and assets.
 */
export interface DemoFoundation {
  unitIds: Map<string, string>;
  locationIds: Map<string, string>;
  /** The sample people by key (sato, yamada, suzuki, …), each as a request context. */
  people: Map<string, RequestContext>;
  /** Classification level ids by code. */
  levelId: Map<string, string>;
  assetIds: string[];
}

export async function createFoundation(
  db: Db,
  ctx: RequestContext,
  run: number,
  code: (c: string) => string,
): Promise<DemoFoundation> {
  const unitIds = new Map<string, string>();
  for (const u of DEMO_UNITS) {
    const row = await createOrgUnit(db, ctx, {
      code: code(u.code),
      name: u.ja,
      description: u.en,
      parentId: u.parent ? unitIds.get(u.parent) : null,
    });
    unitIds.set(u.code, row.id);
  }
  const locationIds = new Map<string, string>();
  for (const l of DEMO_LOCATIONS) {
    const row = await createLocation(db, ctx, {
      code: code(l.code),
      name: l.ja,
      kind: l.kind,
      address: '',
      description: l.en,
      parentId: l.parent ? locationIds.get(l.parent) : null,
    });
    locationIds.set(l.code, row.id);
  }

  // Sample people: they sign in only once an administrator gives them a password.
  const people = new Map<string, RequestContext>();
  for (const p of DEMO_PEOPLE) {
    const email = `${p.key}${run === 1 ? '' : `+${run}`}@demo.mamoru.example`;
    await createUser(db, ctx, {
      email,
      displayName: p.ja,
      password: `${randomBytes(18).toString('base64url')}-Aa1`,
      locale: 'ja',
      roles: p.roles,
      orgUnitId: unitIds.get(p.unit)!,
    });
    const user = await usersRepo.findUserByEmail(db, email);
    people.set(p.key, { actor: actorForUser(user!), requestId: ctx.requestId });
  }

  const levels = await listLevels(db, ctx, { limit: 50 });
  const levelId = new Map(levels.items.map((l) => [l.code, l.id]));
  const assetIds: string[] = [];
  for (const a of DEMO_ASSETS) {
    const row = await createAsset(db, ctx, {
      code: code(a.code),
      name: a.ja,
      category: a.category,
      description: `English: ${a.en}`,
      owner: { type: 'unit', id: unitIds.get(a.unit)! },
      custodian: a.category === 'software' ? { type: 'unit', id: unitIds.get('IT')! } : null,
      orgUnitId: unitIds.get(a.unit)!,
      locationId: locationIds.get(a.location)!,
      classificationId: levelId.get(a.classification) ?? null,
      confidentiality: a.cia[0],
      integrity: a.cia[1],
      availability: a.cia[2],
      businessProcess: '',
      status: 'in_use',
      nextReviewDate: null,
      tags: [],
    });
    assetIds.push(row.id);
  }
  return { unitIds, locationIds, people, levelId, assetIds };
}
