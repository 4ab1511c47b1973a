import { beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { describeEachDatabase } from '@mamoru/db/testing';
import { pinRiskValues } from '@mamoru/db/testing/risk-values';
import { insertAsset } from '@mamoru/db/repositories/assets';
import { findShippedLibrary } from '@mamoru/db/repositories/catalog';
import { insertDocument, insertDocumentVersion } from '@mamoru/db/repositories/documents';
import { insertOrganization } from '@mamoru/db/repositories/organizations';
import * as risksRepo from '@mamoru/db/repositories/risks';
import { insertRiskMethod, insertThreat } from '@mamoru/db/repositories/risks-catalog';
import { insertOrgUnit, insertScopeVersion } from '@mamoru/db/repositories/scope';
import * as soaRepo from '@mamoru/db/repositories/soa';
import { insertUser } from '@mamoru/db/repositories/users';
import type { Actor } from '../identity/actor.ts';
import { grantsOf, type Role } from '../identity/permissions.ts';
import { multiplicativePreset } from '../risks/presets.ts';
import { controlUsage } from './usage.ts';

const USED = '10.3.1';
const UNUSED = '10.3.5';

describeEachDatabase('where a control is used', (ctx) => {
  const db = () => ctx.database.db;
  let library: string;
  let orgA: string;
  let orgB: string;
  let managerA: Actor;
  let staffA: Actor;
  let managerB: Actor;
  let high: string;
  let low: string;
  let issued: string;
  let owned: string;
  let toRead: string;

  async function actor(org: string, role: Role): Promise<Actor> {
    const user = await insertUser(db(), {
      organizationId: org,
      email: `${role}-${org}@example.com`,
      displayName: role,
      passwordHash: 'x',
      roles: [role],
    });
    return {
      kind: 'user',
      userId: user.id,
      organizationId: org,
      displayName: role,
      roles: [role],
      grants: grantsOf([role]),
      locale: 'en',
    };
  }

  /** An organization with a risk per (asset, threat name, level), each linked to USED. */
  async function organizationWithRisks(name: string, risks: [string, string, number][]) {
    const org = (await insertOrganization(db(), { name, defaultLocale: 'ja' })).id;
    const unit = await insertOrgUnit(db(), { organizationId: org, code: 'U', name: 'Unit' });
    const ids: string[] = [];
    for (const [i, [assetName, threatName, level]] of risks.entries()) {
      const asset = await insertAsset(db(), {
        organizationId: org,
        code: `A${i}`,
        name: assetName,
        category: 'information',
        ownerUnitId: unit.id,
      });
      const threat = await insertThreat(db(), {
        organizationId: org,
        code: `T${i}`,
        groupId: 'g',
        nameJa: `${threatName}(ja)`,
        nameEn: threatName,
        description: { ja: '', en: '' },
        defaultLikelihood: 2,
      });
      const risk = await risksRepo.insertRisk(
        db(),
        {
          organizationId: org,
          assetId: asset.id,
          threatId: threat.id,
          likelihood: 2,
          vulnerabilityLevel: 2,
        },
        null,
      );
      await pinRiskValues(db(), risk.id, { level });
      ids.push(risk.id);
    }
    return { org, ids };
  }

  async function soaWith(org: string, applicable: boolean, note: string) {
    const scope = await insertScopeVersion(db(), { organizationId: org, number: 1 });
    const soa = await soaRepo.insertSoa(db(), {
      organizationId: org,
      scopeVersionId: scope.id,
      libraryId: 'jipdec-isms-2.0',
      title: `SoA of ${org}`,
    });
    const version = await soaRepo.insertVersion(db(), {
      organizationId: org,
      soaId: soa.id,
      number: 1,
      status: 'draft',
    });
    await soaRepo.insertCatalogEntries(db(), org, version.id, library);
    await soaRepo.updateEntries(
      db(),
      org,
      version.id,
      [USED],
      applicable
        ? {
            applicable,
            implementationStatus: 'partial',
            reasons: [{ type: 'risk', note, link: null }],
          }
        : { applicable, exclusionReason: note },
      null,
    );
    return { soa, version };
  }

  beforeAll(async () => {
    library = (await findShippedLibrary(db(), 'jipdec-isms-2.0'))!.id;
    const a = await organizationWithRisks('Usage A', [
      ['Payroll DB', 'Unauthorized access', 1],
      ['Mail server', 'Malware', 3],
      ['Laptop', 'Theft', 2],
    ]);
    orgA = a.org;
    [low, high] = a.ids as [string, string];
    await risksRepo.replaceRiskControls(db(), orgA, low, 'existing', [
      { controlId: USED, justification: '' },
    ]);
    await risksRepo.replaceRiskControls(db(), orgA, high, 'existing', [
      { controlId: USED, justification: '' },
    ]);
    await risksRepo.replaceRiskControls(db(), orgA, high, 'selected', [
      { controlId: USED, justification: '' },
    ]);
    // The third risk links another control only.
    await risksRepo.replaceRiskControls(db(), orgA, a.ids[2]!, 'selected', [
      { controlId: '10.3.2', justification: '' },
    ]);
    await insertRiskMethod(db(), {
      organizationId: orgA,
      name: 'Method',
      status: 'approved',
      definition: multiplicativePreset() as unknown as Record<string, unknown>,
    });
    await soaWith(orgA, true, 'Treats   the risks of\nencrypted mail.');
    managerA = await actor(orgA, 'isms_manager');
    staffA = await actor(orgA, 'staff');

    const doc = (code: string, status: string, owner: string | null, controls = [USED]) =>
      insertDocument(db(), {
        organizationId: orgA,
        code,
        title: `Document ${code}`,
        type: 'procedure',
        status,
        controlIds: controls,
        ownerUserId: owner,
        currentRevision: status === 'draft' ? null : 2,
      });
    issued = (await doc('DOC-1', 'issued', null)).id;
    owned = (await doc('DOC-2', 'issued', staffA.userId)).id;
    await doc('DOC-3', 'obsolete', null);
    await doc('DOC-4', 'issued', null, ['10.3.2']);
    // Distributed to the staff member: a recipient of its issued version.
    toRead = (await doc('DOC-5', 'issued', null)).id;
    const version = await insertDocumentVersion(db(), {
      organizationId: orgA,
      documentId: toRead,
      revision: 2,
      status: 'issued',
    });
    await db().execute(sql`insert into document_acknowledgements
      (organization_id, document_id, version_id, user_id)
      values (${orgA}, ${toRead}, ${version.id}, ${staffA.userId})`);

    const b = await organizationWithRisks('Usage B', [['B asset', 'B threat', 3]]);
    orgB = b.org;
    await risksRepo.replaceRiskControls(db(), orgB, b.ids[0]!, 'selected', [
      { controlId: USED, justification: '' },
    ]);
    await soaWith(orgB, false, 'Not in B');
    await insertDocument(db(), {
      organizationId: orgB,
      code: 'B-DOC',
      title: 'B document',
      type: 'policy',
      status: 'issued',
      controlIds: [USED],
    });
    managerB = await actor(orgB, 'isms_manager');
  });

  const key = (org: string, controlId: string) => ({
    organizationId: org,
    libraryUuid: library,
    controlId,
  });

  it('lists the linked risks (highest level first), the SoA entry and the documents', async () => {
    const usage = await controlUsage(db(), managerA, key(orgA, USED));
    expect(usage.hidden).toEqual([]);
    expect(usage.totals).toEqual({ risks: 2, documents: 3 });
    expect(usage.risks.map((r) => [r.id, r.title, r.level?.index, r.roles])).toEqual([
      [high, 'Mail server × Malware', 3, ['existing', 'selected']],
      [low, 'Payroll DB × Unauthorized access', 1, ['existing']],
    ]);
    expect(usage.risks[0]).toMatchObject({
      code: expect.stringMatching(/^R-/),
      status: 'open',
      treatmentOption: null,
      threat: { name: { ja: 'Malware(ja)', en: 'Malware' } },
    });
    expect(usage.soa).toHaveLength(1);
    expect(usage.soa[0]).toMatchObject({
      title: `SoA of ${orgA}`,
      versionNumber: 1,
      versionStatus: 'draft',
      applicable: true,
      implementationStatus: 'partial',
      justification: 'Treats the risks of encrypted mail.',
    });
    // The obsolete one is left out unless asked for.
    expect(usage.documents.map((d) => [d.id, d.code, d.status, d.currentRevision])).toEqual([
      [issued, 'DOC-1', 'issued', 2],
      [owned, 'DOC-2', 'issued', 2],
      [toRead, 'DOC-5', 'issued', 2],
    ]);
    const withObsolete = await controlUsage(db(), managerA, key(orgA, USED), {
      includeObsolete: true,
    });
    expect(withObsolete.documents.map((d) => d.code)).toEqual(['DOC-1', 'DOC-2', 'DOC-3', 'DOC-5']);
    expect(withObsolete.totals.documents).toBe(4);
  });

  it("never shows another organization's risks, statement or documents", async () => {
    const usage = await controlUsage(db(), managerB, key(orgB, USED));
    expect(usage.risks.map((r) => r.title)).toEqual(['B asset × B threat']);
    // No method in force in B: the level has no band.
    expect(usage.risks[0]!.level).toBeNull();
    expect(usage.soa.map((s) => [s.title, s.applicable, s.justification])).toEqual([
      [`SoA of ${orgB}`, false, 'Not in B'],
    ]);
    expect(usage.documents.map((d) => d.title)).toEqual(['B document']);
    expect(usage.totals).toEqual({ risks: 1, documents: 1 });
  });

  it('shows empty lists for a control nothing links', async () => {
    const usage = await controlUsage(db(), managerA, key(orgA, UNUSED));
    expect(usage.risks).toEqual([]);
    expect(usage.documents).toEqual([]);
    expect(usage.totals).toEqual({ risks: 0, documents: 0 });
    // The statement has an (undecided) line for every control.
    expect(usage.soa.map((s) => [s.applicable, s.justification])).toEqual([[null, '']]);
  });

  it('gives staff no risks or statement, and only documents they own or must read', async () => {
    const usage = await controlUsage(db(), staffA, key(orgA, USED));
    expect(usage.hidden).toEqual(['risks', 'soa']);
    expect(usage.risks).toEqual([]);
    expect(usage.soa).toEqual([]);
    expect(usage.documents.map((d) => d.id)).toEqual([owned, toRead]);
    expect(usage.totals).toEqual({ risks: 0, documents: 2 });
  });

  it('refuses a key of another organization than the actor', async () => {
    await expect(controlUsage(db(), managerA, key(orgB, USED))).rejects.toThrow();
  });
});
