import { describe, expect, it } from 'vitest';
import { parseScimFilter, parseScimPath } from './scim-filter.ts';

const refused = (f: () => unknown, code = 'scim_filter_invalid') =>
  expect(f).toThrow(expect.objectContaining({ code }));

describe('parseScimFilter', () => {
  it('reads the lookups Entra ID and Okta send', () => {
    expect(parseScimFilter('userName eq "ann@example.com"')).toEqual([
      { attribute: 'username', value: 'ann@example.com' },
    ]);
    expect(parseScimFilter('externalId eq "0a1b-2c"')).toEqual([
      { attribute: 'externalid', value: '0a1b-2c' },
    ]);
    expect(parseScimFilter('displayName eq "ISMS Admins"')).toEqual([
      { attribute: 'displayname', value: 'ISMS Admins' },
    ]);
  });

  it('joins comparisons with and, in any letter case, and reads literals', () => {
    expect(parseScimFilter('emails.value EQ "a@b.c" AND active eq true')).toEqual([
      { attribute: 'emails.value', value: 'a@b.c' },
      { attribute: 'active', value: true },
    ]);
    expect(parseScimFilter('active eq false and x eq null and n eq 3')).toEqual([
      { attribute: 'active', value: false },
      { attribute: 'x', value: null },
      { attribute: 'n', value: 3 },
    ]);
  });

  it('strips the core schema URN from attribute names', () => {
    expect(
      parseScimFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a@b.c"'),
    ).toEqual([{ attribute: 'username', value: 'a@b.c' }]);
  });

  it('reads JSON escapes inside values and keeps spaces and case', () => {
    expect(parseScimFilter('displayName eq "Say \\"hi\\" \\u00e9 And eq"')).toEqual([
      { attribute: 'displayname', value: 'Say "hi" é And eq' },
    ]);
  });

  it('refuses everything outside eq / and', () => {
    for (const f of [
      '',
      'userName',
      'userName eq',
      'userName co "a"',
      'userName sw "a"',
      'userName pr',
      'a eq "x" or b eq "y"',
      'not (a eq "x")',
      '(a eq "x")',
      'emails[type eq "work"].value eq "a"',
      'a eq "x" and',
      'a eq "x" b eq "y"',
      'a eq "unterminated',
      'a eq bare',
      '1a eq "x"',
      'a eq "x" and and b eq "y"',
    ]) {
      refused(() => parseScimFilter(f));
    }
  });
});

describe('parseScimPath', () => {
  it('reads plain, nested and URN paths', () => {
    expect(parseScimPath('active')).toEqual({
      attribute: 'active',
      filter: null,
      subAttribute: null,
    });
    expect(parseScimPath('name.givenName')).toEqual({
      attribute: 'name',
      filter: null,
      subAttribute: 'givenname',
    });
    expect(parseScimPath('urn:ietf:params:scim:schemas:core:2.0:User:displayName').attribute).toBe(
      'displayname',
    );
    expect(
      parseScimPath('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department'),
    ).toEqual({
      attribute: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:department',
      filter: null,
      subAttribute: null,
    });
  });

  it('reads value filters and keeps the case of their values', () => {
    expect(parseScimPath('emails[type eq "work"].value')).toEqual({
      attribute: 'emails',
      filter: [{ attribute: 'type', value: 'work' }],
      subAttribute: 'value',
    });
    expect(parseScimPath('members[value eq "AbC-123"]')).toEqual({
      attribute: 'members',
      filter: [{ attribute: 'value', value: 'AbC-123' }],
      subAttribute: null,
    });
  });

  it('refuses malformed paths', () => {
    for (const p of ['', '9x', 'a..b', 'members[value eq "x"', 'members]x[', 'a.b[c eq "d"]']) {
      expect(() => parseScimPath(p), p).toThrow();
    }
    refused(() => parseScimPath('members[value co "x"]'));
  });
});
