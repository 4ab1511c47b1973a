import { describe, expect, it } from 'vitest';
import { scimPatchSchema, scimUserInputSchema } from '@mamoru/contracts';
import {
  applyMemberSteps,
  groupPatchChanges,
  primaryEmail,
  userChangesOf,
  userPatchChanges,
} from './scim-patch.ts';

/** Operations as the route receives them (op names lower-cased by the contract). */
const ops = (operations: unknown[]) => scimPatchSchema.parse({ Operations: operations }).Operations;

describe('user PATCH', () => {
  it('reads Entra ID operations: one attribute each, booleans as strings', () => {
    expect(
      userPatchChanges(
        ops([
          { op: 'Replace', path: 'active', value: 'False' },
          { op: 'Replace', path: 'displayName', value: 'Ann Lee' },
          { op: 'Replace', path: 'emails[type eq "work"].value', value: 'ann@example.com' },
          { op: 'Add', path: 'name.givenName', value: 'Ann' },
          { op: 'Replace', path: 'name.familyName', value: 'Lee' },
          { op: 'Add', path: 'externalId', value: 'ann' },
          { op: 'Replace', path: 'preferredLanguage', value: 'ja-JP' },
          {
            op: 'Add',
            path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department',
            value: 'IT',
          },
        ]),
      ),
    ).toEqual({
      active: false,
      displayName: 'Ann Lee',
      email: 'ann@example.com',
      givenName: 'Ann',
      familyName: 'Lee',
      externalId: 'ann',
      locale: 'ja-JP',
    });
  });

  it('reads Okta operations: no path, an object of attributes', () => {
    expect(userPatchChanges(ops([{ op: 'replace', value: { active: false } }]))).toEqual({
      active: false,
    });
    expect(
      userPatchChanges(
        ops([
          {
            op: 'replace',
            value: {
              userName: 'bob@example.com',
              name: { givenName: 'Bob', familyName: 'Sato' },
              'name.formatted': 'Bob Sato',
              phoneNumbers: [{ value: '1' }],
            },
          },
        ]),
      ),
    ).toEqual({
      userName: 'bob@example.com',
      givenName: 'Bob',
      familyName: 'Sato',
      formatted: 'Bob Sato',
    });
  });

  it('applies operations in order and removes with remove', () => {
    expect(
      userPatchChanges(
        ops([
          { op: 'replace', path: 'displayName', value: 'First' },
          { op: 'replace', path: 'displayName', value: 'Second' },
          { op: 'remove', path: 'externalId' },
          { op: 'replace', path: 'active', value: true },
        ]),
      ),
    ).toEqual({ displayName: 'Second', externalId: null, active: true });
  });

  it('refuses malformed values and pathless removals', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as { code: string }).code;
      }
      return null;
    };
    expect(
      code(() => userPatchChanges(ops([{ op: 'replace', path: 'active', value: 'maybe' }]))),
    ).toBe('scim_value_invalid');
    expect(
      code(() => userPatchChanges(ops([{ op: 'replace', path: 'displayName', value: 3 }]))),
    ).toBe('scim_value_invalid');
    expect(
      code(() => userPatchChanges(ops([{ op: 'replace', path: 'userName', value: '' }]))),
    ).toBe('scim_value_invalid');
    expect(code(() => userPatchChanges(ops([{ op: 'remove' }])))).toBe('scim_path_invalid');
    expect(code(() => userPatchChanges(ops([{ op: 'replace', value: 'x' }])))).toBe(
      'scim_path_invalid',
    );
    expect(() => ops([{ op: 'move', path: 'a' }])).toThrow();
  });

  it('takes the primary, else the work, else the first address', () => {
    expect(primaryEmail([{ value: 'a@x' }, { value: 'b@x', primary: true }])).toBe('b@x');
    expect(
      primaryEmail([
        { value: 'a@x', type: 'home' },
        { value: 'w@x', type: 'work' },
      ]),
    ).toBe('w@x');
    expect(primaryEmail([{ value: 'a@x' }])).toBe('a@x');
    expect(primaryEmail(null)).toBeNull();
  });

  it('turns a full representation into changes', () => {
    const input = scimUserInputSchema.parse({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'ann@example.com',
      name: { givenName: 'Ann', familyName: 'Lee' },
      emails: [{ value: 'ann@example.com', type: 'work', primary: 'True' }],
      active: 'true',
      title: 'ignored',
    });
    expect(userChangesOf(input)).toMatchObject({
      userName: 'ann@example.com',
      email: 'ann@example.com',
      givenName: 'Ann',
      familyName: 'Lee',
      active: true,
      externalId: null,
    });
    expect(userChangesOf(scimUserInputSchema.parse({ userName: 'x@y.z' }))).not.toHaveProperty(
      'active',
    );
  });
});

describe('group PATCH', () => {
  it('reads Entra ID member operations and renames', () => {
    const changes = groupPatchChanges(
      ops([
        { op: 'Add', path: 'members', value: [{ value: 'u1' }, { value: 'u2' }] },
        { op: 'Remove', path: 'members', value: [{ value: 'u1' }] },
        { op: 'Replace', path: 'displayName', value: 'Renamed' },
      ]),
    );
    expect(changes.displayName).toBe('Renamed');
    expect([...applyMemberSteps(['u0'], changes.members)]).toEqual(['u0', 'u2']);
  });

  it('reads Okta member operations: a filtered path, a pathless replace', () => {
    const changes = groupPatchChanges(
      ops([
        { op: 'remove', path: 'members[value eq "u0"]' },
        { op: 'add', path: 'members', value: [{ value: 'u3', display: 'C' }] },
        { op: 'replace', value: { id: 'g1', displayName: 'Okta name' } },
      ]),
    );
    expect(changes.displayName).toBe('Okta name');
    expect([...applyMemberSteps(['u0', 'u1'], changes.members)]).toEqual(['u1', 'u3']);
  });

  it('replaces the whole member list, and removes all without a value', () => {
    const set = groupPatchChanges(
      ops([{ op: 'replace', path: 'members', value: [{ value: 'x' }] }]),
    );
    expect([...applyMemberSteps(['a', 'b'], set.members)]).toEqual(['x']);
    const clear = groupPatchChanges(ops([{ op: 'remove', path: 'members' }]));
    expect([...applyMemberSteps(['a', 'b'], clear.members)]).toEqual([]);
  });

  it('refuses adding through a filtered path and members without a value', () => {
    expect(() =>
      groupPatchChanges(ops([{ op: 'add', path: 'members[value eq "x"]', value: [] }])),
    ).toThrow(expect.objectContaining({ code: 'scim_path_invalid' }));
    expect(() =>
      groupPatchChanges(ops([{ op: 'add', path: 'members', value: [{ display: 'no id' }] }])),
    ).toThrow(expect.objectContaining({ code: 'scim_value_invalid' }));
  });
});
