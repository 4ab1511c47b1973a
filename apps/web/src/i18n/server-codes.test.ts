import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '@mamoru/contracts';
import { en, ja } from './complete.ts';
import { flatten } from './tree.ts';
// The permission list is the server's (pure data, no server code comes with it).
import { PERMISSIONS } from '../../../../packages/domain/src/identity/permissions.ts';

/**
 * Codes the server writes and the web shows (the audit log's actions and object
 * types) must have a label in both languages, so no page shows a raw code.
 */
describe('labels for server codes', () => {
  const keys = [
    // The roles page shows every permission and its group.
    ...PERMISSIONS.map((p) => `permissions.${p.replace(':', '.')}`),
    ...PERMISSIONS.map((p) => `permissions.groups.${p.split(':')[0]}`),
    ...AUDIT_ACTIONS.map((action) => `auditLabels.actions.${action.replace('.', '_')}`),
    ...AUDIT_ENTITY_TYPES.map((type) => `auditLabels.entityTypes.${type}`),
  ];
  it.each([
    ['ja', ja],
    ['en', en],
  ])('%s labels every audit action and object type', (_name, tree) => {
    const leaves = flatten(tree);
    expect(keys.filter((key) => typeof leaves.get(key) !== 'string')).toEqual([]);
  });
});
