import { describe, expect, it } from 'vitest';
import { independenceConflicts, type AuditScopeFacts, type UnitNode } from './independence.ts';

// A department (head: dana) with two teams below it; a separate unit (head: hana).
const units: UnitNode[] = [
  { id: 'dept', parentId: null, managerUserId: 'dana' },
  { id: 'team-a', parentId: 'dept', managerUserId: 'tom' },
  { id: 'team-b', parentId: 'dept', managerUserId: null },
  { id: 'legal', parentId: null, managerUserId: 'hana' },
];
const empty: AuditScopeFacts = { auditeeUnitIds: [], assets: [], documents: [] };

describe('independenceConflicts', () => {
  it('finds none for an auditor from another unit', () => {
    const scope = { ...empty, auditeeUnitIds: ['team-a'] };
    expect(independenceConflicts([{ userId: 'ann', unitIds: ['legal'] }], scope, units)).toEqual(
      [],
    );
  });

  it('refuses a member of an auditee unit, through the primary or an extra unit', () => {
    const scope = { ...empty, auditeeUnitIds: ['team-a'] };
    const found = independenceConflicts(
      [
        { userId: 'mia', unitIds: ['team-a'] },
        { userId: 'max', unitIds: ['legal', 'team-a'] },
      ],
      scope,
      units,
    );
    expect(found).toEqual([
      { userId: 'mia', kind: 'unit_member', objectType: 'org_unit', objectId: 'team-a' },
      { userId: 'max', kind: 'unit_member', objectType: 'org_unit', objectId: 'team-a' },
    ]);
  });

  it('treats a member of a unit above the auditee unit as a member, not one of a sibling', () => {
    const scope = { ...empty, auditeeUnitIds: ['team-b'] };
    expect(
      independenceConflicts([{ userId: 'dee', unitIds: ['dept'] }], scope, units).map(
        (c) => c.kind,
      ),
    ).toEqual(['unit_member']);
    expect(independenceConflicts([{ userId: 'sib', unitIds: ['team-a'] }], scope, units)).toEqual(
      [],
    );
  });

  it('refuses the head of an auditee unit or of a unit above it', () => {
    const scope = { ...empty, auditeeUnitIds: ['team-a', 'legal'] };
    const found = independenceConflicts(
      [
        { userId: 'tom', unitIds: [] },
        { userId: 'dana', unitIds: [] },
        { userId: 'hana', unitIds: [] },
      ],
      scope,
      units,
    );
    expect(found.map((c) => [c.userId, c.kind, c.objectId])).toEqual([
      ['tom', 'unit_head', 'team-a'],
      ['dana', 'unit_head', 'team-a'],
      ['hana', 'unit_head', 'legal'],
    ]);
  });

  it('refuses the owner of an asset in scope, personally or through their unit', () => {
    const scope: AuditScopeFacts = {
      ...empty,
      assets: [
        { id: 'server', ownerUserId: 'olga', ownerUnitId: null },
        { id: 'crm', ownerUserId: null, ownerUnitId: 'team-b' },
      ],
    };
    const found = independenceConflicts(
      [
        { userId: 'olga', unitIds: ['legal'] },
        { userId: 'bob', unitIds: ['team-b'] },
        { userId: 'ann', unitIds: ['legal'] },
      ],
      scope,
      units,
    );
    expect(found).toEqual([
      { userId: 'olga', kind: 'asset_owner', objectType: 'asset', objectId: 'server' },
      { userId: 'bob', kind: 'asset_owner', objectType: 'asset', objectId: 'crm' },
    ]);
  });

  it('refuses the owner, an author or an approver of a document in scope', () => {
    const scope: AuditScopeFacts = {
      ...empty,
      documents: [{ id: 'p1', ownerUserId: 'own', authorIds: ['aut'], approverIds: ['apr'] }],
    };
    const found = independenceConflicts(
      ['own', 'aut', 'apr', 'ann'].map((userId) => ({ userId, unitIds: [] })),
      scope,
      units,
    );
    expect(found.map((c) => [c.userId, c.kind])).toEqual([
      ['own', 'document_owner'],
      ['aut', 'document_author'],
      ['apr', 'document_approver'],
    ]);
  });

  it('survives a unit tree with a cycle', () => {
    const looped: UnitNode[] = [
      { id: 'x', parentId: 'y', managerUserId: null },
      { id: 'y', parentId: 'x', managerUserId: null },
    ];
    const scope = { ...empty, auditeeUnitIds: ['x'] };
    expect(independenceConflicts([{ userId: 'u', unitIds: ['z'] }], scope, looped)).toEqual([]);
  });
});
