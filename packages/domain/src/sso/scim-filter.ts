import { SCIM_SCHEMA } from '@mamoru/contracts';
import { DomainError } from '../errors.ts';

/**
 * The part of the SCIM filter language (RFC 7644 §3.4.2.2) that identity
 * providers send when they look for a resource before creating it:
 * `attribute eq "value"`, joined by `and`. Anything else (other operators,
 * `or`, `not`, grouping) is refused with `invalidFilter` rather than guessed.
 * No SCIM filter package on npm is maintained well enough to depend on, and
 * this subset is small enough to parse here (see scim-filter.test.ts).
 */

export type ScimValue = string | number | boolean | null;

export interface ScimComparison {
  /** Lower-case, core schema URN removed: `username`, `emails.value`. */
  attribute: string;
  value: ScimValue;
}

export const filterInvalid = () => new DomainError('validation', 'scim_filter_invalid');
export const pathInvalid = () => new DomainError('validation', 'scim_path_invalid');

type Token = { kind: 'word'; text: string } | { kind: 'string'; value: string };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '"') {
      // A JSON string: find its closing quote, skipping escaped characters.
      let j = i + 1;
      while (j < input.length && input[j] !== '"') j += input[j] === '\\' ? 2 : 1;
      if (j >= input.length) throw filterInvalid();
      try {
        tokens.push({ kind: 'string', value: JSON.parse(input.slice(i, j + 1)) as string });
      } catch {
        throw filterInvalid();
      }
      i = j + 1;
    } else if (c === '(' || c === ')' || c === '[' || c === ']') {
      // Grouping and value paths are outside the subset.
      throw filterInvalid();
    } else {
      let j = i;
      while (j < input.length && !/[\s"()[\]]/.test(input[j]!)) j += 1;
      tokens.push({ kind: 'word', text: input.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

const ATTRIBUTE = /^[a-z][\w$-]*(\.[a-z][\w$-]*)?$/i;

/** The path without a core schema URN (`urn:…:core:2.0:User:userName` → `userName`). */
function stripCoreUrn(path: string): string {
  for (const urn of [SCIM_SCHEMA.user, SCIM_SCHEMA.group]) {
    if (path.toLowerCase().startsWith(`${urn.toLowerCase()}:`)) return path.slice(urn.length + 1);
  }
  return path;
}

/** `urn:…:core:2.0:User:userName` → `username`; extension attributes keep their URN. */
export function normalizeAttribute(path: string): string {
  return stripCoreUrn(path).toLowerCase();
}

function literal(token: Token | undefined): ScimValue {
  if (!token) throw filterInvalid();
  if (token.kind === 'string') return token.value;
  const word = token.text.toLowerCase();
  if (word === 'true') return true;
  if (word === 'false') return false;
  if (word === 'null') return null;
  if (/^-?\d+(\.\d+)?$/.test(token.text)) return Number(token.text);
  throw filterInvalid();
}

/** Parses `a eq "x" and b eq "y"` into its comparisons (all must hold). */
export function parseScimFilter(input: string): ScimComparison[] {
  const tokens = tokenize(input);
  const out: ScimComparison[] = [];
  let i = 0;
  for (;;) {
    const attr = tokens[i];
    const op = tokens[i + 1];
    if (attr?.kind !== 'word' || op?.kind !== 'word' || op.text.toLowerCase() !== 'eq') {
      throw filterInvalid();
    }
    const attribute = normalizeAttribute(attr.text);
    if (!attribute.startsWith('urn:') && !ATTRIBUTE.test(attribute)) throw filterInvalid();
    out.push({ attribute, value: literal(tokens[i + 2]) });
    i += 3;
    if (i === tokens.length) return out;
    const joiner = tokens[i];
    if (joiner?.kind !== 'word' || joiner.text.toLowerCase() !== 'and') throw filterInvalid();
    i += 1;
  }
}

export interface ScimPath {
  /** Lower-case attribute: `active`, `name`, `members`, or an extension URN. */
  attribute: string;
  /** The value filter in brackets: `members[value eq "…"]`, `emails[type eq "work"]`. */
  filter: ScimComparison[] | null;
  /** The sub-attribute after it: `name.givenName` → `givenname`. */
  subAttribute: string | null;
}

/** A PATCH path (RFC 7644 §3.5.2): `attr`, `attr.sub`, `attr[filter]`, `attr[filter].sub`. */
export function parseScimPath(path: string): ScimPath {
  const stripped = stripCoreUrn(path.trim());
  // An extension attribute (`urn:…:enterprise:2.0:User:department`) is kept whole.
  if (stripped.toLowerCase().startsWith('urn:')) {
    return { attribute: stripped.toLowerCase(), filter: null, subAttribute: null };
  }
  const bracket = stripped.indexOf('[');
  if (bracket < 0) {
    if (!ATTRIBUTE.test(stripped)) throw pathInvalid();
    const [attribute, sub] = stripped.toLowerCase().split('.');
    return { attribute: attribute!, filter: null, subAttribute: sub ?? null };
  }
  const close = stripped.lastIndexOf(']');
  const attribute = stripped.slice(0, bracket).toLowerCase();
  const rest = stripped.slice(close + 1).toLowerCase();
  if (close < bracket || !ATTRIBUTE.test(attribute) || attribute.includes('.')) {
    throw pathInvalid();
  }
  if (rest && !/^\.[a-z][\w$-]*$/.test(rest)) throw pathInvalid();
  // The filter keeps its letter case: values inside quotes are case-exact ids.
  const filter = parseScimFilter(stripped.slice(bracket + 1, close));
  return { attribute, filter, subAttribute: rest ? rest.slice(1) : null };
}
