import {
  scimBooleanSchema,
  type ScimGroupInput,
  type ScimPatchOperation,
  type ScimUserInput,
} from '@mamoru/contracts';
import { DomainError } from '../errors.ts';
import { parseScimPath, type ScimComparison } from './scim-filter.ts';

/**
 * PATCH operations (RFC 7644 §3.5.2) reduced to the changes Mamoru keeps, in
 * the shapes identity providers send them:
 * - Entra ID: `{ op: "Replace", path: "active", value: "False" }`,
 *   `path: 'emails[type eq "work"].value'`, `path: "name.givenName"`, one
 *   operation per attribute; groups `{ op: "Add", path: "members", value: [{ value }] }`.
 * - Okta: `{ op: "replace", value: { active: false } }` without a path;
 *   groups `{ op: "remove", path: 'members[value eq "…"]' }`.
 * Attributes Mamoru does not keep (phone numbers, the enterprise extension)
 * are accepted and ignored, as IdPs expect; a malformed value is refused.
 */

export interface ScimUserChanges {
  userName?: string;
  externalId?: string | null;
  displayName?: string | null;
  formatted?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  email?: string | null;
  active?: boolean;
  locale?: string | null;
}

export const valueInvalid = (attribute: string) =>
  new DomainError('validation', 'scim_value_invalid', { attribute });

function textValue(attribute: string, value: unknown, remove: boolean): string | null {
  if (remove || value === null) return null;
  if (typeof value !== 'string') throw valueInvalid(attribute);
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function boolValue(attribute: string, value: unknown): boolean {
  const parsed = scimBooleanSchema.safeParse(value);
  if (!parsed.success) throw valueInvalid(attribute);
  return parsed.data;
}

/** The address of an `emails` list to sign in with: the primary one, else a work one, else the first. */
export function primaryEmail(emails: unknown): string | null {
  if (!Array.isArray(emails)) return null;
  const list = emails.filter(
    (e): e is { value: string; type?: unknown; primary?: unknown } =>
      typeof e === 'object' && e !== null && typeof (e as { value?: unknown }).value === 'string',
  );
  const primary = list.find(
    (e) => e.primary === true || String(e.primary).toLowerCase() === 'true',
  );
  const work = list.find((e) => String(e.type ?? '').toLowerCase() === 'work');
  return (primary ?? work ?? list[0])?.value.trim() || null;
}

/** POST and PUT bodies, as changes. */
export function userChangesOf(input: ScimUserInput): ScimUserChanges {
  return {
    userName: input.userName,
    externalId: input.externalId ?? null,
    displayName: input.displayName ?? null,
    formatted: input.name?.formatted ?? null,
    givenName: input.name?.givenName ?? null,
    familyName: input.name?.familyName ?? null,
    email: primaryEmail(input.emails),
    ...(input.active == null ? {} : { active: input.active }),
    locale: input.preferredLanguage ?? input.locale ?? null,
  };
}

function emailFilterTargetsPrimary(filter: ScimComparison[] | null) {
  // Mamoru keeps one address: any type or primary filter addresses it.
  return (filter ?? []).every((c) => ['type', 'primary'].includes(c.attribute));
}

function applyUserAttribute(
  out: ScimUserChanges,
  path: string,
  value: unknown,
  remove: boolean,
): void {
  const { attribute, filter, subAttribute } = parseScimPath(path);
  switch (attribute) {
    case 'username': {
      const v = textValue('userName', value, remove);
      if (!v) throw valueInvalid('userName');
      out.userName = v;
      return;
    }
    case 'externalid':
      out.externalId = textValue('externalId', value, remove);
      return;
    case 'displayname':
      out.displayName = textValue('displayName', value, remove);
      return;
    case 'active':
      if (!remove) out.active = boolValue('active', value);
      return;
    case 'preferredlanguage':
    case 'locale':
      out.locale = textValue(attribute, value, remove);
      return;
    case 'name': {
      if (subAttribute) {
        const key = ({ givenname: 'givenName', familyname: 'familyName', formatted: 'formatted' }[
          subAttribute
        ] ?? null) as 'givenName' | 'familyName' | 'formatted' | null;
        if (key) out[key] = textValue(`name.${key}`, value, remove);
        return;
      }
      if (remove) {
        out.givenName = out.familyName = out.formatted = null;
        return;
      }
      if (typeof value !== 'object' || value === null) throw valueInvalid('name');
      for (const [key, v] of Object.entries(value))
        applyUserAttribute(out, `name.${key}`, v, false);
      return;
    }
    case 'emails': {
      if (!emailFilterTargetsPrimary(filter)) return;
      if (
        subAttribute === 'value' ||
        (filter && subAttribute === null && typeof value === 'string')
      ) {
        out.email = textValue('emails', value, remove);
      } else if (subAttribute === null) {
        out.email = remove ? null : primaryEmail(Array.isArray(value) ? value : [value]);
        if (!remove && !out.email) throw valueInvalid('emails');
      }
      return;
    }
    default:
      return; // Not kept by Mamoru: accepted and ignored.
  }
}

/** PATCH /Users operations, applied in order, as changes. */
export function userPatchChanges(operations: ScimPatchOperation[]): ScimUserChanges {
  const out: ScimUserChanges = {};
  for (const op of operations) {
    const remove = op.op === 'remove';
    if (op.path) {
      applyUserAttribute(out, op.path, op.value, remove);
    } else {
      // Without a path the value is an object of attributes (Okta, some Entra ID operations).
      if (remove || typeof op.value !== 'object' || op.value === null || Array.isArray(op.value)) {
        throw new DomainError('validation', 'scim_path_invalid');
      }
      for (const [key, value] of Object.entries(op.value)) {
        applyUserAttribute(out, key, value, false);
      }
    }
  }
  return out;
}

/** One step on a group's member list, applied in the order the operations came. */
export type MemberStep =
  { kind: 'add' | 'remove' | 'set'; userIds: string[] } | { kind: 'clear'; userIds?: undefined };

export interface ScimGroupChanges {
  displayName?: string;
  externalId?: string | null;
  members: MemberStep[];
}

function memberIds(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((m) => {
    const id = (m as { value?: unknown } | null)?.value;
    if (typeof id !== 'string' || !id.trim()) throw valueInvalid('members');
    return id.trim();
  });
}

/** POST and PUT bodies, as changes: the member list is set whole. */
export function groupChangesOf(input: ScimGroupInput): ScimGroupChanges {
  return {
    displayName: input.displayName,
    externalId: input.externalId ?? null,
    members: [{ kind: 'set', userIds: memberIds(input.members ?? []) }],
  };
}

function applyGroupAttribute(
  out: ScimGroupChanges,
  op: 'add' | 'remove' | 'replace',
  path: string,
  value: unknown,
) {
  const { attribute, filter } = parseScimPath(path);
  if (attribute === 'displayname') {
    const v = textValue('displayName', value, op === 'remove');
    if (!v) throw valueInvalid('displayName');
    out.displayName = v;
  } else if (attribute === 'externalid') {
    out.externalId = textValue('externalId', value, op === 'remove');
  } else if (attribute === 'members') {
    if (filter) {
      // members[value eq "…"]: only a removal by id makes sense.
      const ids = filter.filter((c) => c.attribute === 'value').map((c) => String(c.value));
      if (op !== 'remove' || ids.length !== 1 || filter.length !== 1) {
        throw new DomainError('validation', 'scim_path_invalid');
      }
      out.members.push({ kind: 'remove', userIds: ids });
    } else if (op === 'remove') {
      out.members.push(
        value === undefined || value === null
          ? { kind: 'clear' }
          : { kind: 'remove', userIds: memberIds(value) },
      );
    } else {
      out.members.push({ kind: op === 'add' ? 'add' : 'set', userIds: memberIds(value ?? []) });
    }
  }
  // Other attributes are not kept: accepted and ignored.
}

/** PATCH /Groups operations, applied in order, as changes. */
export function groupPatchChanges(operations: ScimPatchOperation[]): ScimGroupChanges {
  const out: ScimGroupChanges = { members: [] };
  for (const op of operations) {
    if (op.path) {
      applyGroupAttribute(out, op.op, op.path, op.value);
    } else {
      if (op.op === 'remove' || typeof op.value !== 'object' || op.value === null) {
        throw new DomainError('validation', 'scim_path_invalid');
      }
      for (const [key, value] of Object.entries(op.value)) {
        if (key.toLowerCase() === 'id') continue; // Okta repeats the id; it cannot change.
        applyGroupAttribute(out, op.op, key, value);
      }
    }
  }
  return out;
}

/** The member set after the steps, starting from the current one. */
export function applyMemberSteps(current: Iterable<string>, steps: MemberStep[]): Set<string> {
  const set = new Set(current);
  for (const step of steps) {
    if (step.kind === 'clear') set.clear();
    else if (step.kind === 'set') {
      set.clear();
      for (const id of step.userIds) set.add(id);
    } else if (step.kind === 'add') for (const id of step.userIds) set.add(id);
    else for (const id of step.userIds) set.delete(id);
  }
  return set;
}
