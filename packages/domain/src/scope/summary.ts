import type { Db } from '@mamoru/db';
import * as repo from '@mamoru/db/repositories/scope';
import type { ScopeVersionRow } from '@mamoru/db/repositories/scope';
import { previousApprovedScope } from '@mamoru/db/repositories/approval-summaries';
import { registerApprovalSummarizer } from '../approvals/summaries.ts';
import { fact, fieldChanges } from '../approvals/summary-rules.ts';
import { notFound } from '../errors.ts';
import { authorize } from '../identity/actor.ts';
import { SCOPE_ENTITY } from './service.ts';

const LABELS = {
  businessActivities: { ja: '適用範囲に含む事業活動', en: 'Business activities in the scope' },
  orgUnits: { ja: '適用範囲に含む組織', en: 'Organization units in the scope' },
  organizationNote: { ja: '組織の補足', en: 'Notes on the organization' },
  locations: { ja: '適用範囲に含む所在地', en: 'Locations in the scope' },
  locationNote: { ja: '所在地の補足', en: 'Notes on the locations' },
  assetCategories: { ja: '適用範囲に含む資産の種別', en: 'Asset categories in the scope' },
  assetNote: { ja: '資産の補足', en: 'Notes on the assets' },
  technology: {
    ja: '適用範囲に含むネットワーク、システム及び技術',
    en: 'Networks, systems and technology in the scope',
  },
  boundaries: { ja: '境界', en: 'Boundaries' },
  interfaces: { ja: 'インタフェース', en: 'Interfaces' },
  exclusions: { ja: '除外', en: 'Exclusions' },
};

const CATEGORIES: Record<string, { ja: string; en: string }> = {
  information: { ja: '情報', en: 'Information' },
  software: { ja: 'ソフトウェア', en: 'Software' },
  physical: { ja: '物理的資産', en: 'Physical assets' },
  service: { ja: 'サービス', en: 'Services' },
  people: { ja: '人的資産', en: 'People' },
  intangible: { ja: '無形資産', en: 'Intangible assets' },
};

/** A scope version as text per field: units and locations by name, exclusions with their reasons. */
async function fieldsOf(
  db: Db,
  row: ScopeVersionRow,
  names: { units: Map<string, string>; locations: Map<string, string> },
) {
  const exclusions = await repo.scopeExclusionsOf(db, row.organizationId, row.id);
  return {
    businessActivities: row.businessActivities,
    orgUnits: row.orgUnitIds.map((id) => names.units.get(id) ?? id),
    organizationNote: row.organizationNote,
    locations: row.locationIds.map((id) => names.locations.get(id) ?? id),
    locationNote: row.locationNote,
    assetCategories: row.assetCategories.map((c) => CATEGORIES[c] ?? c),
    assetNote: row.assetNote,
    technology: row.technology,
    boundaries: row.boundaries,
    interfaces: row.interfaces.map((i) => `${i.name}: ${i.description}`),
    exclusions: exclusions.map((e) => `${e.controlId} (${e.reason})`),
  };
}

// The scope version asked for, against the version approved before it.
registerApprovalSummarizer(SCOPE_ENTITY, async (db, ctx, approval) => {
  authorize(ctx.actor, 'isms:read');
  const org = ctx.actor.organizationId;
  const row = await repo.getScopeVersion(db, org, approval.entityId);
  if (!row) throw notFound('scope version');
  const before = await previousApprovedScope(db, org, row.number);
  const names = {
    units: new Map((await repo.allOrgUnits(db, org)).map((u) => [u.id, `${u.code} ${u.name}`])),
    locations: new Map(
      (await repo.allLocations(db, org)).map((l) => [l.id, `${l.code} ${l.name}`]),
    ),
  };
  const after = await fieldsOf(db, row, names);
  return {
    link: '/scope',
    facts: [
      fact({ ja: '版', en: 'Version' }, row.number),
      fact(LABELS.orgUnits, after.orgUnits),
      fact(LABELS.exclusions, after.exclusions.length),
    ],
    changes: {
      kind: 'fields',
      baseline: before ? { number: before.number } : null,
      items: fieldChanges(LABELS, before ? await fieldsOf(db, before, names) : null, after),
    },
  };
});
